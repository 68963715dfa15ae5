/**
 * One byte-stream interface for every way a device is attached: serial
 * (serialport), HID (node-hid, frames carried in reports) and the in-memory
 * pair used by simulators and unit tests.
 */
import type { Result } from '../../domain/result';

export type TransportError =
  | { kind: 'notFound'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'permission'; message: string }
  | { kind: 'io'; message: string }
  | { kind: 'closed'; message: string };

export type TransportResult<T = void> = Result<T, TransportError>;

export interface TransportEvents {
  /** Bytes as they arrive, in whatever chunks the OS delivers. */
  data: (chunk: Uint8Array) => void;
  /** The device went away (cable pulled, port closed by the other end). */
  disconnected: (reason: TransportError) => void;
  /** A non-fatal error worth reporting. */
  error: (error: TransportError) => void;
}

export interface Transport {
  /** Human-readable description for logs and diagnostics, e.g. `serial:/dev/ttyUSB0@115200`. */
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<TransportResult>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<TransportResult>;
  /** Changes the line speed where the transport has one; others answer ok. */
  setBaudRate?(baudRate: number): Promise<TransportResult>;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void;
}
