/**
 * The fingerprint scanner over USB HID (node-hid's HIDAsync), speaking
 * FP-HID v1 (docs/fingerprint-protocol.md). The node-hid module is
 * injectable: the simulator (simulator.ts) is a fake node-hid device, so a
 * simulated capture runs through this same adapter and decoder.
 *
 * One exchange at a time, tagged with a sequence number; reports of an
 * earlier exchange (late answers after a cancel or a timeout) are ignored.
 * A report the decoder refuses ends the exchange it belongs to as a
 * `protocol` failure; with no exchange running it is reported and dropped.
 */
import type { Result } from '../../domain/result';
import type { Timers } from '../manager/timers';
import { systemTimers } from '../manager/timers';
import { loadNodeHid, resolveHidPath, type HidDeviceHandle, type HidModule } from '../transport/hid';
import { toTransportError } from '../transport/transport-error';
import { createEmitter } from '../transport/transport-events';
import { createCaptureAssembler, type CaptureAssembler } from './assembler';
import type { DeviceReport, FingerprintDeviceInfo, StatusName } from './protocol';
import { decodeDeviceReport, encodeCommand } from './reports';
import type { CaptureOptions, FingerprintCapture, FingerprintFailure, FingerprintScanner, FingerprintScannerEvents } from './scanner';

export interface HidFingerprintOptions {
  path?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  timers?: Timers;
  /** How long GET_INFO and CANCEL may take to answer. Default 1000 ms. */
  replyTimeoutMs?: number;
  /** Added to a capture's timeout before the host gives up on a silent device. Default 1500 ms. */
  graceMs?: number;
}

type Outcome<T> = Result<T, FingerprintFailure>;

/** One running exchange: it sees the reports of its sequence number. */
interface Exchange {
  seq: number;
  onReport(report: DeviceReport): void;
  onFailure(failure: FingerprintFailure): void;
}

const failure = (kind: 'protocol' | 'timeout' | 'cancelled' | 'noDevice' | 'busy' | 'noTemplate', message: string): { ok: false; error: FingerprintFailure } => ({ ok: false, error: { kind, message } });

/** What a non-ok status of a response means to the caller. */
export function statusFailure(status: Exclude<StatusName, 'ok'>, what: string): FingerprintFailure {
  switch (status) {
    case 'timeout':
      return { kind: 'timeout', message: `${what}: no finger in time` };
    case 'cancelled':
      return { kind: 'cancelled', message: `${what}: cancelled` };
    case 'noTemplate':
      return { kind: 'noTemplate', message: `${what}: no usable print` };
    case 'busy':
      return { kind: 'busy', message: `${what}: device busy` };
    case 'badParameter':
      return { kind: 'protocol', message: `${what}: device answered badParameter` };
    case 'sensorFault':
      return { kind: 'hardwareError', code: 0x06, message: `${what}: sensor fault` };
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** Creates the adapter; `hidModule` defaults to the real node-hid, loaded on `open()`. */
export function createHidFingerprintScanner(options: HidFingerprintOptions, hidModule?: HidModule): FingerprintScanner {
  const timers = options.timers ?? systemTimers;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const graceMs = options.graceMs ?? 1500;
  const events = createEmitter<FingerprintScannerEvents>();
  let device: HidDeviceHandle | undefined;
  let openedPath: string | undefined;
  let info: FingerprintDeviceInfo | undefined;
  let exchange: Exchange | undefined;
  let seq = 0;
  const selector = options.path ?? `${(options.vendorId ?? 0).toString(16).padStart(4, '0')}:${(options.productId ?? 0).toString(16).padStart(4, '0')}`;
  const context = (): string => `fingerprint hid ${openedPath ?? selector}`;

  const nextSeq = (): number => {
    seq = (seq % 255) + 1;
    return seq;
  };

  function lost(handle: HidDeviceHandle, message: string): void {
    if (device !== handle) return;
    device = undefined;
    info = undefined;
    handle.removeAllListeners();
    handle.on('error', () => undefined);
    handle.close().catch(() => undefined);
    exchange?.onFailure({ kind: 'noDevice', message });
    events.emit('disconnected', message);
  }

  function onData(data: Buffer): void {
    const decoded = decodeDeviceReport(new Uint8Array(data));
    if (!decoded.ok) {
      events.emit('rejected', `${context()}: ${decoded.error.message}`);
      exchange?.onFailure({ kind: 'protocol', message: `${context()}: ${decoded.error.message}` });
      return;
    }
    if (exchange && decoded.value.seq === exchange.seq) exchange.onReport(decoded.value);
  }

  async function send(bytes: Uint8Array): Promise<Result<void, FingerprintFailure>> {
    const handle = device;
    if (!handle) return failure('noDevice', `${context()}: not open`);
    try {
      await handle.write(Buffer.from(bytes));
      return { ok: true, value: undefined };
    } catch (error) {
      const message = toTransportError(error, context()).message;
      lost(handle, message);
      return failure('noDevice', message);
    }
  }

  /** Runs one exchange until `settle` is called by a report, a failure or the deadline. */
  function run<T>(commandBytes: (seq: number) => Uint8Array, deadlineMs: number, onReport: (report: DeviceReport, settle: (r: Outcome<T>) => void) => void, onStart?: (settle: (r: Outcome<T>) => void, seq: number) => void): Promise<Outcome<T>> {
    if (!device) return Promise.resolve(failure('noDevice', `${context()}: not open`));
    if (exchange) return Promise.resolve(failure('busy', `${context()}: another exchange is running`));
    const mySeq = nextSeq();
    return new Promise<Outcome<T>>((resolve) => {
      let done = false;
      const settle = (result: Outcome<T>): void => {
        if (done) return;
        done = true;
        timers.clearTimeout(timer);
        if (exchange === mine) exchange = undefined;
        resolve(result);
      };
      const timer = timers.setTimeout(() => settle(failure('timeout', `${context()}: no answer in ${deadlineMs} ms`)), deadlineMs);
      const mine: Exchange = { seq: mySeq, onReport: (r) => onReport(r, settle), onFailure: (f) => settle({ ok: false, error: f }) };
      exchange = mine;
      onStart?.(settle, mySeq);
      void send(commandBytes(mySeq)).then((sent) => {
        if (!sent.ok) settle(sent);
      });
    });
  }

  function getInfo(): Promise<Outcome<FingerprintDeviceInfo>> {
    return run<FingerprintDeviceInfo>((s) => encodeCommand({ seq: s, command: 'getInfo' }), replyTimeoutMs, (report, settle) => {
      if (report.type !== 'response' || report.command !== 'getInfo') return settle(failure('protocol', `${context()}: unexpected ${report.type} report to GET_INFO`));
      if (report.status !== 'ok') return settle({ ok: false, error: statusFailure(report.status, `${context()} GET_INFO`) });
      if (report.body.kind !== 'info') return settle(failure('protocol', `${context()}: GET_INFO answered without info`));
      settle({ ok: true, value: report.body.info });
    });
  }

  function capture(options: CaptureOptions): Promise<Outcome<FingerprintCapture>> {
    const current = info;
    if (options.signal?.aborted) return Promise.resolve(failure('cancelled', `${context()}: cancelled before it began`));
    let assembler: CaptureAssembler | undefined;
    let cancelling = false;
    let quality = 0;
    let detach = (): void => undefined;
    const what = `${context()} CAPTURE`;
    return run<FingerprintCapture>(
      (s) => encodeCommand({ seq: s, command: 'capture', timeoutMs: options.timeoutMs, wantImage: options.wantImage === true }),
      options.timeoutMs + graceMs,
      (report, settle) => {
        switch (report.type) {
          case 'progress':
            if (!cancelling) options.onProgress?.({ state: report.state, quality: report.quality });
            return;
          case 'response': {
            // A CANCEL's own answer: the capture's CANCELLED answer is what settles.
            if (report.command === 'cancel' && cancelling) return;
            if (report.command !== 'capture') return settle(failure('protocol', `${what}: a ${report.command} response`));
            if (cancelling) return settle(failure('cancelled', `${what}: cancelled`));
            if (report.status !== 'ok') return settle({ ok: false, error: statusFailure(report.status, what) });
            if (report.body.kind !== 'capture' || assembler) return settle(failure('protocol', `${what}: unexpected response`));
            const header = report.body.header;
            if (header.imageLength > 0 && (!current || header.imageLength !== current.imageWidth * current.imageHeight || !options.wantImage)) {
              return settle(failure('protocol', `${what}: an image of ${header.imageLength} bytes that was not asked for or does not fit the sensor`));
            }
            assembler = createCaptureAssembler(header);
            quality = header.quality;
            return;
          }
          case 'data': {
            if (!assembler) return settle(failure('protocol', `${what}: data before the response`));
            const step = assembler.push(report);
            if (!step.ok) return settle(failure('protocol', `${what}: ${step.error.message}`));
            if (!step.value.done) return;
            if (cancelling) return settle(failure('cancelled', `${what}: cancelled`));
            const { template, image } = step.value.capture;
            return settle({ ok: true, value: { quality, template, image: image && current ? { width: current.imageWidth, height: current.imageHeight, pixels: image } : null } });
          }
          default: {
            const unreachable: never = report;
            return unreachable;
          }
        }
      },
      (settle, captureSeq) => {
        const signal = options.signal;
        if (!signal) return;
        const onAbort = (): void => {
          if (cancelling) return;
          cancelling = true;
          // CANCEL carries the capture's sequence number so its answer stays in this exchange; the
          // capture's CANCELLED answer settles it, or the reply timeout does.
          void send(encodeCommand({ seq: captureSeq, command: 'cancel' }));
          timers.setTimeout(() => settle(failure('cancelled', `${what}: cancelled (device did not confirm)`)), replyTimeoutMs);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        detach = () => signal.removeEventListener('abort', onAbort);
      },
    ).finally(() => detach());
  }

  return {
    get description() {
      return `fingerprint:hid:${openedPath ?? selector}`;
    },
    get isOpen() {
      return device !== undefined;
    },
    get info() {
      return info;
    },
    async open() {
      if (device && info) return { ok: true, value: info };
      let hid = hidModule;
      if (!hid) {
        const loaded = await loadNodeHid();
        if (!loaded.ok) return failure('noDevice', loaded.error.message);
        hid = loaded.value;
      }
      const path = await resolveHidPath(options, hid);
      if (!path.ok) return failure('noDevice', path.error.message);
      try {
        const handle = await hid.HIDAsync.open(path.value);
        openedPath = path.value;
        device = handle;
        handle.on('error', (error) => lost(handle, toTransportError(error, context()).message));
        handle.on('data', onData);
      } catch (error) {
        return failure('noDevice', toTransportError(error, `fingerprint hid ${path.value}`).message);
      }
      const answered = await getInfo();
      if (!answered.ok) {
        await this.close();
        return answered;
      }
      info = answered.value;
      return answered;
    },
    async close() {
      const handle = device;
      device = undefined;
      info = undefined;
      exchange?.onFailure({ kind: 'noDevice', message: `${context()}: closed` });
      if (!handle) return;
      handle.removeAllListeners();
      handle.on('error', () => undefined);
      await handle.close().catch(() => undefined);
    },
    capture,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
