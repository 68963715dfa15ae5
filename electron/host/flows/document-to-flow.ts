/**
 * Puts the document camera under flow control: a page is taken only for the
 * document capture step the session's flow is on (its id and one of its
 * papers, while it is capturing and the paper has room), and the document
 * module's accepted and deleted pages reach the flow as host events
 * (PAGE_ACCEPTED, PAGE_DELETED) that the renderer cannot send.
 */
import type { PageAcceptedEvent, PageDeletedEvent } from './flow-events';
import { flowOf } from './session-flow';
import type { SessionStore } from '../session/session-store';

/** A paper as the current step shows it (public data only). */
export interface AskedPaper {
  value: string;
  maxPages: number;
  pageIds: readonly string[];
}

/** The flow side of the document module. */
export interface DocumentFlowPort {
  /** The papers of the session's current step when it is the capturing document step `stepId`; else null. */
  asked(sessionId: string, stepId: string): readonly AskedPaper[] | null;
  pageAccepted(sessionId: string, page: Omit<PageAcceptedEvent, 'type'>): boolean;
  pageDeleted(sessionId: string, page: Omit<PageDeletedEvent, 'type'>): boolean;
}

/** The port over the sessions' flows. */
export function documentFlowPort(sessions: SessionStore): DocumentFlowPort {
  const flowIn = (sessionId: string) => {
    const session = sessions.get(sessionId);
    return session ? flowOf(session) : undefined;
  };
  return {
    asked(sessionId, stepId) {
      const view = flowIn(sessionId)?.view();
      if (!view || view.stepId !== stepId || view.data.step !== 'documentCapture' || view.data.state !== 'capturing') return null;
      return view.data.papers.map(({ value, maxPages, pageIds }) => ({ value, maxPages, pageIds }));
    },
    pageAccepted: (sessionId, page) => flowIn(sessionId)?.send({ type: 'PAGE_ACCEPTED', ...page }) ?? false,
    pageDeleted: (sessionId, page) => flowIn(sessionId)?.send({ type: 'PAGE_DELETED', ...page }) ?? false,
  };
}
