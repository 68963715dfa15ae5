/**
 * Why a HID report layout or one report read under it was refused
 * (hid-reports.ts, hid-input.ts), and the sentence a log or CLI prints for it.
 */
import type { Result } from '../../domain/result';
import type { HidLengthPrefix } from './hid-reports';

export type HidFramingError =
  /** The layout: a report id outside 0..255. */
  | { kind: 'badReportId'; reportId: number }
  /** The layout: a report size outside 1..65535. */
  | { kind: 'badReportSize'; reportSize: number }
  /** The layout: the length prefix takes the whole report. */
  | { kind: 'noPayloadRoom'; reportSize: number; lengthPrefix: HidLengthPrefix }
  /** The layout: a u8 prefix cannot count the payload a report holds. */
  | { kind: 'prefixTooNarrow'; room: number }
  /** A report shorter than its length prefix. */
  | { kind: 'shorterThanPrefix'; length: number }
  /** A report whose length prefix claims more bytes than it carries. */
  | { kind: 'lengthBeyondReport'; declared: number; carried: number }
  /** An unprefixed report longer than the configured size. */
  | { kind: 'longerThanReportSize'; length: number; reportSize: number }
  /** A length prefix claiming more than a report of the configured size can carry. */
  | { kind: 'lengthBeyondReportSize'; declared: number; reportSize: number; most: number };

/** Bad framing settings or a report that does not fit them. */
export type HidFramingResult<T> = Result<T, HidFramingError>;

/** The refusal in words, for logs and the device CLI. */
export function describeHidFramingError(error: HidFramingError): string {
  switch (error.kind) {
    case 'badReportId':
      return `reportId must be an integer 0..255, got ${error.reportId}`;
    case 'badReportSize':
      return `reportSize must be an integer 1..65535, got ${error.reportSize}`;
    case 'noPayloadRoom':
      return `reportSize ${error.reportSize} leaves no room for payload after a ${error.lengthPrefix} prefix`;
    case 'prefixTooNarrow':
      return `a u8 length prefix cannot describe ${error.room} payload bytes; use u16be/u16le or a smaller reportSize`;
    case 'shorterThanPrefix':
      return `HID report of ${error.length} bytes is shorter than its length prefix`;
    case 'lengthBeyondReport':
      return `HID report says ${error.declared} payload bytes but carries only ${error.carried}`;
    case 'longerThanReportSize':
      return `HID report of ${error.length} bytes is longer than reportSize ${error.reportSize}`;
    case 'lengthBeyondReportSize':
      return `HID report says ${error.declared} payload bytes but a report of size ${error.reportSize} carries at most ${error.most}`;
  }
}
