/**
 * The background sender: delivers due outbox entries one at a time, deletes
 * each on acknowledgement, and backs off exponentially on failure. One pass
 * at a time; `wake()` after an enqueue sends without waiting for the poll.
 * A definitive refusal (`rejected`) is not retried: the entry is removed and
 * the refusal reported, so whoever is owed something for it (a refund) hears
 * of it. `deliverNow(key)` sends one entry at once and answers its outcome
 * (a step waiting for the back-end's 受理编号).
 */
import type { OutboxEntry, OutboxStore } from './outbox-store';

/** What one delivery attempt came to. */
export type DeliveryOutcome = { kind: 'acknowledged'; receiptNumber?: string } | { kind: 'rejected'; reason: string } | { kind: 'failed'; reason: string };

/** What `deliverNow` came to: a delivery outcome, or `missing` (no such entry, held, or sent before this host started). */
export type DeliverNowOutcome = DeliveryOutcome | { kind: 'missing' };

/** A sender event (ids and outcomes only, never payloads). `via`: the background pass, or a `deliverNow` caller who handles the outcome itself. */
export interface OutboxEvent {
  kind: 'delivered' | 'deferred' | 'rejected' | 'undecryptable';
  idempotencyKey: string;
  attempts?: number;
  reason?: string;
  receiptNumber?: string;
  via?: 'pass' | 'now';
}

export interface OutboxSenderOptions {
  store: OutboxStore;
  deliver: (entry: OutboxEntry) => Promise<DeliveryOutcome>;
  /** Backoff after attempt n is baseMs·2^(n-1), capped (defaults 1 s / 5 min). */
  backoff?: { baseMs: number; maxMs: number };
  /** How often to look for due entries when idle (default 5 s). */
  pollMs?: number;
  now?: () => Date;
  /** Ids and outcomes only: never payloads. */
  onEvent?: (event: OutboxEvent) => void;
}

export interface OutboxSender {
  start(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
  /** Sends what is due now; resolves with how many were acknowledged. */
  flush(): Promise<number>;
  /** Asks for a pass soon (after an enqueue). */
  wake(): void;
  /**
   * Sends the entry with this key now (after any pass in flight) and answers
   * the outcome; an entry a pass of this host already settled answers that outcome.
   */
  deliverNow(idempotencyKey: string): Promise<DeliverNowOutcome>;
}

/** Outcomes this host remembers, so a step asking after a pass delivered its entry still gets the answer. */
const REMEMBERED = 200;

/** Creates the sender. */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { store, deliver } = options;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
  const pollMs = options.pollMs ?? 5000;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  const settledOutcomes = new Map<string, DeliveryOutcome>();

  async function deliverOne(entry: OutboxEntry, via: 'pass' | 'now'): Promise<DeliveryOutcome> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliver(entry);
    } catch (error) {
      outcome = { kind: 'failed', reason: error instanceof Error ? error.name : 'error' };
    }
    const attempts = entry.attempts + 1;
    switch (outcome.kind) {
      case 'acknowledged':
        store.acknowledge(entry.idempotencyKey);
        remember(entry.idempotencyKey, outcome);
        options.onEvent?.({ kind: 'delivered', idempotencyKey: entry.idempotencyKey, attempts, via, ...(outcome.receiptNumber ? { receiptNumber: outcome.receiptNumber } : {}) });
        return outcome;
      case 'rejected':
        // Refused for good: sending it again cannot help.
        store.discard(entry.idempotencyKey);
        remember(entry.idempotencyKey, outcome);
        options.onEvent?.({ kind: 'rejected', idempotencyKey: entry.idempotencyKey, attempts, reason: outcome.reason, via });
        return outcome;
      case 'failed': {
        const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempts - 1));
        store.deferred(entry.idempotencyKey, outcome.reason, new Date(now().getTime() + delay));
        options.onEvent?.({ kind: 'deferred', idempotencyKey: entry.idempotencyKey, attempts, reason: outcome.reason, via });
        return outcome;
      }
      default: {
        const never: never = outcome;
        return never;
      }
    }
  }

  function remember(key: string, outcome: DeliveryOutcome): void {
    settledOutcomes.set(key, outcome);
    if (settledOutcomes.size > REMEMBERED) settledOutcomes.delete(settledOutcomes.keys().next().value!);
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    const { entries, undecryptable } = store.due();
    for (const entry of undecryptable) options.onEvent?.({ kind: 'undecryptable', idempotencyKey: entry.idempotencyKey });
    for (const entry of entries) if ((await deliverOne(entry, 'pass')).kind === 'acknowledged') delivered += 1;
    return delivered;
  }

  /** One piece of work at a time: a pass and a deliverNow never send the same entry side by side. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (running) return running.then(() => exclusive(work), () => exclusive(work));
    const result = work();
    running = result.then(
      () => 0,
      () => 0,
    ).finally(() => {
      running = undefined;
    });
    return result;
  }

  const flush = (): Promise<number> => exclusive(pass);

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
    deliverNow: (idempotencyKey) =>
      exclusive(async (): Promise<DeliverNowOutcome> => {
        const entry = store.entry(idempotencyKey);
        if (entry) return deliverOne(entry, 'now');
        return settledOutcomes.get(idempotencyKey) ?? { kind: 'missing' };
      }),
  };
}
