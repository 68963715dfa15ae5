/** The simulated A4 printer: an in-memory CUPS behind the real printing code, with dock controls. */
export { createSimulatedCups, type SimulatedCups, type SimulatedCupsOptions } from './simulated-cups';
export type { A4SimulatorControls, A4SimulatorState, PrintedJob } from './a4-simulator-controls';
export type { PaperLevel } from './printer-model';
