/**
 * `document.submit` and `document.deletePage`: pages from the document
 * camera, only for the document capture step the session's flow is on and
 * one of its papers. The host checks each page (page-checks.ts) and keeps
 * its own re-encoded file in the session's data; the flow learns of an
 * accepted or deleted page from the host (document-to-flow.ts), never from
 * the renderer. The bytes come from a less trusted process: every refusal
 * is a value, and nothing about them is logged but sizes and measures.
 */
import { createHash } from 'node:crypto';
import type { DocumentPageRefusal } from '../../../contract';
import { kioskError, type CallHandlers } from '../../api/dispatch';
import type { DocumentFlowPort } from '../../flows/document-to-flow';
import type { Logger } from '../../log/logger';
import type { SessionStore } from '../../session/session-store';
import { checkPage, DEFAULT_PAGE_RULES, type PageRules } from './page-checks';
import { HINT_KEYS, pagePreview } from './page-preview';
import { MAX_SESSION_PAGES, sessionPages } from './session-pages';

export interface DocumentHandlerContext {
  sessions: SessionStore;
  logger: Logger;
  newId: () => string;
  flow: DocumentFlowPort;
  rules?: PageRules;
}

/** The words for a refused page (`camera.document.*`). */
export const REFUSAL_KEYS: Readonly<Record<DocumentPageRefusal, string>> = {
  unreadable: 'camera.document.unreadable',
  tooSmall: 'camera.document.tooSmall',
  tooDark: 'camera.document.tooDark',
  tooBlurred: 'camera.document.tooBlurred',
};

const refused = (messageKey: string) => ({ ok: false as const, error: { ...kioskError('invalidParams'), messageKey } });

/** Creates `document.submit` and `document.deletePage`. */
export function createDocumentHandlers(ctx: DocumentHandlerContext): Pick<CallHandlers, 'document.submit' | 'document.deletePage'> {
  const { sessions, logger, flow } = ctx;
  const rules = ctx.rules ?? DEFAULT_PAGE_RULES;
  return {
    'document.submit': async ({ sessionId, stepId, paper, jpeg }) => {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      sessions.touch(sessionId);
      const asked = flow.asked(sessionId, stepId)?.find((candidate) => candidate.value === paper);
      if (!asked) return refused('camera.document.notAsked');
      if (asked.pageIds.length >= asked.maxPages) return refused('camera.document.tooManyPages');
      const held = sessionPages(session);
      if (held.count() >= MAX_SESSION_PAGES) return refused('camera.document.tooManyPages');
      const checked = await checkPage(new Uint8Array(Buffer.from(jpeg, 'base64')), rules);
      if (!checked.ok) {
        logger.info({ sessionId, stepId, paper, reason: checked.error.reason, measures: checked.error.measures }, 'document page refused');
        return { ok: true, value: { accepted: false, reason: checked.error.reason, messageKey: REFUSAL_KEYS[checked.error.reason] } };
      }
      const preview = await pagePreview(checked.value.jpeg);
      // The session or its step may have moved on while the page was checked: ask again before keeping it.
      if (sessions.get(sessionId) !== session || !flow.asked(sessionId, stepId)) return refused('camera.document.notAsked');
      const pageId = ctx.newId();
      const { width, height, corners, miss } = checked.value;
      if (!held.add({ pageId, stepId, paper, jpeg: checked.value.jpeg, width, height })) return refused('camera.document.tooManyPages');
      const sha256 = createHash('sha256').update(checked.value.jpeg).digest('hex');
      if (!flow.pageAccepted(sessionId, { stepId, paper, pageId, sha256 })) {
        // The step took no more pages (full, or it moved on): the page is not kept.
        held.delete(stepId, paper, pageId);
        return refused('camera.document.tooManyPages');
      }
      logger.info({ sessionId, stepId, paper, measures: checked.value.measures, straightened: miss === null, miss, kept: { width, height }, bytes: checked.value.jpeg.length }, 'document page accepted');
      return { ok: true, value: { accepted: true, pageId, width, height, corners: corners ? corners.map(({ x, y }) => ({ x, y })) : null, hintKey: miss ? HINT_KEYS[miss] : null, preview } };
    },
    'document.deletePage': ({ sessionId, stepId, paper, pageId }) => {
      const session = sessions.get(sessionId);
      if (!session) return { ok: false, error: kioskError('noSession') };
      sessions.touch(sessionId);
      const asked = flow.asked(sessionId, stepId)?.find((candidate) => candidate.value === paper);
      if (!asked || !asked.pageIds.includes(pageId)) return refused('camera.document.unknownPage');
      if (!flow.pageDeleted(sessionId, { stepId, paper, pageId })) return refused('camera.document.unknownPage');
      sessionPages(session).delete(stepId, paper, pageId);
      logger.info({ sessionId, stepId, paper }, 'document page deleted');
      return { ok: true, value: { deleted: true } };
    },
  };
}
