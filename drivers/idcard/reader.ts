/**
 * Resident ID card reader driver (SAM_V over GA 467, DOMAIN.md §1).
 *
 * A state machine over one transport:
 *
 *   opening → probing ──ready──→ waitingForCard ──0x9F──→ reading ──→ waitingForRemoval
 *                ↑  (SAM error / no answer: retry probing)     ↑            │ N × 0x80
 *                └──────────── find times out ─────────────────┴────────────┘
 *   transport `disconnected` → disconnected (status noDevice); polling stops.
 *
 * Reconnecting is the manager's job: after a disconnect it calls `start()`
 * again on the same reader, which reopens the same transport. For a new
 * transport object, create a new reader (there is no `attach`).
 *
 * Readers halt a card after reading it: "find" then fails until the card
 * leaves the field and comes back. So `cardRemoved` means "the card no longer
 * answers" (N consecutive failed finds); a card left lying on the reader is
 * reported removed after about N polls and is not read again until it is
 * lifted and put back. Readers that keep finding a read card keep the state
 * at waitingForRemoval until the card really goes. A card found again after
 * a failed find, before the card counts as removed (a swap quicker than N
 * polls), is reported removed and read as a new card.
 *
 * The reader never parses the text: `parseCardText` (card-text.ts) does that.
 */

import type { CommandResult, DeviceFailure, DriverStatus } from '../device';
import type { Transport, TransportError } from '../transport/transport';
import { encodeNamedCommand, type Ga467CommandName } from './commands';
import { FrameExchange, type ExchangeOutcome } from './exchange';
import type { ResponseFrame } from './frame';
import { APPENDED_ADDRESS_SIZE } from './appended-address';
import { decodeReadPayload, describePayloadError } from './read-payload';
import { formatSamId } from './sam-id';
import { describeSw3, SW3, sw3Message, type Sw3Status } from './status-codes';

/** What one successful read delivers, unparsed. */
export interface RawCardRead {
  /** The 256-byte UCS-2LE text block. */
  text: Uint8Array;
  /** 1024 bytes of WLT-compressed photo. */
  photo: Uint8Array;
  /** 1024 bytes when the card has fingerprints and `readFingerprint` is set. Personal data: never log it. */
  fingerprint?: Uint8Array;
  /** Set when `readFingerprint` was asked but the card's fingerprint block failed its check (SW3 0x37): read without it. */
  fingerprintUnreadable?: true;
  /**
   * The data of the 30 03 answer (追加住址, appended-address.ts decodes them)
   * when the card has one; absent when it answered 0x91 (none) or the read
   * of it failed (`appendedAddressUnread`).
   */
  appendedAddress?: Uint8Array;
  /** The 30 03 read got no usable answer: whether the card has an appended address is unknown. */
  appendedAddressUnread?: true;
  readAt: Date;
}

/** Tuning of {@link createIdCardReader}; every field has a default. */
export interface IdCardReaderOptions {
  /** Interval between "find" polls. Default 300 ms. */
  pollIntervalMs?: number;
  /** Timeout of short commands (status, find, select, SAM ID). Default 500 ms. */
  commandTimeoutMs?: number;
  /** Timeout of a read; raised automatically for slow lines (twice the transfer time + 200 ms). Default 1500 ms. */
  readTimeoutMs?: number;
  /** Retries after a timeout, a corrupt frame or a transient SW3 (0x41, 0x47, 0x10, 0x11). Default 2. */
  retries?: number;
  /** Pause before a retry, to let late bytes of the failed exchange drain. Default 30 ms. */
  retryDelayMs?: number;
  /** Read with 30 10 (text + photo + fingerprint) instead of 30 01. */
  readFingerprint?: boolean;
  /** After the base read, read the appended address (30 03). Default true. */
  readAppendedAddress?: boolean;
  /** Probe line speeds with SAM status: `true` for 115200, 57600, 38400, 19200, 9600, or a list of your own. */
  autoBaud?: boolean | readonly number[];
  /** Consecutive failed finds after a read before `cardRemoved`. Default 3. */
  removalPolls?: number;
  /** Pause between probes while the reader is offline or in hardware error. Default 1000 ms. */
  faultRetryMs?: number;
  /** Largest frame LEN accepted. Default 0x0A00. */
  maxFrameLength?: number;
  /** Called with exceptions thrown by event listeners or unexpected driver bugs (never rethrown). */
  onError?: (error: unknown) => void;
}

/** Events of the reader. */
export interface IdCardReaderEvents {
  statusChanged: (status: DriverStatus) => void;
  cardPresented: (card: RawCardRead) => void;
  cardRemoved: () => void;
  /** A card was found but could not be read (after retries); status is `userError` until it leaves. */
  cardReadFailed: (failure: DeviceFailure) => void;
}

/** Where the reader's state machine is. */
export type ReaderState =
  | { kind: 'stopped' }
  | { kind: 'opening' }
  | { kind: 'probing' }
  | { kind: 'waitingForCard' }
  | { kind: 'reading' }
  /** After a read; `presented` says whether `cardPresented` was emitted (false after a failed read). */
  | { kind: 'waitingForRemoval'; absentPolls: number; presented: boolean }
  | { kind: 'disconnected' };

/** A resident ID card reader. */
export interface IdCardReader {
  /** Opens the transport and probes the reader; resolves once the first probe has an outcome. Never rejects. */
  start(): Promise<void>;
  /** Stops polling and closes the transport. Never rejects. */
  stop(): Promise<void>;
  readonly status: DriverStatus;
  /** The state machine's current state (diagnostics and tests). */
  readonly state: ReaderState;
  /** The line speed found by auto-probing, if it ran. */
  readonly baudRate: number | undefined;
  on<E extends keyof IdCardReaderEvents>(event: E, listener: IdCardReaderEvents[E]): () => void;
  /** Reads the SAM ID, formatted `%02d.%02d-%08d-%010d-%010d`. */
  samId(): Promise<CommandResult<string>>;
}

/** Line speeds tried by `autoBaud: true`, most common first. */
export const GA467_BAUD_RATES: readonly number[] = [115_200, 57_600, 38_400, 19_200, 9_600];

/** Answer sizes used to stretch the read timeout on slow lines. */
const READ_ANSWER_BYTES = { readText: 1295, readTextAndFingerprint: 2321 } as const;

/** A command's final outcome after retries. */
type CommandOutcome =
  { kind: 'answer'; frame: ResponseFrame; sw3: Sw3Status } | { kind: 'failure'; failure: DeviceFailure };

type Listeners = { [E in keyof IdCardReaderEvents]: Set<IdCardReaderEvents[E]> };

class GA467IdCardReader implements IdCardReader {
  private readonly options: Required<Omit<IdCardReaderOptions, 'autoBaud' | 'maxFrameLength' | 'onError'>> & {
    bauds: readonly number[] | undefined;
  };
  private readonly exchange: FrameExchange;
  private readonly listeners: Listeners = {
    statusChanged: new Set(),
    cardPresented: new Set(),
    cardRemoved: new Set(),
    cardReadFailed: new Set(),
  };
  private currentStatus: DriverStatus = { kind: 'offline', message: 'not started' };
  private currentState: ReaderState = { kind: 'stopped' };
  private foundBaud: number | undefined;
  /** Bumped by stop/disconnect: a loop whose generation is stale ends at its next step. */
  private generation = 0;
  private loopDone: Promise<void> = Promise.resolve();
  private startup: Promise<void> | undefined;
  /** Serialises exchanges between the polling loop and `samId()`. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly sleepers = new Set<() => void>();
  private subscriptions: (() => void)[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly onError: (error: unknown) => void,
    options: IdCardReaderOptions,
  ) {
    const autoBaud = options.autoBaud;
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 300,
      commandTimeoutMs: options.commandTimeoutMs ?? 500,
      readTimeoutMs: options.readTimeoutMs ?? 1500,
      retries: Math.max(0, options.retries ?? 2),
      retryDelayMs: options.retryDelayMs ?? 30,
      readFingerprint: options.readFingerprint ?? false,
      readAppendedAddress: options.readAppendedAddress ?? true,
      removalPolls: Math.max(1, options.removalPolls ?? 3),
      faultRetryMs: options.faultRetryMs ?? 1000,
      bauds: autoBaud === true ? GA467_BAUD_RATES : autoBaud === false || autoBaud === undefined ? undefined : autoBaud,
    };
    this.exchange = new FrameExchange(transport, options.maxFrameLength);
  }

  get status(): DriverStatus {
    return this.currentStatus;
  }

  get state(): ReaderState {
    return this.currentState;
  }

  get baudRate(): number | undefined {
    return this.foundBaud;
  }

  on<E extends keyof IdCardReaderEvents>(event: E, listener: IdCardReaderEvents[E]): () => void {
    const set = this.listeners[event] as Set<IdCardReaderEvents[E]>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  start(): Promise<void> {
    if (this.startup !== undefined) return this.startup;
    const generation = ++this.generation;
    this.subscribe();
    this.setStatus({ kind: 'starting' });
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    this.startup = started;
    const previous = this.loopDone;
    this.loopDone = previous
      .then(() => this.run(generation, markStarted))
      .catch((error: unknown) => {
        this.onError(error);
        if (generation === this.generation)
          this.setStatus({ kind: 'offline', message: `driver error: ${String(error)}` });
      })
      .finally(markStarted);
    return started;
  }

  async stop(): Promise<void> {
    this.halt({ kind: 'stopped' });
    await this.loopDone;
    try {
      await this.transport.close();
    } catch (error) {
      this.onError(error);
    }
    this.setStatus({ kind: 'offline', message: 'stopped' });
  }

  async samId(): Promise<CommandResult<string>> {
    if (this.startup === undefined || !this.transport.isOpen) {
      return { ok: false, error: { kind: 'noDevice', message: 'reader not started or not connected' } };
    }
    const outcome = await this.command('samId', this.options.commandTimeoutMs, (frame) =>
      frame.sw3 === SW3.success && frame.data.length < 16 ? `SAM ID answer has ${frame.data.length} bytes` : undefined,
    );
    if (outcome.kind === 'failure') return { ok: false, error: outcome.failure };
    const formatted = formatSamId(outcome.frame.data);
    if (outcome.sw3.kind === 'success' && formatted !== undefined) return { ok: true, value: formatted };
    return {
      ok: false,
      error: { kind: 'hardwareError', code: outcome.sw3.code, message: sw3Message(outcome.sw3.code) },
    };
  }

  // ── state machine ────────────────────────────────────────────────────────

  private async run(generation: number, markStarted: () => void): Promise<void> {
    const live = (): boolean => generation === this.generation;
    this.setState({ kind: 'opening' });
    const opened = await this.transport.open();
    if (!live()) return;
    if (!opened.ok) {
      this.setState({ kind: 'stopped' });
      this.startup = undefined;
      this.setStatus({ kind: 'noDevice', message: opened.error.message });
      return;
    }
    this.setState({ kind: 'probing' });
    while (live()) {
      const state = this.currentState;
      switch (state.kind) {
        case 'probing':
          await this.probe();
          markStarted();
          break;
        case 'waitingForCard':
          await this.pollForCard();
          break;
        case 'reading':
          await this.readCard();
          break;
        case 'waitingForRemoval':
          await this.pollForRemoval(state);
          break;
        case 'opening':
        case 'stopped':
        case 'disconnected':
          return;
        default: {
          const unreachable: never = state;
          return unreachable;
        }
      }
    }
  }

  /** SAM status, at each line speed when auto-probing. */
  private async probe(): Promise<void> {
    const bauds: readonly (number | undefined)[] =
      this.options.bauds !== undefined && this.transport.setBaudRate !== undefined ? this.options.bauds : [undefined];
    let last: CommandOutcome | undefined;
    for (const baud of bauds) {
      if (baud !== undefined) {
        const set = await this.transport.setBaudRate?.(baud);
        if (set !== undefined && !set.ok) continue;
      }
      // When probing several speeds, one retry each keeps the sweep short.
      const retries = baud === undefined ? this.options.retries : Math.min(1, this.options.retries);
      last = await this.command('samStatus', this.options.commandTimeoutMs, undefined, retries);
      if (!this.isActive()) return;
      if (last.kind === 'answer') {
        if (baud !== undefined) this.foundBaud = baud;
        break;
      }
      if (last.failure.kind === 'noDevice' || last.failure.kind === 'cancelled') break;
    }
    if (!this.isActive()) return;
    if (last === undefined) {
      this.setStatus({ kind: 'offline', message: 'could not set any line speed' });
      await this.sleep(this.options.faultRetryMs);
      return;
    }
    if (last.kind === 'answer' && last.sw3.kind === 'success') {
      this.setStatus({ kind: 'online', media: 'absent' });
      this.setState({ kind: 'waitingForCard' });
      return;
    }
    this.reportFault(last);
    await this.sleep(this.options.faultRetryMs);
  }

  private async pollForCard(): Promise<void> {
    const found = await this.command('findCard', this.options.commandTimeoutMs);
    if (!this.isActive()) return;
    if (found.kind === 'answer' && found.sw3.kind === 'cardFound') {
      this.setState({ kind: 'reading' });
      return;
    }
    if (this.isFault(found)) {
      await this.toProbing(found);
      return;
    }
    await this.sleep(this.options.pollIntervalMs);
  }

  private async readCard(): Promise<void> {
    const selected = await this.command('selectCard', this.options.commandTimeoutMs);
    if (!this.isActive()) return;
    if (this.isFault(selected)) return this.toProbing(selected);
    if (selected.kind === 'answer' && selected.sw3.kind !== 'success') {
      // The card left between find and select, or refused selection: start over.
      this.setState({ kind: 'waitingForCard' });
      await this.sleep(this.options.pollIntervalMs);
      return;
    }
    this.setStatus({ kind: 'busy', media: 'present' });
    let withFingerprint = this.options.readFingerprint;
    let read = await this.readBase(withFingerprint);
    if (!this.isActive()) return;
    let fingerprintUnreadable = false;
    if (withFingerprint && read.kind === 'answer' && read.sw3.code === SW3.fingerprintCheckError) {
      // 0x37: the fingerprint block failed its check; the rest of the card is still good (read it with 30 01).
      withFingerprint = false;
      fingerprintUnreadable = true;
      read = await this.readBase(false);
      if (!this.isActive()) return;
    }
    if (this.isFault(read)) return this.toProbing(read);
    const payload =
      read.kind === 'answer' && read.sw3.kind === 'success'
        ? decodeReadPayload(read.frame.data, withFingerprint)
        : undefined;
    if (payload?.ok === true) {
      const card: RawCardRead = { text: payload.value.text, photo: payload.value.photo, readAt: new Date() };
      if (payload.value.fingerprint !== undefined) card.fingerprint = payload.value.fingerprint;
      if (fingerprintUnreadable) card.fingerprintUnreadable = true;
      if (this.options.readAppendedAddress) {
        const appended = await this.readAppended();
        if (!this.isActive()) return;
        if (appended.kind === 'address') card.appendedAddress = appended.data;
        else if (appended.kind === 'unread') card.appendedAddressUnread = true;
      }
      this.setState({ kind: 'waitingForRemoval', absentPolls: 0, presented: true });
      this.setStatus({ kind: 'online', media: 'present' });
      this.emit('cardPresented', card);
      return;
    }
    const failure: DeviceFailure =
      read.kind === 'failure'
        ? read.failure
        : { kind: 'hardwareError', code: read.sw3.code, message: sw3Message(read.sw3.code) };
    // Do not hammer a card that fails: wait until it leaves, then try the next one.
    this.setState({ kind: 'waitingForRemoval', absentPolls: 0, presented: false });
    this.setStatus({ kind: 'userError', message: `card could not be read: ${failure.message}` });
    this.emit('cardReadFailed', failure);
  }

  /** 30 01 or 30 10, with answers whose data do not fit the layout treated as corrupt. */
  private readBase(withFingerprint: boolean): Promise<CommandOutcome> {
    const name = withFingerprint ? 'readTextAndFingerprint' : 'readText';
    return this.command(name, this.readTimeout(name), (frame) => {
      if (frame.sw3 !== SW3.success) return undefined;
      const payload = decodeReadPayload(frame.data, withFingerprint);
      return payload.ok ? undefined : describePayloadError(payload.error);
    });
  }

  /**
   * 30 03 after a good base read. It never fails the card: 0x91 (or empty
   * data) is "none"; anything else leaves the address unread.
   */
  private async readAppended(): Promise<{ kind: 'address'; data: Uint8Array } | { kind: 'none' } | { kind: 'unread' }> {
    const outcome = await this.command('readAppendedAddress', this.options.commandTimeoutMs, (frame) =>
      frame.sw3 === SW3.success && frame.data.length !== 0 && frame.data.length !== APPENDED_ADDRESS_SIZE
        ? `appended address answer has ${frame.data.length} bytes`
        : undefined,
    );
    if (outcome.kind === 'failure') return { kind: 'unread' };
    if (outcome.sw3.kind === 'noContent') return { kind: 'none' };
    if (outcome.sw3.kind !== 'success') return { kind: 'unread' };
    return outcome.frame.data.length === 0 ? { kind: 'none' } : { kind: 'address', data: outcome.frame.data };
  }

  private async pollForRemoval(state: Extract<ReaderState, { kind: 'waitingForRemoval' }>): Promise<void> {
    await this.sleep(this.options.pollIntervalMs);
    if (!this.isActive()) return;
    const found = await this.command('findCard', this.options.commandTimeoutMs);
    if (!this.isActive()) return;
    if (this.isFault(found)) return this.toProbing(found);
    if (found.kind === 'answer' && found.sw3.kind === 'cardFound') {
      // Found after a find that failed: the field was empty (or held only the halted card) and a card
      // answers now — another card laid down quickly, or the same one put back. Read it, as a new card.
      if (state.absentPolls > 0) this.leaveCardStates({ kind: 'reading' });
      else this.setState({ ...state, absentPolls: 0 });
      return;
    }
    if (found.kind === 'answer' && found.sw3.kind === 'noCard') {
      if (state.absentPolls + 1 < this.options.removalPolls) {
        this.setState({ ...state, absentPolls: state.absentPolls + 1 });
        return;
      }
      this.leaveCardStates({ kind: 'waitingForCard' });
      this.setStatus({ kind: 'online', media: 'absent' });
    }
    // Any other answer (card or host error): keep waiting.
  }

  /** A SAM error or a reader that stopped answering: both send the machine back to probing. */
  private isFault(outcome: CommandOutcome): boolean {
    if (outcome.kind === 'answer') return outcome.sw3.kind === 'samError';
    return outcome.failure.kind === 'timeout' || outcome.failure.kind === 'protocol';
  }

  private async toProbing(outcome: CommandOutcome): Promise<void> {
    this.leaveCardStates({ kind: 'probing' });
    this.reportFault(outcome);
    await this.sleep(this.options.faultRetryMs);
  }

  private reportFault(outcome: CommandOutcome): void {
    if (outcome.kind === 'answer') {
      this.setStatus({ kind: 'hardwareError', code: outcome.sw3.code, message: sw3Message(outcome.sw3.code) });
      return;
    }
    const failure = outcome.failure;
    switch (failure.kind) {
      case 'timeout':
        this.setStatus({ kind: 'offline', message: `no answer from the reader (${failure.message})` });
        return;
      case 'protocol':
        this.setStatus({ kind: 'offline', message: `unreadable answers from the reader (${failure.message})` });
        return;
      case 'noDevice':
        this.setStatus({ kind: 'noDevice', message: failure.message });
        return;
      case 'hardwareError':
        this.setStatus({ kind: 'hardwareError', code: failure.code, message: failure.message });
        return;
      case 'cancelled':
        return;
      default: {
        const unreachable: never = failure;
        return unreachable;
      }
    }
  }

  // ── commands ────────────────────────────────────────────────────────────

  /**
   * Sends a command with retries. `shapeError` rejects answers whose data do
   * not fit the command (they are treated like a corrupt frame).
   */
  private command(
    name: Ga467CommandName,
    timeoutMs: number,
    shapeError?: (frame: ResponseFrame) => string | undefined,
    retries = this.options.retries,
  ): Promise<CommandOutcome> {
    return this.exclusive(async () => {
      let last: CommandOutcome = { kind: 'failure', failure: { kind: 'cancelled', message: 'not sent' } };
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0) {
          await this.sleep(this.options.retryDelayMs);
          if (!this.isActive()) return { kind: 'failure', failure: { kind: 'cancelled', message: 'reader stopped' } };
        }
        const outcome = await this.exchange.send(encodeNamedCommand(name), timeoutMs);
        last = this.classify(name, outcome, timeoutMs, shapeError);
        if (!this.worthRetrying(last)) return last;
      }
      return last;
    });
  }

  private classify(
    name: Ga467CommandName,
    outcome: ExchangeOutcome,
    timeoutMs: number,
    shapeError: ((frame: ResponseFrame) => string | undefined) | undefined,
  ): CommandOutcome {
    switch (outcome.kind) {
      case 'frame': {
        const problem = shapeError?.(outcome.frame);
        if (problem !== undefined)
          return { kind: 'failure', failure: { kind: 'protocol', message: `${name}: ${problem}` } };
        return { kind: 'answer', frame: outcome.frame, sw3: describeSw3(outcome.frame.sw3) };
      }
      case 'timeout':
        return { kind: 'failure', failure: { kind: 'timeout', message: `${name}: no answer within ${timeoutMs} ms` } };
      case 'corrupt':
        return { kind: 'failure', failure: { kind: 'protocol', message: `${name}: ${outcome.message}` } };
      case 'closed':
        return { kind: 'failure', failure: { kind: 'noDevice', message: outcome.message } };
      case 'cancelled':
        return { kind: 'failure', failure: { kind: 'cancelled', message: `${name}: cancelled` } };
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }

  private worthRetrying(outcome: CommandOutcome): boolean {
    if (!this.isActive()) return false;
    if (outcome.kind === 'failure') return outcome.failure.kind === 'timeout' || outcome.failure.kind === 'protocol';
    // 0x10/0x11: our frame was damaged on the way; 0x41/0x47: a card glitch.
    return (
      outcome.sw3.kind === 'transient' || outcome.sw3.code === SW3.checksumError || outcome.sw3.code === SW3.lengthError
    );
  }

  private readTimeout(name: 'readText' | 'readTextAndFingerprint'): number {
    const baud = this.foundBaud ?? 115_200;
    const transferMs = (READ_ANSWER_BYTES[name] * 10 * 1000) / baud;
    return Math.max(this.options.readTimeoutMs, Math.ceil(2 * transferMs + 200));
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ── plumbing ────────────────────────────────────────────────────────────

  private isActive(): boolean {
    const kind = this.currentState.kind;
    return kind !== 'stopped' && kind !== 'disconnected';
  }

  private subscribe(): void {
    this.unsubscribe();
    this.subscriptions = [
      this.transport.on('data', (chunk) => this.exchange.receive(chunk)),
      this.transport.on('disconnected', (reason) => this.onDisconnected(reason)),
    ];
  }

  private unsubscribe(): void {
    for (const off of this.subscriptions) off();
    this.subscriptions = [];
  }

  private onDisconnected(reason: TransportError): void {
    this.halt({ kind: 'disconnected' });
    this.setStatus({ kind: 'noDevice', message: `disconnected: ${reason.message}` });
    this.transport.close().catch((error: unknown) => this.onError(error));
  }

  /** Ends the loop: cancels the running exchange, wakes sleepers, pairs a pending `cardPresented` with `cardRemoved`. */
  private halt(next: ReaderState): void {
    this.generation++;
    this.startup = undefined;
    this.leaveCardStates(next);
    this.unsubscribe();
    this.exchange.cancel({ kind: 'cancelled' });
    for (const wake of [...this.sleepers]) wake();
  }

  /** Changes state; leaving waitingForRemoval after a presented card emits `cardRemoved`, so events stay paired. */
  private leaveCardStates(next: ReaderState): void {
    const previous = this.currentState;
    this.setState(next);
    if (previous.kind === 'waitingForRemoval' && previous.presented) this.emit('cardRemoved');
  }

  private setState(next: ReaderState): void {
    this.currentState = next;
  }

  private setStatus(next: DriverStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.currentStatus)) return;
    this.currentStatus = next;
    this.emit('statusChanged', next);
  }

  private emit<E extends keyof IdCardReaderEvents>(event: E, ...args: Parameters<IdCardReaderEvents[E]>): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        (listener as (...a: Parameters<IdCardReaderEvents[E]>) => void)(...args);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** Waits `ms`, or less when the reader is halted. */
  private sleep(ms: number): Promise<void> {
    if (!this.isActive() && this.currentState.kind !== 'opening') return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

/** Creates a GA 467 ID card reader driver over `transport`. Call `start()` to begin. */
export function createIdCardReader(transport: Transport, options: IdCardReaderOptions = {}): IdCardReader {
  return new GA467IdCardReader(transport, options.onError ?? (() => undefined), options);
}
