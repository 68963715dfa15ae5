/**
 * The flows' DocumentDesk over the documents module: issue (journal number,
 * render, keep the PDF for the session), print through CUPS, one reprint
 * from the same bytes. Printed only when CUPS says the job completed;
 * anything else is `notPrinted` with the documents module's message key,
 * reprintable while the PDF is still kept.
 *
 * Two numbers: the journal's own (the sequence the station accounts for,
 * never repeated, tied to the PDF's SHA-256 and print outcome; reprints go
 * by it) and the printed one, which for a certificate is the back-end's, so
 * a receiving employer checks the number the back-end knows. The journal
 * records both.
 */
import type { A4Outcome, DocumentDesk } from '../flows/library/kit';
import type { DocumentRequest } from './document-request';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import type { DocumentService } from './document-service';
import type { PrintOutcome } from '../printing/a4/print-outcome';

export interface DocumentDeskDeps {
  documents: DocumentService;
  /** Records the printed (back-end) number beside the journal's. */
  backendNumbers: { record(documentNumber: string, backendNumber: string): void };
  audit?: AuditLog;
  logger: Logger;
}

/** Message key when the document could not be produced (render or storage failed). */
export const DOCUMENT_FAILED_KEY = 'flow.a4Print.documentFailed';

const outcomeOf = (number: string, outcome: PrintOutcome): A4Outcome =>
  outcome.kind === 'completed' ? { kind: 'printed', documentNumber: number } : { kind: 'notPrinted', documentNumber: number, messageKey: outcome.messageKey, reprintable: true };

/** Creates the desk. */
export function createDocumentDesk(deps: DocumentDeskDeps): DocumentDesk {
  const log = deps.logger.child({ component: 'document-desk' });

  const print = async (number: string, sessionId: string | undefined, mode: 'print' | 'reprint'): Promise<A4Outcome> => {
    const printed = mode === 'print' ? await deps.documents.print(number) : await deps.documents.reprint(number);
    if (!printed.ok) {
      log.warn({ documentNumber: number, mode, problem: printed.error.kind }, 'document not printed');
      deps.audit?.record({ actor: 'host', action: `document.${mode}`, sessionId, subject: number, detail: { outcome: printed.error.kind } });
      return { kind: 'notPrinted', documentNumber: number, messageKey: printed.error.messageKey, reprintable: false };
    }
    const outcome = printed.value;
    const recorded = outcome.kind === 'completed' ? 'completed' : outcome.problem;
    log.info({ documentNumber: number, mode, outcome: recorded, jobId: outcome.jobId }, 'document print');
    deps.audit?.record({ actor: 'host', action: `document.${mode}`, sessionId, subject: number, detail: { outcome: recorded } });
    return outcomeOf(number, outcome);
  };

  return {
    async issueAndPrint(sessionId: string, request: DocumentRequest) {
      const issued = await deps.documents.issue(sessionId, request);
      if (!issued.ok) {
        const error = issued.error;
        log.error({ sessionId, documentNumber: error.number, problem: error.kind }, 'document not issued');
        // A refused request allocated no number: nothing was voided.
        if (error.number !== null) deps.audit?.record({ actor: 'host', action: 'document.voided', sessionId, subject: error.number, detail: { problem: error.kind } });
        return { kind: 'notPrinted', documentNumber: null, messageKey: DOCUMENT_FAILED_KEY, reprintable: false };
      }
      const number = issued.value.number;
      if (request.printedNumber !== undefined) deps.backendNumbers.record(number, request.printedNumber);
      deps.audit?.record({ actor: 'host', action: 'document.issued', sessionId, subject: number, detail: { type: request.kind, pages: issued.value.pages } });
      return print(number, sessionId, 'print');
    },
    reprint: (documentNumber) => print(documentNumber, undefined, 'reprint'),
  };
}
