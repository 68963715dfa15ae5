/**
 * The fingerprint scanner's HID report framing, "OneDoor FP-HID v1": the
 * project's own framing (no vendor's), specified in
 * docs/fingerprint-protocol.md so that a real scanner's SDK adapter can
 * stand behind the same {@link FingerprintScanner} interface. Constants and
 * the decoded shapes live here; reports.ts encodes and decodes them.
 */

/** Every report is exactly this long, report id included (hidapi's buffer). */
export const REPORT_SIZE = 64;
/** Bytes before the payload: report id, sequence, payload length. */
export const HEADER_SIZE = 3;
/** The CRC-16 at the end of every report. */
export const CRC_SIZE = 2;
/** Payload bytes one report carries. */
export const MAX_PAYLOAD = REPORT_SIZE - HEADER_SIZE - CRC_SIZE;
/** A data report's own header: blob kind and chunk index. */
export const DATA_HEADER_SIZE = 3;
/** Image or template bytes one data report carries. */
export const MAX_CHUNK = MAX_PAYLOAD - DATA_HEADER_SIZE;

/** Report ids. 0x01 goes host → device; the others device → host. */
export const REPORT_ID = { command: 0x01, response: 0x02, data: 0x03, progress: 0x04 } as const;

export const COMMAND_CODE = { getInfo: 0x01, capture: 0x02, cancel: 0x03 } as const;
export type CommandName = keyof typeof COMMAND_CODE;

/** Status byte of a response. */
export const STATUS_CODE = {
  ok: 0x00,
  timeout: 0x01,
  cancelled: 0x02,
  noTemplate: 0x03,
  busy: 0x04,
  badParameter: 0x05,
  sensorFault: 0x06,
} as const;
export type StatusName = keyof typeof STATUS_CODE;

export const BLOB_CODE = { template: 0x01, image: 0x02 } as const;
export type BlobKind = keyof typeof BLOB_CODE;

export const PROGRESS_CODE = { waitingForFinger: 0x01, fingerDetected: 0x02 } as const;
export type ProgressState = keyof typeof PROGRESS_CODE;

/** Quality byte of a progress report when the device has no estimate yet. */
export const QUALITY_UNKNOWN = 0xff;

/** Bounds the decoder enforces (a larger declared size is a protocol error, never an allocation). */
export const MAX_TEMPLATE_BYTES = 2048;
export const MAX_IMAGE_BYTES = 512 * 512;
/** CAPTURE's timeout field, in units of 100 ms: 0.1 s to 60 s. */
export const MAX_TIMEOUT_DECISECONDS = 600;
export const MAX_SERIAL_LENGTH = 32;

/** GET_INFO's answer. */
export interface FingerprintDeviceInfo {
  protocolVersion: number;
  firmware: string;
  imageWidth: number;
  imageHeight: number;
  dpi: number;
  serialNumber: string;
}

/** What a successful CAPTURE response announces before its data reports. */
export interface CaptureHeader {
  /** Image quality 0–100 (NFIQ-like: higher is better). */
  quality: number;
  templateLength: number;
  templateCrc32: number;
  /** 0 when no image was asked for. */
  imageLength: number;
  imageCrc32: number;
}

/** A command as the device decodes it. */
export type CommandReport =
  | { seq: number; command: 'getInfo' }
  | { seq: number; command: 'capture'; timeoutMs: number; wantImage: boolean }
  | { seq: number; command: 'cancel' };

/** The body of a response: what follows command and status. */
export type ResponseBody =
  | { kind: 'none' }
  | { kind: 'info'; info: FingerprintDeviceInfo }
  | { kind: 'capture'; header: CaptureHeader };

/** A report from the device as the host decodes it. */
export type DeviceReport =
  | { type: 'response'; seq: number; command: CommandName; status: StatusName; body: ResponseBody }
  | { type: 'data'; seq: number; blob: BlobKind; index: number; bytes: Uint8Array }
  | { type: 'progress'; seq: number; state: ProgressState; quality: number | null };

/** Why a report was refused. Each carries a technical message for logs (never personal data). */
export type ReportError =
  | { kind: 'size'; length: number; message: string }
  | { kind: 'reportId'; reportId: number; message: string }
  | { kind: 'length'; declared: number; message: string }
  | { kind: 'padding'; at: number; message: string }
  | { kind: 'checksum'; expected: number; actual: number; message: string }
  | { kind: 'payload'; reportId: number; message: string };

/** Looks a code up in one of the tables above. */
export function nameOf<T extends Record<string, number>>(table: T, code: number): keyof T | undefined {
  for (const key of Object.keys(table) as Array<keyof T>) if (table[key] === code) return key;
  return undefined;
}
