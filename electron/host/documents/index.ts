/** Documents and A4 printing: templates → PDF, CUPS jobs, the printer's status device. */
export { DOCUMENT_KIND, type DocumentRequest, type SealImage } from './document-request';
export type { Result } from '../../../domain/result';
export { createPdfRenderer, type PdfRendererOptions } from './render/pdf-renderer';
export type { DocumentRenderer, RenderRequest, RenderedDocument, RenderError } from './render/document-renderer';
export { DocumentTemplate } from './templates/template-schema';
export { parseTemplate, type TemplateError } from './templates/parse-template';
export type { TemplateVars } from './templates/fill';
export { LIBRARY_TEMPLATES, type AcceptanceReceiptVars, type PaymentVoucherVars } from './templates/library';
// The document kit: what services need to fill fields in the printed form.
export { formatChineseDate, formatChineseDateTime } from './templates/chinese-date';
export { amountInWords, formatYuan } from './templates/chinese-amount';
export { maskIdNumber, maskName } from '../../../domain/mask';
export { createFontLibrary, defaultFontChain, type FontChainConfig, type FontFaceSource, type FontError } from './fonts/font-library';
export { createCupsClient, type CupsClient, type CupsClientOptions, type CupsError, type JobState, type PrinterAttributes } from './cups/cups-client';
export { conditionOf, driverStatusOf, type PrinterCondition, type PrinterProblem, type PrinterWarning } from './cups/printer-condition';
export { createA4Printer, type A4Printer, type A4PrinterOptions } from './print/a4-printer';
export { PRINT_MESSAGES, messageKeyOf, type PrintOutcome, type PrintProblem, type PrintMessageKey } from './print/print-outcome';
export { createA4PrinterDevice, type A4PrinterDevice, type A4PrinterDeviceOptions } from './a4-printer-device';
export { withA4Printer } from './with-a4-printer';
export { createDocumentStore, type DocumentStore, type DocumentStoreOptions, type StoreError } from './document-store';
export { createDocumentService, recordedOutcome, type DocumentService, type DocumentServiceDeps, type IssuedDocument, type IssueError, type PrintError } from './document-service';
