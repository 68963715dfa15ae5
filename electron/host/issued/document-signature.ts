/**
 * A citizen's signature as a document carries it: the strokes (vector data,
 * normalised to the pad) and the time of signing as it is printed beside the
 * box (签名时间：…), in the hall's zone.
 */
import type { SignatureStrokes } from '../../contract';
import { zonedFields } from '../../../domain/calendar-date';
import { formatChineseDateTime } from './templates/chinese-date';

export interface DocumentSignature {
  strokes: SignatureStrokes;
  /** As printed, e.g. `2026年12月1日 10:00`. */
  signedAt: string;
}

/** The document's signature from a signature step's strokes and the instant the host received them. */
export function documentSignature(strokes: SignatureStrokes, signedAt: Date, timeZone: string): DocumentSignature {
  const f = zonedFields(signedAt, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const local = `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}`;
  return { strokes, signedAt: formatChineseDateTime(local) ?? local };
}
