/**
 * Pure framing of a byte stream into fixed-size HID reports and back. No
 * public report layout exists for HID ID-card readers (DOMAIN.md §1), so the
 * report id, report size and an optional per-report length prefix are settings.
 *
 * Report-id byte, following hidapi/node-hid: every buffer handed to `write`
 * starts with the report id, `0x00` for a device without numbered reports.
 * Reports read back start with the report id only when the device numbers its
 * reports (reportId ≠ 0).
 */
import { err, ok } from '../../domain/result';
import type { HidFramingResult } from './hid-framing-error';

export { describeHidFramingError, type HidFramingError, type HidFramingResult } from './hid-framing-error';

/** How each report says how many of its bytes are payload. */
export type HidLengthPrefix = 'none' | 'u8' | 'u16be' | 'u16le';

/** The report layout of one HID device. */
export interface HidFraming {
  /** 0 for a device without numbered reports. */
  reportId: number;
  /** Report size in bytes, without the report-id byte (often 64). */
  reportSize: number;
  lengthPrefix: HidLengthPrefix;
}

/** Bytes taken by the length prefix inside each report. */
export function prefixSize(prefix: HidLengthPrefix): number {
  switch (prefix) {
    case 'none':
      return 0;
    case 'u8':
      return 1;
    case 'u16be':
    case 'u16le':
      return 2;
  }
}

/** Checks report id, size and prefix against each other. */
export function validateFraming(framing: HidFraming): HidFramingResult<HidFraming> {
  const { reportId, reportSize, lengthPrefix } = framing;
  if (!Number.isInteger(reportId) || reportId < 0 || reportId > 255) return err({ kind: 'badReportId', reportId });
  if (!Number.isInteger(reportSize) || reportSize < 1 || reportSize > 65535)
    return err({ kind: 'badReportSize', reportSize });
  const room = reportSize - prefixSize(lengthPrefix);
  if (room < 1) return err({ kind: 'noPayloadRoom', reportSize, lengthPrefix });
  if (lengthPrefix === 'u8' && room > 255) return err({ kind: 'prefixTooNarrow', room });
  return ok(framing);
}

/** Payload bytes that fit in one report. */
export function payloadPerReport(framing: HidFraming): number {
  return framing.reportSize - prefixSize(framing.lengthPrefix);
}

/**
 * Splits `bytes` into write buffers of `1 + reportSize` bytes each: report id,
 * optional length prefix, payload, zero padding. Empty input gives no reports.
 */
export function encodeReports(bytes: Uint8Array, framing: HidFraming): Uint8Array[] {
  const room = payloadPerReport(framing);
  const prefix = prefixSize(framing.lengthPrefix);
  const reports: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += room) {
    const chunk = bytes.subarray(start, Math.min(bytes.length, start + room));
    const report = new Uint8Array(1 + framing.reportSize);
    report[0] = framing.reportId;
    writeLength(report, 1, chunk.length, framing.lengthPrefix);
    report.set(chunk, 1 + prefix);
    reports.push(report);
  }
  return reports;
}

function writeLength(target: Uint8Array, at: number, length: number, prefix: HidLengthPrefix): void {
  switch (prefix) {
    case 'none':
      return;
    case 'u8':
      target[at] = length;
      return;
    case 'u16be':
      target[at] = length >> 8;
      target[at + 1] = length & 0xff;
      return;
    case 'u16le':
      target[at] = length & 0xff;
      target[at + 1] = length >> 8;
      return;
  }
}

function readLength(report: Uint8Array, prefix: HidLengthPrefix): number {
  switch (prefix) {
    case 'none':
      return report.length;
    case 'u8':
      return report[0] ?? 0;
    case 'u16be':
      return ((report[0] ?? 0) << 8) | (report[1] ?? 0);
    case 'u16le':
      return (report[0] ?? 0) | ((report[1] ?? 0) << 8);
  }
}

/**
 * Extracts the payload of one report as read from the device. A report with
 * another report id yields an empty payload (it is not ours); a length prefix
 * larger than the report is an error. With `lengthPrefix: 'none'` the whole
 * report, padding included, is payload: the frame decoder above skips it.
 */
export function decodeReport(report: Uint8Array, framing: HidFraming): HidFramingResult<Uint8Array> {
  let body = report;
  if (framing.reportId !== 0) {
    if (body.length === 0) return ok(new Uint8Array(0));
    if (body[0] !== framing.reportId) return ok(new Uint8Array(0));
    body = body.subarray(1);
  }
  if (framing.lengthPrefix === 'none') return ok(body.slice());
  const prefix = prefixSize(framing.lengthPrefix);
  if (body.length < prefix) return err({ kind: 'shorterThanPrefix', length: body.length });
  const length = readLength(body, framing.lengthPrefix);
  if (length > body.length - prefix) return err({ kind: 'lengthBeyondReport', declared: length, carried: body.length - prefix });
  return ok(body.slice(prefix, prefix + length));
}
