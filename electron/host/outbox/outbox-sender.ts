/**
 * The background sender: delivers due outbox entries one at a time, deletes
 * each on acknowledgement, and backs off exponentially on failure. One pass
 * at a time; `wake()` after an enqueue sends without waiting for the poll.
 */
import type { OutboxEntry, OutboxStore } from './outbox-store';

/** What one delivery attempt came to. */
export type DeliveryOutcome = { kind: 'acknowledged' } | { kind: 'failed'; reason: string };

export interface OutboxSenderOptions {
  store: OutboxStore;
  deliver: (entry: OutboxEntry) => Promise<DeliveryOutcome>;
  /** Backoff after attempt n is baseMs·2^(n-1), capped (defaults 1 s / 5 min). */
  backoff?: { baseMs: number; maxMs: number };
  /** How often to look for due entries when idle (default 5 s). */
  pollMs?: number;
  now?: () => Date;
  /** Ids and outcomes only: never payloads. */
  onEvent?: (event: { kind: 'delivered' | 'deferred' | 'undecryptable'; idempotencyKey: string; attempts?: number; reason?: string }) => void;
}

export interface OutboxSender {
  start(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
  /** Sends what is due now; resolves with how many were acknowledged. */
  flush(): Promise<number>;
  /** Asks for a pass soon (after an enqueue). */
  wake(): void;
}

/** Creates the sender. */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { store, deliver } = options;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
  const pollMs = options.pollMs ?? 5000;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  async function pass(): Promise<number> {
    let delivered = 0;
    const { entries, undecryptable } = store.due();
    for (const entry of undecryptable) options.onEvent?.({ kind: 'undecryptable', idempotencyKey: entry.idempotencyKey });
    for (const entry of entries) {
      let outcome: DeliveryOutcome;
      try {
        outcome = await deliver(entry);
      } catch (error) {
        outcome = { kind: 'failed', reason: error instanceof Error ? error.name : 'error' };
      }
      if (outcome.kind === 'acknowledged') {
        store.acknowledge(entry.idempotencyKey);
        delivered += 1;
        options.onEvent?.({ kind: 'delivered', idempotencyKey: entry.idempotencyKey, attempts: entry.attempts + 1 });
      } else {
        const attempts = entry.attempts + 1;
        const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempts - 1));
        store.deferred(entry.idempotencyKey, outcome.reason, new Date(now().getTime() + delay));
        options.onEvent?.({ kind: 'deferred', idempotencyKey: entry.idempotencyKey, attempts, reason: outcome.reason });
      }
    }
    return delivered;
  }

  const flush = (): Promise<number> => {
    if (running) return running.then(() => flush());
    running = pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!started) return;
    timer = setTimeout(() => {
      void flush().finally(() => {
        const next = store.nextDueAt();
        const wait = next ? Math.max(0, Math.min(pollMs, next.getTime() - now().getTime())) : pollMs;
        schedule(wait);
      });
    }, ms);
    timer.unref?.();
  };

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    flush,
    wake: () => schedule(0),
  };
}
