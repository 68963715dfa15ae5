/**
 * The QR/barcode scanner driver over any {@link Transport}, for scanners in
 * serial line mode (each code sent as its bytes plus a suffix). A line-mode
 * scanner answers no status queries: it is `online` while its port is open
 * and `noDevice` when the cable goes. Decoded codes are emitted as `scanned`;
 * dropped lines as `rejected` (a typed error without the content). Nothing
 * throws; the scanned text is never logged here.
 */
import type { DriverStatus } from '../device';
import { sameStatus } from '../manager/managed-device';
import type { Transport } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import type { LineSuffix } from './config';
import { createLineDecoder, type LineError } from './line-decoder';

export interface ScannerOptions {
  /** Default `CR`, the usual factory setting. */
  suffix?: LineSuffix;
  /** Longest code accepted, in bytes. Default 4096. */
  maxLength?: number;
}

export interface ScannerEvents {
  /** A whole code was read. The text may be personal data: do not log it. */
  scanned: (text: string) => void;
  /** A line was dropped (too long, not UTF-8). */
  rejected: (error: LineError) => void;
  statusChanged: (status: DriverStatus) => void;
}

/** The scanner driver. */
export interface Scanner {
  /** Opens the transport if needed and starts listening. Never rejects. */
  start(): Promise<void>;
  /** Stops listening; does not close the transport. Never rejects. */
  stop(): Promise<void>;
  readonly status: DriverStatus;
  on<E extends keyof ScannerEvents>(event: E, listener: ScannerEvents[E]): () => void;
}

/** Creates the driver on `transport`. Nothing happens until `start()`. */
export function createScanner(transport: Transport, options: ScannerOptions = {}): Scanner {
  const events = createEmitter<ScannerEvents>();
  const decoder = createLineDecoder({ suffix: options.suffix ?? 'CR', maxLength: options.maxLength ?? 4096 });
  let status: DriverStatus = { kind: 'offline', message: 'not started' };
  let unsubscribers: Array<() => void> = [];

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  function onData(chunk: Uint8Array): void {
    for (const line of decoder.push(chunk)) {
      if (line.ok) events.emit('scanned', line.value);
      else events.emit('rejected', line.error);
    }
  }

  return {
    get status() {
      return status;
    },
    async start() {
      if (unsubscribers.length > 0) return;
      decoder.reset();
      unsubscribers = [
        transport.on('data', onData),
        transport.on('disconnected', (reason) => {
          decoder.reset();
          setStatus({ kind: 'noDevice', message: `${transport.description}: ${reason.message}` });
        }),
      ];
      if (!transport.isOpen) {
        const opened = await transport.open().catch((error: unknown) => ({
          ok: false as const,
          error: { kind: 'io' as const, message: String(error) },
        }));
        if (!opened.ok) {
          setStatus({ kind: 'noDevice', message: `${transport.description}: ${opened.error.message}` });
          return;
        }
      }
      setStatus({ kind: 'online' });
    },
    async stop() {
      for (const off of unsubscribers.splice(0)) off();
      decoder.reset();
      setStatus({ kind: 'offline', message: 'stopped' });
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
