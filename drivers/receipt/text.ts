/**
 * Receipt text as the printer sees it: control characters removed (citizen
 * data must never inject ESC/POS commands) and widths in half-width columns.
 * In 汉字 mode a one-byte (ASCII) character prints 12 dots wide and every
 * multi-byte GB18030 character 24 dots (DOMAIN.md §8), so width follows the
 * encoding: 1 column for ASCII, 2 for everything else.
 */

/** Characters that become a space: tab, line breaks, Unicode line/paragraph separators. */
const SPACE_LIKE = new Set(['\t', '\r', '\n', '\u2028', '\u2029']);

/** C0 controls, DEL and C1 controls. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/**
 * Makes a string safe to print on one logical line: tabs and line breaks
 * become spaces, other control characters are dropped, so that no data can
 * smuggle an ESC/POS command onto the wire.
 */
export function sanitizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SPACE_LIKE.has(ch)) out += ' ';
    else if (!isControl(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

/** Columns one character takes: 1 for ASCII, 2 for anything else (full-width on the printer). */
export function charColumns(ch: string): 1 | 2 {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : 2;
}

/** Columns a string takes on the printer (see {@link charColumns}). */
export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}
