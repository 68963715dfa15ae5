/**
 * The code on a photo studio's 数码照片回执 (the receipt a certified studio
 * prints after uploading a standard photo to the police photo system; the
 * code, often called 图像号, lets an office fetch that photo).
 *
 * ASSUMED FORMAT (no public specification was found; make it a setting or
 * confirm with the province before relying on it): 18–20 characters, the
 * digits 0–9 and the letters A–Z. What the citizen types or the scanner
 * reads is normalised first: surrounding whitespace is dropped, the spaces
 * and hyphens a receipt prints between groups are removed, and letters are
 * upper-cased. Anything else (other punctuation, full-width or non-ASCII
 * characters, control characters, a URL) is refused, so nothing but the
 * bare code ever reaches the back-end.
 */
import { err, ok, type Result } from './result';

export const RECEIPT_CODE_MIN_LENGTH = 18;
export const RECEIPT_CODE_MAX_LENGTH = 20;

/** Input longer than this is refused unread (a scanner may deliver kilobytes). */
export const RECEIPT_INPUT_MAX_LENGTH = 64;

/** Why a text is not a receipt code, in the order the checks run. */
export type ReceiptCodeProblem = 'empty' | 'badCharacter' | 'tooShort' | 'tooLong';

/** A normalised receipt code: 18–20 of [0-9A-Z]. */
export const RECEIPT_CODE = /^[0-9A-Z]{18,20}$/;

/** The bare code in `text`, or why there is none. */
export function parsePhotoReceiptCode(text: string): Result<string, ReceiptCodeProblem> {
  if (text.length > RECEIPT_INPUT_MAX_LENGTH) return err('tooLong');
  const bare = text.trim().replace(/[ -]/g, '');
  if (bare.length === 0) return err('empty');
  // Checked before upper-casing: 'ß'.toUpperCase() is 'SS', and no such letter may turn into a code.
  if (!/^[0-9A-Za-z]+$/.test(bare)) return err('badCharacter');
  const code = bare.toUpperCase();
  if (code.length < RECEIPT_CODE_MIN_LENGTH) return err('tooShort');
  if (code.length > RECEIPT_CODE_MAX_LENGTH) return err('tooLong');
  return ok(code);
}
