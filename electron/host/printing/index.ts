/** The host's printing stack and the A4 diagnostics CLI. */
export { createPrinting, type Printing, type PrintingDeps, type PrintingTuning } from './create-printing';
export { testPageDocument, TEST_PAGE_RARE_CHARACTERS } from './test-page';
export { createDisabledA4Printer } from './disabled-printer';
