/**
 * The fingerprint scanner adapter interface. The kiosk's own HID framing
 * (hid-scanner.ts, docs/fingerprint-protocol.md) implements it, and its
 * simulator runs behind that same adapter; a real scanner whose vendor ships
 * an SDK instead gets its own adapter implementing this interface.
 */
import type { Result } from '../../domain/result';
import type { DeviceFailure } from '../device';
import type { FingerprintDeviceInfo, ProgressState } from './protocol';

export type { FingerprintDeviceInfo } from './protocol';

/** Why a capture or an info request failed. `noTemplate`: a finger was seen but gave no usable features. */
export type FingerprintFailure = DeviceFailure | { kind: 'noTemplate'; message: string } | { kind: 'busy'; message: string };

/** Live feedback while a capture runs. */
export interface CaptureProgress {
  state: ProgressState;
  /** 0–100 once the sensor has an estimate. */
  quality: number | null;
}

export interface CaptureOptions {
  /** How long the citizen has to place a finger (0.1–60 s). */
  timeoutMs: number;
  /** Aborting cancels the capture on the device; the result is then `cancelled`. */
  signal?: AbortSignal;
  /** Also transfer the grey-scale image (diagnostics); the flow needs only the template. */
  wantImage?: boolean;
  onProgress?: (progress: CaptureProgress) => void;
}

/** One print. The template is biometric data: keep it in the session only, never log it. */
export interface FingerprintCapture {
  /** Image quality 0–100 as the scanner rates it. */
  quality: number;
  template: Uint8Array;
  image: { width: number; height: number; pixels: Uint8Array } | null;
}

export interface FingerprintScannerEvents {
  /** The device went away (unplugged); reconnecting is the caller's job. */
  disconnected: (message: string) => void;
  /** A report was refused by the decoder (technical message only). */
  rejected: (message: string) => void;
}

/** A fingerprint scanner, whatever talks to it. Nothing rejects: failures are values. */
export interface FingerprintScanner {
  readonly description: string;
  readonly isOpen: boolean;
  /** The device's own description, once open. */
  readonly info: FingerprintDeviceInfo | undefined;
  open(): Promise<Result<FingerprintDeviceInfo, FingerprintFailure>>;
  close(): Promise<void>;
  /** Waits for a finger and returns its print; one capture at a time (`busy` otherwise). */
  capture(options: CaptureOptions): Promise<Result<FingerprintCapture, FingerprintFailure>>;
  on<E extends keyof FingerprintScannerEvents>(event: E, listener: FingerprintScannerEvents[E]): () => void;
}
