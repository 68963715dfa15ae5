/**
 * The kit's `documentPages` for the document capture step: when the step
 * passes, one PDF per paper from the pages this session kept for it, in the
 * flow's order, held in the session's data for the service to submit. A page
 * the session does not hold (another session's, a deleted one) refuses the
 * whole assembly. Each PDF is read back and must hold as many pages as
 * were kept (logged with its size and hash, never its content).
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { err, ok } from '../../../../domain/result';
import type { AssembledPaper, DocumentPages } from '../../flows/library/document-capture';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import { paperPdf, type PdfPage } from './paper-pdf';
import { sessionPages } from './session-pages';

/** Creates the port over the session store. */
export function createDocumentPages(sessions: SessionStore, logger?: Logger): DocumentPages {
  return {
    async assemble(sessionId, stepId, papers) {
      const session = sessions.get(sessionId);
      if (!session) return err('flow.documentCapture.pageMissing');
      const held = sessionPages(session);
      const found: Array<{ value: string; pages: PdfPage[] }> = [];
      for (const paper of papers) {
        const pages = paper.pageIds.map((pageId) => held.find(stepId, paper.value, pageId));
        if (pages.some((page) => page === undefined)) return err('flow.documentCapture.pageMissing');
        if (pages.length > 0) found.push({ value: paper.value, pages: pages as PdfPage[] });
      }
      const assembled: AssembledPaper[] = [];
      for (const paper of found) {
        const pdf = await paperPdf(paper.pages);
        // The session may have ended while the PDF was made: keep nothing then.
        if (sessions.get(sessionId) !== session) {
          pdf.fill(0);
          return err('flow.documentCapture.pageMissing');
        }
        const pdfPages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
        if (pdfPages !== paper.pages.length) {
          pdf.fill(0);
          return err('flow.documentCapture.assemblyFailed');
        }
        held.setPdf(stepId, paper.value, pdf);
        const sha256 = createHash('sha256').update(pdf).digest('hex');
        logger?.info({ sessionId, stepId, paper: paper.value, pdfPages, bytes: pdf.length, sha256 }, 'document paper assembled');
        assembled.push({ value: paper.value, pages: paper.pages.length, sha256 });
      }
      return ok(assembled);
    },
    pdf(sessionId, stepId, paper) {
      const session = sessions.get(sessionId);
      return session ? sessionPages(session).pdf(stepId, paper) : undefined;
    },
  };
}
