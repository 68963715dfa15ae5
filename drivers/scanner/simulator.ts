/**
 * The far end of a simulated scanner: a line-mode scanner that, when told to
 * `scan(text)`, sends the code's UTF-8 bytes followed by its suffix, exactly
 * as a real serial scanner does.
 */
import type { Transport, TransportResult } from '../transport/transport';
import { suffixBytes, type LineSuffix } from './config';

export interface ScannerSimulatorOptions {
  /** Default `CR`. */
  suffix?: LineSuffix;
}

export interface ScannerSimulator {
  /** Opens its end of the cable. */
  start(): Promise<TransportResult>;
  stop(): Promise<void>;
  /** "Reads" a code: sends its bytes and the suffix. */
  scan(text: string): Promise<TransportResult>;
  /** Sends raw bytes as they are (noise, torn codes), for tests. */
  sendRaw(bytes: Uint8Array): Promise<TransportResult>;
  /** How many codes were sent. */
  readonly scans: number;
}

/** Creates the simulator on `transport` (the scanner's end). Nothing happens until `start()`. */
export function createScannerSimulator(transport: Transport, options: ScannerSimulatorOptions = {}): ScannerSimulator {
  const suffix = suffixBytes(options.suffix ?? 'CR');
  const encoder = new TextEncoder();
  let scans = 0;
  return {
    async start() {
      return transport.isOpen ? { ok: true, value: undefined } : transport.open();
    },
    async stop() {
      await transport.close();
    },
    async scan(text) {
      const body = encoder.encode(text);
      const bytes = new Uint8Array(body.length + suffix.length);
      bytes.set(body);
      bytes.set(suffix, body.length);
      const sent = await transport.write(bytes);
      if (sent.ok) scans += 1;
      return sent;
    },
    sendRaw: (bytes) => transport.write(bytes),
    get scans() {
      return scans;
    },
  };
}
