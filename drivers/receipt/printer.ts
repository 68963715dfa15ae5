/**
 * The thermal receipt printer driver over any {@link Transport}: real-time
 * status with `DLE EOT 1..4` (DOMAIN.md §8), checked before every receipt
 * (nothing is sent to a printer that is out of paper, has its cover open or
 * reports an error) and again after it (a roll that ran out mid-receipt is
 * reported), periodic status polling, and `noDevice` when the cable goes or
 * the printer stops answering. Expected failures are values; nothing throws.
 */
import type { CommandResult, DeviceFailure, DriverStatus } from '../device';
import { sameStatus } from '../manager/managed-device';
import type { Transport, TransportError } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { statusRequest } from './escpos';
import type { PrintFailure } from './print-failure';
import { canPrint, combineStatus, isStatusByte, STATUS_QUERIES, toDriverStatus, type PrinterStatus } from './status';

/** Timers the driver uses; injectable for tests (the manager's `Timers` fits). */
export interface PrinterTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link createReceiptPrinter}. */
export interface ReceiptPrinterOptions {
  /** How often to poll the status while idle, in ms; 0 disables polling. Default 2000. */
  statusPollMs?: number;
  /** How long to wait for each `DLE EOT` reply. Default 500. */
  replyTimeoutMs?: number;
  /**
   * Status queries in a row the printer must leave unanswered before it is
   * reported down (`noDevice`). Default 2: a busy kiosk PC can miss one reply
   * window without the printer being gone, and one miss must not grey out
   * every service that prints. A pulled cable is seen at once regardless.
   */
  unansweredBeforeDown?: number;
  /** How long writing a job may take (flow control can stall it). Default 15000. */
  writeTimeoutMs?: number;
  /** Wait after writing a job before the status re-check, in ms. Default 300. */
  postPrintDelayMs?: number;
  timers?: PrinterTimers;
}

/** Events of the printer driver. */
export interface ReceiptPrinterEvents {
  statusChanged: (status: DriverStatus) => void;
}

/** The receipt printer driver. */
export interface ReceiptPrinter {
  /** Starts listening (opening the transport if it is closed), queries the status and starts polling. Never rejects. */
  start(): Promise<void>;
  /** Stops polling and listening; a pending command ends `cancelled`. Does not close the transport. Never rejects. */
  stop(): Promise<void>;
  readonly status: DriverStatus;
  /** The last status read from the printer, if any. */
  readonly printerStatus: PrinterStatus | undefined;
  on<E extends keyof ReceiptPrinterEvents>(event: E, listener: ReceiptPrinterEvents[E]): () => void;
  /** Asks `DLE EOT 1..4` now. */
  queryStatus(): Promise<CommandResult<PrinterStatus>>;
  /** Checks the status, sends `bytes` (a whole receipt), re-checks the status. */
  print(bytes: Uint8Array): Promise<CommandResult<void, PrintFailure>>;
}

const realTimers: PrinterTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

type Waiter = (reply: CommandResult<number>) => void;

function transportFailure(error: TransportError): DeviceFailure {
  switch (error.kind) {
    case 'closed':
    case 'notFound':
      return { kind: 'noDevice', message: error.message };
    case 'busy':
    case 'permission':
    case 'io':
      return { kind: 'hardwareError', code: 0, message: `${error.kind}: ${error.message}` };
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/** What a failed status query means for the driver status. */
function failureStatus(failure: DeviceFailure): DriverStatus {
  switch (failure.kind) {
    case 'timeout':
      return { kind: 'noDevice', message: `printer does not answer: ${failure.message}` };
    case 'noDevice':
      return { kind: 'noDevice', message: failure.message };
    case 'hardwareError':
      return { kind: 'hardwareError', code: failure.code, message: failure.message };
    case 'protocol':
      return { kind: 'hardwareError', code: 0, message: failure.message };
    case 'cancelled':
      return { kind: 'offline', message: failure.message };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** Why a printer in `status` may not print: the refusal, or `undefined` when it may. */
function refusal(status: PrinterStatus): PrintFailure | undefined {
  if (canPrint(status)) return undefined;
  if (status.unrecoverable || status.cutterError) {
    const driver = toDriverStatus(status);
    return { kind: 'hardwareError', code: driver.kind === 'hardwareError' ? driver.code : 0, message: driver.kind === 'hardwareError' ? driver.message : 'printer error' };
  }
  if (status.coverOpen) return { kind: 'coverOpen', message: 'printer cover open; nothing was printed' };
  if (status.paper === 'out') return { kind: 'paperOut', message: 'printer out of paper; nothing was printed' };
  const driver = toDriverStatus(status);
  return { kind: 'notReady', status, message: `${'message' in driver ? driver.message : driver.kind}; nothing was printed` };
}

/** What the status after a job says about it: `undefined` when it finished cleanly. */
function interruption(status: PrinterStatus): PrintFailure | undefined {
  if (status.paper === 'out' || status.stoppedByPaperEnd)
    return { kind: 'interrupted', cause: 'paperOut', status, message: 'paper ran out during or right after printing; the receipt may be incomplete' };
  if (status.coverOpen) return { kind: 'interrupted', cause: 'coverOpen', status, message: 'cover opened during printing; the receipt may be incomplete' };
  if (status.error) return { kind: 'interrupted', cause: 'error', status, message: 'the printer reported an error during printing; the receipt may be incomplete' };
  if (!status.online) return { kind: 'interrupted', cause: 'offline', status, message: 'the printer went offline during printing; the receipt may be incomplete' };
  return undefined;
}

/** Creates the driver on `transport`. Nothing is sent until `start()`. */
export function createReceiptPrinter(transport: Transport, options: ReceiptPrinterOptions = {}): ReceiptPrinter {
  const timers = options.timers ?? realTimers;
  const pollMs = options.statusPollMs ?? 2000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 500;
  const unansweredBeforeDown = Math.max(1, options.unansweredBeforeDown ?? 2);
  /** Status queries in a row that timed out. */
  let unanswered = 0;
  const writeTimeoutMs = options.writeTimeoutMs ?? 15_000;
  const postPrintDelayMs = options.postPrintDelayMs ?? 300;
  const events = createEmitter<ReceiptPrinterEvents>();
  let status: DriverStatus = { kind: 'starting' };
  let printerStatus: PrinterStatus | undefined;
  let running = false;
  let gone: DeviceFailure | undefined;
  let waiter: Waiter | undefined;
  let pollTimer: unknown;
  let offs: Array<() => void> = [];
  /** Serialises commands: one exchange with the printer at a time. */
  let queue: Promise<unknown> = Promise.resolve();
  let busy = 0;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  function settle(reply: CommandResult<number>): void {
    const w = waiter;
    waiter = undefined;
    w?.(reply);
  }

  function onData(chunk: Uint8Array): void {
    for (const byte of chunk) {
      // Bytes that are not status replies (noise, extra vendor bytes) and replies nobody waits for are dropped.
      if (waiter && isStatusByte(byte)) settle({ ok: true, value: byte });
    }
  }

  function onDisconnected(reason: TransportError): void {
    gone = { kind: 'noDevice', message: reason.message };
    settle({ ok: false, error: gone });
    setStatus({ kind: 'noDevice', message: reason.message });
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0) return resolve();
      timers.setTimeout(resolve, ms);
    });
  }

  async function ask(n: 1 | 2 | 3 | 4): Promise<CommandResult<number>> {
    if (gone) return { ok: false, error: gone };
    if (!running) return { ok: false, error: { kind: 'cancelled', message: 'printer driver stopped' } };
    settle({ ok: false, error: { kind: 'cancelled', message: 'superseded' } });
    const reply = new Promise<CommandResult<number>>((resolve) => {
      const timer = timers.setTimeout(() => {
        if (waiter === done) settle({ ok: false, error: { kind: 'timeout', message: `no reply to DLE EOT ${n} within ${replyTimeoutMs} ms` } });
      }, replyTimeoutMs);
      const done: Waiter = (r) => {
        timers.clearTimeout(timer);
        resolve(r);
      };
      waiter = done;
    });
    const written = await transport.write(statusRequest(n));
    if (!written.ok) settle({ ok: false, error: transportFailure(written.error) });
    return reply;
  }

  async function query(): Promise<CommandResult<PrinterStatus>> {
    const raw: number[] = [];
    for (const n of STATUS_QUERIES) {
      const reply = await ask(n);
      if (!reply.ok) {
        unanswered = reply.error.kind === 'timeout' ? unanswered + 1 : 0;
        const down = reply.error.kind !== 'timeout' || unanswered >= unansweredBeforeDown;
        if (reply.error.kind !== 'cancelled' && down) setStatus(failureStatus(reply.error));
        return reply;
      }
      raw.push(reply.value);
    }
    const combined = combineStatus([raw[0]!, raw[1]!, raw[2]!, raw[3]!]);
    if (!combined) return { ok: false, error: { kind: 'protocol', message: `not a status reply: ${raw.join(',')}` } };
    unanswered = 0;
    printerStatus = combined;
    setStatus(toDriverStatus(combined));
    return { ok: true, value: combined };
  }

  /** Runs `task` after every command queued before it. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      busy += 1;
      try {
        return await task();
      } finally {
        busy -= 1;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function write(bytes: Uint8Array): Promise<CommandResult<void>> {
    let timer: unknown;
    const timeout = new Promise<CommandResult<void>>((resolve) => {
      timer = timers.setTimeout(() => resolve({ ok: false, error: { kind: 'timeout', message: `writing ${bytes.length} bytes took over ${writeTimeoutMs} ms` } }), writeTimeoutMs);
    });
    const written = transport.write(bytes).then((r): CommandResult<void> => (r.ok ? { ok: true, value: undefined } : { ok: false, error: transportFailure(r.error) }));
    const result = await Promise.race([written, timeout]);
    timers.clearTimeout(timer);
    return result;
  }

  /** The status, asked again while the queries left unanswered are fewer than those that report the printer down (a busy PC missed a reply window). */
  async function answeredQuery(): Promise<CommandResult<PrinterStatus>> {
    let result = await query();
    while (!result.ok && result.error.kind === 'timeout' && unanswered > 0 && unanswered < unansweredBeforeDown) result = await query();
    return result;
  }

  async function printJob(bytes: Uint8Array): Promise<CommandResult<void, PrintFailure>> {
    const before = await answeredQuery();
    if (!before.ok) return before;
    const refused = refusal(before.value);
    if (refused) return { ok: false, error: refused };
    setStatus({ kind: 'busy', media: before.value.paper === 'low' ? 'low' : 'present' });
    const written = await write(bytes);
    if (!written.ok) {
      if (written.error.kind !== 'noDevice') setStatus(failureStatus(written.error));
      return written;
    }
    await delay(postPrintDelayMs);
    const after = await answeredQuery();
    if (!after.ok) return { ok: false, error: { ...after.error, message: `receipt sent, but the status after it is unknown: ${after.error.message}` } };
    const interrupted = interruption(after.value);
    return interrupted ? { ok: false, error: interrupted } : { ok: true, value: undefined };
  }

  function schedulePoll(): void {
    if (!running || pollMs <= 0) return;
    pollTimer = timers.setTimeout(() => {
      pollTimer = undefined;
      if (!running) return;
      const poll = busy > 0 || gone ? Promise.resolve() : exclusive(query);
      void poll.catch(() => undefined).then(schedulePoll);
    }, pollMs);
  }

  return {
    get status() {
      return status;
    },
    get printerStatus() {
      return printerStatus;
    },
    on(event, listener) {
      return events.on(event, listener);
    },
    async start() {
      if (running) return;
      running = true;
      gone = undefined;
      setStatus({ kind: 'starting' });
      offs = [transport.on('data', onData), transport.on('disconnected', onDisconnected)];
      if (!transport.isOpen) {
        const opened = await transport.open().catch((error: unknown): Awaited<ReturnType<Transport['open']>> => ({ ok: false, error: { kind: 'io', message: String(error) } }));
        if (!opened.ok) {
          gone = transportFailure(opened.error);
          setStatus({ kind: 'noDevice', message: opened.error.message });
          return;
        }
      }
      await exclusive(query).catch(() => undefined);
      schedulePoll();
    },
    async stop() {
      if (!running) return;
      running = false;
      if (pollTimer !== undefined) timers.clearTimeout(pollTimer);
      pollTimer = undefined;
      settle({ ok: false, error: { kind: 'cancelled', message: 'printer driver stopped' } });
      offs.forEach((off) => off());
      offs = [];
      await queue.catch(() => undefined);
      setStatus({ kind: 'offline', message: 'stopped' });
    },
    queryStatus() {
      return exclusive(query).catch((error: unknown) => ({ ok: false as const, error: { kind: 'protocol' as const, message: String(error) } }));
    },
    print(bytes) {
      return exclusive(() => printJob(bytes)).catch((error: unknown) => ({ ok: false as const, error: { kind: 'protocol' as const, message: `internal: ${String(error)}` } }));
    },
  };
}
