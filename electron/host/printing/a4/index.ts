/** The A4 printer: CUPS jobs, the printer's condition and status device, and its simulator. */
export { createCupsClient, type CupsClient, type CupsClientOptions, type CupsError, type JobState, type PrinterAttributes } from './cups/cups-client';
export { conditionOf, driverStatusOf, type PrinterCondition, type PrinterProblem, type PrinterWarning } from './cups/printer-condition';
export { createA4Printer, type A4Printer, type A4PrinterOptions } from './a4-printer';
export { PRINT_MESSAGES, messageKeyOf, type PrintOutcome, type PrintProblem, type PrintMessageKey } from './print-outcome';
export { createA4PrinterDevice, type A4PrinterDevice, type A4PrinterDeviceOptions } from './a4-printer-device';
export { withA4Printer } from './with-a4-printer';
