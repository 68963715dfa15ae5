/**
 * Encoding and strict decoding of single FP-HID v1 reports
 * (docs/fingerprint-protocol.md). Pure and bounded: a decoder looks at
 * exactly one 64-byte report, allocates at most one chunk, and turns every
 * malformed report into a typed {@link ReportError}; nothing throws.
 */
import type { Result } from '../../domain/result';
import { crc16 } from './checksums';
import {
  BLOB_CODE,
  COMMAND_CODE,
  CRC_SIZE,
  DATA_HEADER_SIZE,
  HEADER_SIZE,
  MAX_CHUNK,
  MAX_IMAGE_BYTES,
  MAX_PAYLOAD,
  MAX_SERIAL_LENGTH,
  MAX_TEMPLATE_BYTES,
  MAX_TIMEOUT_DECISECONDS,
  PROGRESS_CODE,
  QUALITY_UNKNOWN,
  REPORT_ID,
  REPORT_SIZE,
  STATUS_CODE,
  nameOf,
  type BlobKind,
  type CaptureHeader,
  type CommandName,
  type CommandReport,
  type DeviceReport,
  type FingerprintDeviceInfo,
  type ProgressState,
  type ReportError,
  type ResponseBody,
  type StatusName,
} from './protocol';

type Decoded<T> = Result<T, ReportError>;

const fail = (error: ReportError): { ok: false; error: ReportError } => ({ ok: false, error });
const payloadError = (reportId: number, message: string) => fail({ kind: 'payload', reportId, message });

/** Wraps `payload` into one report: id, seq, length, payload, zero padding, CRC-16 (big-endian). */
export function encodeReport(reportId: number, seq: number, payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD}`);
  const report = new Uint8Array(REPORT_SIZE);
  report[0] = reportId;
  report[1] = seq & 0xff;
  report[2] = payload.length;
  report.set(payload, HEADER_SIZE);
  const crc = crc16(report, 0, REPORT_SIZE - CRC_SIZE);
  report[REPORT_SIZE - 2] = crc >> 8;
  report[REPORT_SIZE - 1] = crc & 0xff;
  return report;
}

/** Checks size, length, padding and CRC; returns id, seq and payload (a copy). */
export function unwrapReport(report: Uint8Array): Decoded<{ reportId: number; seq: number; payload: Uint8Array }> {
  if (report.length !== REPORT_SIZE) {
    return fail({ kind: 'size', length: report.length, message: `report of ${report.length} bytes; FP-HID reports are ${REPORT_SIZE}` });
  }
  const declared = report[2]!;
  if (declared > MAX_PAYLOAD) return fail({ kind: 'length', declared, message: `payload length ${declared} exceeds ${MAX_PAYLOAD}` });
  const expected = (report[REPORT_SIZE - 2]! << 8) | report[REPORT_SIZE - 1]!;
  const actual = crc16(report, 0, REPORT_SIZE - CRC_SIZE);
  if (expected !== actual) {
    return fail({ kind: 'checksum', expected, actual, message: `CRC-16 0x${actual.toString(16).padStart(4, '0')} does not match 0x${expected.toString(16).padStart(4, '0')}` });
  }
  for (let at = HEADER_SIZE + declared; at < REPORT_SIZE - CRC_SIZE; at++) {
    if (report[at] !== 0) return fail({ kind: 'padding', at, message: `padding byte ${at} is not zero` });
  }
  return { ok: true, value: { reportId: report[0]!, seq: report[1]!, payload: report.slice(HEADER_SIZE, HEADER_SIZE + declared) } };
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const putU16 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = (v >> 8) & 0xff;
  b[at + 1] = v & 0xff;
};
const putU32 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = (v >>> 24) & 0xff;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
};

// ---- host → device ---------------------------------------------------------

/** A command report; `timeoutMs` is rounded up to 100 ms units and clamped to 0.1–60 s. */
export function encodeCommand(command: CommandReport): Uint8Array {
  switch (command.command) {
    case 'getInfo':
      return encodeReport(REPORT_ID.command, command.seq, Uint8Array.of(COMMAND_CODE.getInfo));
    case 'cancel':
      return encodeReport(REPORT_ID.command, command.seq, Uint8Array.of(COMMAND_CODE.cancel));
    case 'capture': {
      const ds = Math.min(MAX_TIMEOUT_DECISECONDS, Math.max(1, Math.ceil(command.timeoutMs / 100)));
      const payload = new Uint8Array(4);
      payload[0] = COMMAND_CODE.capture;
      putU16(payload, 1, ds);
      payload[3] = command.wantImage ? 0x01 : 0x00;
      return encodeReport(REPORT_ID.command, command.seq, payload);
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

/** Decodes a command report (the device's side, used by the simulator). */
export function decodeCommand(report: Uint8Array): Decoded<CommandReport> {
  const unwrapped = unwrapReport(report);
  if (!unwrapped.ok) return unwrapped;
  const { reportId, seq, payload } = unwrapped.value;
  if (reportId !== REPORT_ID.command) return fail({ kind: 'reportId', reportId, message: `report id 0x${reportId.toString(16)} is not a command` });
  const command = payload.length > 0 ? nameOf(COMMAND_CODE, payload[0]!) : undefined;
  switch (command) {
    case undefined:
      return payloadError(reportId, payload.length === 0 ? 'empty command' : `unknown command 0x${payload[0]!.toString(16)}`);
    case 'getInfo':
    case 'cancel':
      return payload.length === 1 ? { ok: true, value: { seq, command } } : payloadError(reportId, `${command} takes no parameters`);
    case 'capture': {
      if (payload.length !== 4) return payloadError(reportId, `capture takes 3 parameter bytes, got ${payload.length - 1}`);
      const ds = u16(payload, 1);
      if (ds < 1 || ds > MAX_TIMEOUT_DECISECONDS) return payloadError(reportId, `capture timeout ${ds} × 100 ms is outside 1..${MAX_TIMEOUT_DECISECONDS}`);
      const flags = payload[3]!;
      if ((flags & ~0x01) !== 0) return payloadError(reportId, `capture flags 0x${flags.toString(16)} has reserved bits set`);
      return { ok: true, value: { seq, command, timeoutMs: ds * 100, wantImage: (flags & 0x01) !== 0 } };
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

// ---- device → host ---------------------------------------------------------

/** A response report. `body` must match command and status (see the protocol document). */
export function encodeResponse(seq: number, command: CommandName, status: StatusName, body: ResponseBody = { kind: 'none' }): Uint8Array {
  const head = [COMMAND_CODE[command], STATUS_CODE[status]];
  switch (body.kind) {
    case 'none':
      return encodeReport(REPORT_ID.response, seq, Uint8Array.from(head));
    case 'info': {
      const i = body.info;
      const [major = 0, minor = 0] = i.firmware.split('.').map(Number);
      const serial = new TextEncoder().encode(i.serialNumber.slice(0, MAX_SERIAL_LENGTH));
      const payload = new Uint8Array(2 + 9 + 1 + serial.length);
      payload.set(head);
      payload[2] = i.protocolVersion;
      payload[3] = major;
      payload[4] = minor;
      putU16(payload, 5, i.imageWidth);
      putU16(payload, 7, i.imageHeight);
      putU16(payload, 9, i.dpi);
      payload[11] = serial.length;
      payload.set(serial, 12);
      return encodeReport(REPORT_ID.response, seq, payload);
    }
    case 'capture': {
      const h = body.header;
      const payload = new Uint8Array(2 + 15);
      payload.set(head);
      payload[2] = h.quality;
      putU16(payload, 3, h.templateLength);
      putU32(payload, 5, h.templateCrc32);
      putU32(payload, 9, h.imageLength);
      putU32(payload, 13, h.imageCrc32);
      return encodeReport(REPORT_ID.response, seq, payload);
    }
    default: {
      const unreachable: never = body;
      return unreachable;
    }
  }
}

/** A data report carrying chunk `index` of a blob (at most {@link MAX_CHUNK} bytes). */
export function encodeData(seq: number, blob: BlobKind, index: number, bytes: Uint8Array): Uint8Array {
  const payload = new Uint8Array(DATA_HEADER_SIZE + bytes.length);
  payload[0] = BLOB_CODE[blob];
  putU16(payload, 1, index);
  payload.set(bytes, DATA_HEADER_SIZE);
  return encodeReport(REPORT_ID.data, seq, payload);
}

/** A progress report; `quality` null is sent as 0xFF. */
export function encodeProgress(seq: number, state: ProgressState, quality: number | null): Uint8Array {
  return encodeReport(REPORT_ID.progress, seq, Uint8Array.of(PROGRESS_CODE[state], quality ?? QUALITY_UNKNOWN));
}

/** Decodes any report a device sends. */
export function decodeDeviceReport(report: Uint8Array): Decoded<DeviceReport> {
  const unwrapped = unwrapReport(report);
  if (!unwrapped.ok) return unwrapped;
  const { reportId, seq, payload } = unwrapped.value;
  switch (reportId) {
    case REPORT_ID.response:
      return decodeResponse(seq, payload);
    case REPORT_ID.data:
      return decodeData(seq, payload);
    case REPORT_ID.progress:
      return decodeProgress(seq, payload);
    default:
      return fail({ kind: 'reportId', reportId, message: `report id 0x${reportId.toString(16)} is not one a device sends` });
  }
}

function decodeResponse(seq: number, payload: Uint8Array): Decoded<DeviceReport> {
  const id = REPORT_ID.response;
  if (payload.length < 2) return payloadError(id, `response of ${payload.length} bytes; at least command and status`);
  const command = nameOf(COMMAND_CODE, payload[0]!);
  if (command === undefined) return payloadError(id, `response to unknown command 0x${payload[0]!.toString(16)}`);
  const status = nameOf(STATUS_CODE, payload[1]!);
  if (status === undefined) return payloadError(id, `unknown status 0x${payload[1]!.toString(16)}`);
  const rest = payload.subarray(2);
  const answer = (body: ResponseBody): Decoded<DeviceReport> => ({ ok: true, value: { type: 'response', seq, command, status, body } });
  if (status !== 'ok' || command === 'cancel') {
    return rest.length === 0 ? answer({ kind: 'none' }) : payloadError(id, `a ${status} response to ${command} carries no body, got ${rest.length} bytes`);
  }
  if (command === 'getInfo') {
    const info = decodeInfo(rest);
    return info.ok ? answer({ kind: 'info', info: info.value }) : payloadError(id, info.error);
  }
  const header = decodeCaptureHeader(rest);
  return header.ok ? answer({ kind: 'capture', header: header.value }) : payloadError(id, header.error);
}

function decodeInfo(b: Uint8Array): Result<FingerprintDeviceInfo, string> {
  if (b.length < 10) return { ok: false, error: `info body of ${b.length} bytes; at least 10` };
  const serialLength = b[9]!;
  if (serialLength > MAX_SERIAL_LENGTH) return { ok: false, error: `serial number of ${serialLength} bytes; at most ${MAX_SERIAL_LENGTH}` };
  if (b.length !== 10 + serialLength) return { ok: false, error: `info body of ${b.length} bytes; the serial length says ${10 + serialLength}` };
  const serial = b.subarray(10);
  if (!serial.every((c) => c >= 0x20 && c <= 0x7e)) return { ok: false, error: 'serial number is not printable ASCII' };
  const info: FingerprintDeviceInfo = {
    protocolVersion: b[0]!,
    firmware: `${b[1]}.${b[2]}`,
    imageWidth: u16(b, 3),
    imageHeight: u16(b, 5),
    dpi: u16(b, 7),
    serialNumber: String.fromCharCode(...serial),
  };
  if (info.protocolVersion !== 1) return { ok: false, error: `protocol version ${info.protocolVersion}; this host speaks 1` };
  if (info.imageWidth === 0 || info.imageHeight === 0 || info.imageWidth * info.imageHeight > MAX_IMAGE_BYTES) {
    return { ok: false, error: `image size ${info.imageWidth}×${info.imageHeight} outside 1..${MAX_IMAGE_BYTES} pixels` };
  }
  return { ok: true, value: info };
}

function decodeCaptureHeader(b: Uint8Array): Result<CaptureHeader, string> {
  if (b.length !== 15) return { ok: false, error: `capture body of ${b.length} bytes; exactly 15` };
  const header: CaptureHeader = { quality: b[0]!, templateLength: u16(b, 1), templateCrc32: u32(b, 3), imageLength: u32(b, 7), imageCrc32: u32(b, 11) };
  if (header.quality > 100) return { ok: false, error: `quality ${header.quality} above 100` };
  if (header.templateLength < 1 || header.templateLength > MAX_TEMPLATE_BYTES) return { ok: false, error: `template length ${header.templateLength} outside 1..${MAX_TEMPLATE_BYTES}` };
  if (header.imageLength > MAX_IMAGE_BYTES) return { ok: false, error: `image length ${header.imageLength} above ${MAX_IMAGE_BYTES}` };
  if (header.imageLength === 0 && header.imageCrc32 !== 0) return { ok: false, error: 'no image, but an image CRC' };
  return { ok: true, value: header };
}

function decodeData(seq: number, payload: Uint8Array): Decoded<DeviceReport> {
  const id = REPORT_ID.data;
  if (payload.length <= DATA_HEADER_SIZE) return payloadError(id, `data report of ${payload.length} bytes carries no chunk`);
  const blob = nameOf(BLOB_CODE, payload[0]!);
  if (blob === undefined) return payloadError(id, `unknown blob kind 0x${payload[0]!.toString(16)}`);
  return { ok: true, value: { type: 'data', seq, blob, index: u16(payload, 1), bytes: payload.slice(DATA_HEADER_SIZE) } };
}

function decodeProgress(seq: number, payload: Uint8Array): Decoded<DeviceReport> {
  const id = REPORT_ID.progress;
  if (payload.length !== 2) return payloadError(id, `progress report of ${payload.length} bytes; exactly 2`);
  const state = nameOf(PROGRESS_CODE, payload[0]!);
  if (state === undefined) return payloadError(id, `unknown progress state 0x${payload[0]!.toString(16)}`);
  const q = payload[1]!;
  if (q !== QUALITY_UNKNOWN && q > 100) return payloadError(id, `quality ${q} above 100`);
  return { ok: true, value: { type: 'progress', seq, state, quality: q === QUALITY_UNKNOWN ? null : q } };
}

/** Splits a blob into data reports of full chunks (the last may be shorter). */
export function encodeBlob(seq: number, blob: BlobKind, bytes: Uint8Array): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0, index = 0; at < bytes.length; at += MAX_CHUNK, index++) reports.push(encodeData(seq, blob, index, bytes.subarray(at, at + MAX_CHUNK)));
  return reports;
}
