/**
 * The input side of HID de-framing: turns one report as read from the device
 * into payload bytes. It is `decodeReport` (hid-reports.ts) with the bound a
 * report's size sets: no report yields more than `payloadPerReport` bytes.
 *
 * - With a length prefix, a declared length above `reportSize` minus the
 *   prefix is an error: no sender following the layout can put that many
 *   bytes into one report, so the report is corrupt (or the layout is
 *   misconfigured). Bytes after the payload are ignored as before.
 * - Without a prefix, a report longer than `reportSize` is an error: its
 *   padding cannot be told from payload, and a device sending longer reports
 *   than configured is misconfigured; the message says so.
 *
 * Found by `npm run fuzz` (scripts/fuzz-hid.ts): before, a report longer
 * than configured was passed on whole (up to 65535 bytes from one report).
 */
import { err } from '../../domain/result';
import { decodeReport, payloadPerReport, type HidFraming, type HidFramingResult } from './hid-reports';

/** Payload of one input report, or why it was refused. Pure; never throws. */
export function readInputReport(report: Uint8Array, framing: HidFraming): HidFramingResult<Uint8Array> {
  const decoded = decodeReport(report, framing);
  if (!decoded.ok) return decoded;
  const room = payloadPerReport(framing);
  if (decoded.value.length <= room) return decoded;
  if (framing.lengthPrefix === 'none') {
    const length = report.length - (framing.reportId === 0 ? 0 : 1);
    return err({ kind: 'longerThanReportSize', length, reportSize: framing.reportSize });
  }
  return err({ kind: 'lengthBeyondReportSize', declared: decoded.value.length, reportSize: framing.reportSize, most: room });
}
