/**
 * The no-criminal-record flow's CertificatePrinter over the documents
 * module: issue (number, render, keep the PDF for the session), print
 * through CUPS, one reprint from the same bytes. Printed only when CUPS says
 * the job completed; anything else is `notPrinted` with the documents
 * module's message key, reprintable while the PDF is still kept.
 *
 * Which number is printed: the back-end's (the one a receiving employer
 * checks). The journal still numbers the document itself (e.g.
 * `WF2026-HB-KIOSK-01-000123`, the sequence the station accounts for, the
 * key for print and reprint); the back-end's number is recorded alongside
 * (`document_backend_numbers`), so either number finds the other. No seal
 * yet: the back-end's electronic seal comes with the service's rewrite.
 */
import certificateTemplate from '../../../resources/templates/noCriminalRecord.json' with { type: 'json' };
import type { DocumentService, IssueError } from '../documents/document-service';
import { formatChineseDate } from '../documents/templates/chinese-date';
import type { PrintOutcome } from '../documents/print/print-outcome';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import type { CertificatePrinter, CertificatePrintOutcome, CertificateRequest } from '../services/no-criminal-record/certificate-printer';
import type { BackendNumbers } from './backend-numbers';

export interface DocumentCertificatePrinterDeps {
  documents: DocumentService;
  backendNumbers: BackendNumbers;
  audit?: AuditLog;
  logger: Logger;
}

/** Message key when the certificate could not be produced (render or storage failed). */
export const DOCUMENT_FAILED_KEY = 'flow.print.documentFailed';

const outcomeOf = (number: string, outcome: PrintOutcome): CertificatePrintOutcome =>
  outcome.kind === 'completed' ? { kind: 'printed', documentNumber: number } : { kind: 'notPrinted', documentNumber: number, messageKey: outcome.messageKey, reprintable: true };

/** Creates the adapter. */
export function createDocumentCertificatePrinter(deps: DocumentCertificatePrinterDeps): CertificatePrinter {
  const log = deps.logger.child({ component: 'certificate-printer' });

  const print = async (number: string, sessionId: string | undefined, mode: 'print' | 'reprint'): Promise<CertificatePrintOutcome> => {
    const printed = mode === 'print' ? await deps.documents.print(number) : await deps.documents.reprint(number);
    if (!printed.ok) {
      log.warn({ documentNumber: number, mode, problem: printed.error.kind }, 'certificate not printed');
      deps.audit?.record({ actor: 'host', action: `document.${mode}`, sessionId, subject: number, detail: { outcome: printed.error.kind } });
      return { kind: 'notPrinted', documentNumber: number, messageKey: printed.error.messageKey, reprintable: false };
    }
    const outcome = printed.value;
    const recorded = outcome.kind === 'completed' ? 'completed' : outcome.problem;
    log.info({ documentNumber: number, mode, outcome: recorded, jobId: outcome.jobId }, 'certificate print');
    deps.audit?.record({ actor: 'host', action: `document.${mode}`, sessionId, subject: number, detail: { outcome: recorded } });
    return outcomeOf(number, outcome);
  };

  return {
    async printCertificate(request: CertificateRequest) {
      const issued = await deps.documents.issue(request.sessionId, {
        kind: 'noCriminalRecord',
        template: certificateTemplate,
        // A date that is not a calendar date stays empty: the template refuses it.
        vars: {
          name: request.name.trim(),
          idDocumentType: request.idDocumentType,
          idNumber: request.idNumber,
          queryDate: formatChineseDate(request.queryDate),
          issuingOffice: request.issuingOffice,
          issueDate: formatChineseDate(request.issueDate),
          verifyCode: request.verifyCode,
          verifyTarget: request.verifyUrl ?? request.verifyCode,
        },
        printedNumber: request.backendNumber,
      });
      if (!issued.ok) {
        const error: IssueError = issued.error;
        log.error({ sessionId: request.sessionId, documentNumber: error.number, problem: error.kind, detail: error.error.kind }, 'certificate not issued');
        // A refused request (`number: null`) voided no number.
        if (error.number !== null) deps.audit?.record({ actor: 'host', action: 'document.voided', sessionId: request.sessionId, subject: error.number, detail: { problem: error.kind } });
        return { kind: 'notPrinted', documentNumber: null, messageKey: DOCUMENT_FAILED_KEY, reprintable: false };
      }
      const number = issued.value.number;
      deps.backendNumbers.record(number, request.backendNumber);
      deps.audit?.record({ actor: 'host', action: 'document.issued', sessionId: request.sessionId, subject: number, detail: { type: 'noCriminalRecord', pages: issued.value.pages } });
      return print(number, request.sessionId, 'print');
    },
    reprintCertificate: (documentNumber) => print(documentNumber, undefined, 'reprint'),
  };
}
