/**
 * Serial transport over the `serialport` package: a byte stream with
 * `disconnected` when the port goes away under us (USB cable pulled, pty
 * master closed → EIO/EOF) and line-speed changes through `port.update`.
 */
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { Transport, TransportError, TransportEvents, TransportResult } from './transport';
import { createEmitter } from './transport-events';
import { toTransportError } from './transport-error';

/** The part of `SerialPort` this transport uses; lets tests inject `SerialPortMock`. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error?: Error | null) => void): void;
  write(data: Buffer, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  update(options: { baudRate: number }, callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(): unknown;
}

/** Options of {@link createSerialTransport}. */
export interface SerialTransportOptions {
  /** Device path, e.g. `/dev/ttyUSB0`, `COM3` or a pty link. */
  path: string;
  /** Line speed; ID card readers normally run at 115200 8N1. */
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  /** Take an exclusive lock on the port (default true, as serialport does). */
  lock?: boolean;
  /**
   * How often (ms) to check that a POSIX device path still exists while open;
   * 0 disables. Needed because bindings-cpp spins on 0-byte reads instead of
   * reporting a disconnect when a pty's master side closes (socat exits), and
   * it catches a vanished /dev/ttyUSB* early. Default 1000.
   */
  presenceCheckMs?: number;
  /** Creates the (not yet opened) port; defaults to the real `SerialPort`. */
  createPort?: (options: PortSettings) => SerialPortLike;
  /** Whether a device path exists; injectable for tests. */
  pathExists?: (path: string) => boolean;
}

/** The settings a port is created with. */
export type PortSettings = Required<Omit<SerialTransportOptions, 'createPort' | 'presenceCheckMs' | 'pathExists'>>;

const defaultCreatePort: NonNullable<SerialTransportOptions['createPort']> = (o) =>
  new SerialPort({
    path: o.path,
    baudRate: o.baudRate,
    dataBits: o.dataBits,
    stopBits: o.stopBits,
    parity: o.parity,
    lock: o.lock,
    autoOpen: false,
  });

/** Creates a serial {@link Transport}. Nothing is opened until `open()`. */
export function createSerialTransport(options: SerialTransportOptions): Transport {
  const settings = {
    path: options.path,
    baudRate: options.baudRate,
    dataBits: options.dataBits ?? 8,
    stopBits: options.stopBits ?? 1,
    parity: options.parity ?? 'none',
    lock: options.lock ?? true,
  } as const;
  const createPort = options.createPort ?? defaultCreatePort;
  const pathExists = options.pathExists ?? existsSync;
  const presenceCheckMs = options.presenceCheckMs ?? 1000;
  let presenceTimer: ReturnType<typeof setInterval> | undefined;
  const events = createEmitter<TransportEvents>();
  let baudRate = settings.baudRate;
  let port: SerialPortLike | undefined;
  /** Set while we close the port ourselves, so that its `close` is not a disconnect. */
  let closing = false;

  const context = (): string => `serial ${settings.path}`;
  const closedError = (): TransportError => ({ kind: 'closed', message: `${context()}: port is not open` });

  function stopPresenceCheck(): void {
    if (presenceTimer !== undefined) clearInterval(presenceTimer);
    presenceTimer = undefined;
  }

  /** Watches the device node: a vanished path is a disconnect even when the binding stays silent. */
  function startPresenceCheck(p: SerialPortLike): void {
    stopPresenceCheck();
    if (presenceCheckMs <= 0 || !settings.path.startsWith('/')) return;
    presenceTimer = setInterval(() => {
      if (port !== p) return stopPresenceCheck();
      let present = true;
      try {
        present = pathExists(settings.path);
      } catch {
        present = true;
      }
      if (!present) lost({ kind: 'notFound', message: `${context()}: device path disappeared` });
    }, presenceCheckMs);
    presenceTimer.unref?.();
  }

  /** The port went away without us asking: drop it and tell the listeners once. */
  function lost(reason: TransportError): void {
    const current = port;
    if (!current || closing) return;
    stopPresenceCheck();
    port = undefined;
    current.removeAllListeners();
    current.on('error', () => undefined);
    try {
      if (current.isOpen) current.close(() => undefined);
    } catch {
      // Already closing or gone: nothing left to release.
    }
    events.emit('disconnected', reason);
  }

  function attach(p: SerialPortLike): void {
    p.on('data', (chunk) => {
      if (port === p) events.emit('data', new Uint8Array(chunk));
    });
    p.on('close', (error) => {
      if (port !== p) return;
      lost(error ? toTransportError(error, context()) : { kind: 'closed', message: `${context()}: port closed` });
    });
    p.on('end', () => {
      if (port === p) lost({ kind: 'io', message: `${context()}: end of stream (device gone)` });
    });
    p.on('error', (error) => {
      if (port !== p) return;
      const mapped = toTransportError(error, context());
      if (mapped.kind === 'io' && !p.isOpen) lost(mapped);
      else events.emit('error', mapped);
    });
  }

  return {
    get description() {
      return `serial:${settings.path}@${baudRate}`;
    },
    get isOpen() {
      return port?.isOpen ?? false;
    },
    async open(): Promise<TransportResult> {
      if (port?.isOpen) return { ok: true, value: undefined };
      let candidate: SerialPortLike;
      try {
        candidate = createPort({ ...settings, baudRate });
      } catch (error) {
        return { ok: false, error: toTransportError(error, context()) };
      }
      // Swallow stray errors until we attach our own listeners.
      candidate.on('error', () => undefined);
      const opened = await new Promise<Error | null>((resolve) => {
        try {
          candidate.open((error) => resolve(error));
        } catch (error) {
          resolve(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (opened) {
        candidate.removeAllListeners();
        return { ok: false, error: toTransportError(opened, context()) };
      }
      candidate.removeAllListeners();
      closing = false;
      port = candidate;
      attach(candidate);
      startPresenceCheck(candidate);
      return { ok: true, value: undefined };
    },
    async close(): Promise<void> {
      const current = port;
      if (!current) return;
      closing = true;
      stopPresenceCheck();
      port = undefined;
      await new Promise<void>((resolve) => {
        if (!current.isOpen) return resolve();
        try {
          current.close(() => resolve());
        } catch {
          resolve();
        }
      });
      current.removeAllListeners();
      current.on('error', () => undefined);
      closing = false;
    },
    async write(bytes: Uint8Array): Promise<TransportResult> {
      const current = port;
      if (!current?.isOpen) return { ok: false, error: closedError() };
      const failure = await new Promise<Error | null>((resolve) => {
        try {
          current.write(Buffer.from(bytes), (error) => {
            if (error) return resolve(error);
            current.drain((drainError) => resolve(drainError ?? null));
          });
        } catch (error) {
          resolve(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (failure) return { ok: false, error: toTransportError(failure, context()) };
      return { ok: true, value: undefined };
    },
    async setBaudRate(next: number): Promise<TransportResult> {
      const current = port;
      if (!current?.isOpen) {
        baudRate = next;
        return { ok: true, value: undefined };
      }
      const failure = await new Promise<Error | null>((resolve) => {
        try {
          current.update({ baudRate: next }, (error) => resolve(error ?? null));
        } catch (error) {
          resolve(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (failure) return { ok: false, error: toTransportError(failure, context()) };
      baudRate = next;
      return { ok: true, value: undefined };
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
