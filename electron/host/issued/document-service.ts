/**
 * Issuing and printing documents for a session: check the request, allocate
 * the journal's number, render (printing the request's number, or the
 * journal's when it brings none), keep the PDF for the session, print through
 * CUPS and record the outcome; one reprint per document from the same bytes
 * (same number, no new service run). With a reprint hold, the last printed
 * document's bytes stay in memory for a short window after its session
 * ended (reprint-hold.ts), so the one reprint works on a kiosk that deletes
 * documents at session end.
 */
import { createHash } from 'node:crypto';
import { DOCUMENT_KIND, type DocumentRequest } from './document-request';
import type { DocumentStore, StoreError } from './document-store';
import type { ReprintHold } from './reprint-hold';
import type { DocumentRenderer, RenderError } from './render/document-renderer';
import { parseTemplate, type TemplateError } from './templates/parse-template';
import type { A4Printer } from '../printing/a4/a4-printer';
import type { PrintOutcome } from '../printing/a4/print-outcome';
import { err, ok, type Result } from '../../../domain/result';
import { formatDocumentNumber, type DocumentNumbers } from '../journal/document-numbers';
import type { DocumentsRepo } from '../journal/documents-repo';
import { zonedFields } from '../../../domain/calendar-date';

export interface IssuedDocument {
  /** The journal's number: the key for print, reprint and the documents table. */
  number: string;
  /** The number printed on the document (the request's, or the journal's). */
  printedNumber: string;
  sha256: string;
  pages: number;
}

export type IssueError =
  /** Refused before a number was allocated: a kind the journal cannot store, or a template that does not validate. */
  | { kind: 'request'; number: null; error: TemplateError | { kind: 'invalidKind'; message: string } }
  /** The number is voided, never reused. */
  | { kind: 'render'; number: string; error: RenderError }
  | { kind: 'store'; number: string; error: StoreError };

export type PrintError =
  | { kind: 'notFound'; messageKey: 'print.reprintUnavailable' }
  | { kind: 'voided'; messageKey: 'print.reprintUnavailable' }
  /** The PDF is no longer kept (session over) or no longer matches its recorded hash. */
  | { kind: 'fileGone'; messageKey: 'print.reprintUnavailable' }
  | { kind: 'reprintUsed'; messageKey: 'print.reprintUsed' };

export interface DocumentServiceDeps {
  renderer: DocumentRenderer;
  numbers: DocumentNumbers;
  documents: DocumentsRepo;
  store: DocumentStore;
  printer: A4Printer;
  kioskId: string;
  now?: () => Date;
  /** The configured zone: a document number's year is the hall's year (default Asia/Shanghai). */
  timeZone?: string;
  /**
   * Keeps the last printed document of an ended session in memory for the
   * one reprint (only when the store deletes documents at session end);
   * `skipKind` names kinds never held (the staff's test page).
   */
  reprintHold?: { hold: ReprintHold; skipKind?: (kind: string) => boolean };
}

export interface DocumentService {
  /** Numbers, renders and keeps a document; `{{number}}` prints `request.printedNumber` or else the journal's number. */
  issue(sessionId: string, request: DocumentRequest): Promise<Result<IssuedDocument, IssueError>>;
  print(number: string): Promise<Result<PrintOutcome, PrintError>>;
  /** Prints the same PDF again, once per document. */
  reprint(number: string): Promise<Result<PrintOutcome, PrintError>>;
  /** Session over: delete its PDFs (unless configured to keep them). */
  endSession(sessionId: string): Promise<void>;
}

/** Journal value for an outcome: `completed` or the problem. */
export function recordedOutcome(outcome: PrintOutcome): string {
  return outcome.kind === 'completed' ? 'completed' : outcome.problem;
}

/** Creates the service. */
export function createDocumentService(deps: DocumentServiceDeps): DocumentService {
  const now = deps.now ?? (() => new Date());
  const unavailable = (kind: 'notFound' | 'voided' | 'fileGone'): { ok: false; error: PrintError } => err({ kind, messageKey: 'print.reprintUnavailable' });

  async function storedPdf(number: string): Promise<Result<Uint8Array, PrintError>> {
    const record = deps.documents.get(number);
    if (!record) return unavailable('notFound');
    if (record.status === 'voided' || !record.sha256) return unavailable('voided');
    const pdf = (await deps.store.read(record.sessionId, number)) ?? deps.reprintHold?.hold.get(number);
    if (!pdf || createHash('sha256').update(pdf).digest('hex') !== record.sha256) return unavailable('fileGone');
    return ok(pdf);
  }

  /** Before the session's files go: the last document it printed (or tried to) is held for the one reprint. */
  async function holdLastPrinted(sessionId: string, reprint: NonNullable<DocumentServiceDeps['reprintHold']>): Promise<void> {
    const printed = deps.documents
      .listBySession(sessionId)
      .filter((doc) => doc.status === 'rendered' && doc.printOutcome !== 'notAttempted' && doc.reprintCount === 0 && !reprint.skipKind?.(doc.type));
    const last = printed[printed.length - 1];
    if (!last) return;
    const pdf = await deps.store.read(sessionId, last.number);
    if (pdf && createHash('sha256').update(pdf).digest('hex') === last.sha256) reprint.hold.hold(last.number, pdf);
  }

  return {
    async issue(sessionId, request) {
      const { kind } = request;
      if (!DOCUMENT_KIND.test(kind)) return err({ kind: 'request', number: null, error: { kind: 'invalidKind', message: 'a document kind is 1–64 of [a-zA-Z0-9-]' } });
      const template = parseTemplate(request.template);
      if (!template.ok) return err({ kind: 'request', number: null, error: template.error });

      const year = zonedFields(now(), deps.timeZone).year;
      const number = formatDocumentNumber(kind, year, deps.kioskId, deps.numbers.next(kind, year));
      const printedNumber = request.printedNumber ?? number;
      // The printed number wins over a `number` the service may have put in vars.
      const vars = { ...request.vars, number: printedNumber };
      const rendered = await deps.renderer.render({ template: request.template, vars, ...(request.seal ? { seal: request.seal } : {}), ...(request.signature ? { signature: request.signature } : {}) });
      if (!rendered.ok) {
        deps.documents.insertVoided({ number, type: kind, sessionId });
        return err({ kind: 'render', number, error: rendered.error });
      }
      const saved = await deps.store.save(sessionId, number, rendered.value.pdf);
      if (!saved.ok) {
        deps.documents.insertVoided({ number, type: kind, sessionId });
        return err({ kind: 'store', number, error: saved.error });
      }
      deps.documents.insertRendered({ number, type: kind, sessionId, sha256: rendered.value.sha256, pages: rendered.value.pages });
      return ok({ number, printedNumber, sha256: rendered.value.sha256, pages: rendered.value.pages });
    },
    async print(number) {
      const pdf = await storedPdf(number);
      if (!pdf.ok) return pdf;
      const outcome = await deps.printer.print(pdf.value, `OneDoor ${number}`);
      deps.documents.recordPrint(number, recordedOutcome(outcome), outcome.jobId);
      return ok(outcome);
    },
    async reprint(number) {
      const pdf = await storedPdf(number);
      if (!pdf.ok) return pdf;
      const claimed = deps.documents.claimReprint(number);
      if (!claimed.ok) {
        return claimed.error.kind === 'reprintUsed' ? err({ kind: 'reprintUsed', messageKey: 'print.reprintUsed' }) : unavailable(claimed.error.kind);
      }
      // The one reprint is taken: the held bytes have done their job.
      if (deps.reprintHold?.hold.heldNumber() === number) deps.reprintHold.hold.wipe();
      const outcome = await deps.printer.print(pdf.value, `OneDoor ${number} reprint`);
      deps.documents.recordReprint(number, recordedOutcome(outcome), outcome.jobId);
      return ok(outcome);
    },
    async endSession(sessionId) {
      if (deps.reprintHold && !deps.store.keepDocuments) await holdLastPrinted(sessionId, deps.reprintHold);
      await deps.store.deleteSessionFiles(sessionId);
    },
  };
}
