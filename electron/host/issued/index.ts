/** Issued documents: templates → PDF, the session's document store, the desk that numbers, renders and prints them. */
export { DOCUMENT_KIND, type DocumentRequest, type SealImage } from './document-request';
export { documentSignature, type DocumentSignature } from './document-signature';
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
export { createDocumentStore, type DocumentStore, type DocumentStoreOptions, type StoreError } from './document-store';
export { createDocumentService, recordedOutcome, type DocumentService, type DocumentServiceDeps, type IssuedDocument, type IssueError, type PrintError } from './document-service';
export { createReprintHold, REPRINT_HOLD_MS, type ReprintHold } from './reprint-hold';
