/**
 * Keeps one device connected: acquires a transport (re-enumerating each
 * time), opens it, hands it to the driver, and when the transport disconnects
 * or cannot be opened reports `noDevice` and retries with exponential backoff.
 * Nothing here throws out of a timer: every failure becomes a status.
 */
import type { DriverStatus } from '../device';
import type { Transport, TransportError, TransportResult } from '../transport/transport';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { TimerHandle, Timers } from './timers';

/** What the supervisor needs from the device it keeps connected. */
export interface SupervisorOptions {
  /** Finds the device and creates (not opens) its transport; called before every attempt. */
  acquire(): Promise<TransportResult<Transport>>;
  /** Starts the driver on an open transport. Its statuses are the device's from now on. */
  attach(transport: Transport): Promise<void>;
  /** Stops the driver started by the last `attach`. */
  detach(): Promise<void>;
  /** Every status the supervisor itself decides (starting, noDevice). */
  onStatus(status: DriverStatus): void;
  timers: Timers;
  random?: () => number;
  backoff?: BackoffPolicy;
}

/** A running supervisor. */
export interface Supervisor {
  start(): void;
  stop(): Promise<void>;
  /** Skips the wait of a pending retry (e.g. the dev dock plugged the cable back). */
  retryNow(): void;
  /** Whether a driver is attached to an open transport right now. */
  readonly connected: boolean;
  /** Delays scheduled so far, for diagnostics and tests. */
  readonly retryDelays: readonly number[];
}

/** Creates a {@link Supervisor}; nothing happens until `start()`. */
export function createSupervisor(options: SupervisorOptions): Supervisor {
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const delays: number[] = [];
  let running = false;
  /** Bumped on stop and on every disconnect, so stale async work knows to give up. */
  let generation = 0;
  let failures = 0;
  let timer: TimerHandle | undefined;
  let current: { transport: Transport; unsubscribe: () => void } | undefined;
  let attempting = false;

  function clearTimer(): void {
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = undefined;
  }

  function schedule(reason: TransportError): void {
    failures += 1;
    const delay = backoffDelay(failures, policy, random);
    delays.push(delay);
    options.onStatus({
      kind: 'noDevice',
      message: `${reason.message} (${reason.kind}); retrying in ${(delay / 1000).toFixed(1)} s`,
    });
    clearTimer();
    timer = options.timers.setTimeout(() => {
      timer = undefined;
      void attempt().catch(() => undefined);
    }, delay);
  }

  async function release(): Promise<void> {
    const held = current;
    current = undefined;
    if (!held) return;
    held.unsubscribe();
    await options.detach().catch(() => undefined);
    await held.transport.close().catch(() => undefined);
  }

  async function attempt(): Promise<void> {
    if (!running || attempting || current) return;
    attempting = true;
    const mine = generation;
    try {
      const acquired = await options.acquire();
      if (!acquired.ok) {
        if (mine === generation) schedule(acquired.error);
        return;
      }
      const transport = acquired.value;
      const opened = await transport.open();
      if (mine !== generation) {
        await transport.close().catch(() => undefined);
        return;
      }
      if (!opened.ok) {
        await transport.close().catch(() => undefined);
        schedule(opened.error);
        return;
      }
      failures = 0;
      const unsubscribe = transport.on('disconnected', (reason) => void lost(transport, reason).catch(() => undefined));
      current = { transport, unsubscribe };
      await options.attach(transport);
    } catch (error) {
      // A driver bug must not kill the supervisor: treat it as a failed attempt.
      if (mine === generation && running) {
        await release();
        schedule({
          kind: 'io',
          message: `device start failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } finally {
      attempting = false;
    }
  }

  async function lost(transport: Transport, reason: TransportError): Promise<void> {
    if (!running || current?.transport !== transport) return;
    generation += 1;
    await release();
    if (!running) return;
    failures = 0;
    schedule(reason);
  }

  return {
    get connected() {
      return current !== undefined;
    },
    get retryDelays() {
      return delays;
    },
    start() {
      if (running) return;
      running = true;
      failures = 0;
      options.onStatus({ kind: 'starting' });
      void attempt().catch(() => undefined);
    },
    async stop() {
      if (!running) return;
      running = false;
      generation += 1;
      clearTimer();
      await release();
    },
    retryNow() {
      if (!running || current || timer === undefined) return;
      clearTimer();
      void attempt().catch(() => undefined);
    },
  };
}
