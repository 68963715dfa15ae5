/** Calls waiting for their reply, correlated by request id, each with a timeout. */
import type { CallName, CallOutcome, KioskError, ResponseEnvelope } from '../../electron/contract';
import { clientErrors, readReply } from './envelope';

/** Default time a call may wait for its reply. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

interface Entry {
  method: CallName;
  sent: boolean;
  finish: (outcome: CallOutcome<CallName>) => void;
}

/** The table of calls in flight. */
export interface PendingCalls {
  /** Registers a call; the promise resolves with its outcome, never rejects. */
  add<M extends CallName>(id: string, method: M): Promise<CallOutcome<M>>;
  has(id: string): boolean;
  markSent(id: string): void;
  /** Settles the call a reply belongs to; false when no call waits for that id. */
  settle(reply: ResponseEnvelope): boolean;
  fail(id: string, error: KioskError): void;
  /** Fails every call (or only those already sent). */
  failAll(error: KioskError, onlySent?: boolean): void;
  size(): number;
}

/** Creates an empty table whose calls time out after `timeoutMs`. */
export function createPendingCalls(timeoutMs = DEFAULT_CALL_TIMEOUT_MS): PendingCalls {
  const entries = new Map<string, Entry>();

  function finish(id: string, outcome: CallOutcome<CallName>): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    entry.finish(outcome);
  }

  return {
    add<M extends CallName>(id: string, method: M) {
      return new Promise<CallOutcome<M>>((resolve) => {
        const timer = setTimeout(() => finish(id, { ok: false, error: clientErrors.timeout }), timeoutMs);
        entries.set(id, {
          method,
          sent: false,
          finish: (outcome) => {
            clearTimeout(timer);
            resolve(outcome as CallOutcome<M>);
          },
        });
      });
    },
    has: (id) => entries.has(id),
    markSent(id) {
      const entry = entries.get(id);
      if (entry) entry.sent = true;
    },
    settle(reply) {
      const entry = reply.id === null ? undefined : entries.get(reply.id);
      if (!entry || reply.id === null) return false;
      finish(reply.id, readReply(entry.method, reply));
      return true;
    },
    fail: (id, error) => finish(id, { ok: false, error }),
    failAll(error, onlySent = false) {
      for (const [id, entry] of [...entries]) if (!onlySent || entry.sent) finish(id, { ok: false, error });
    },
    size: () => entries.size,
  };
}
