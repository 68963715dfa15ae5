/**
 * Fitting text to the paper: greedy wrapping by printer columns, breaking
 * Latin words at spaces where possible and anywhere between CJK characters,
 * and truncation with an ellipsis. Never produces a line wider than asked,
 * whatever the input (a word wider than the line is split).
 */
import { charColumns, textColumns } from './text';

/** The ellipsis used by {@link truncateText}: two columns (full-width on the printer). */
export const ELLIPSIS = '…';

type Token = { text: string; columns: number; space: boolean };

/** Runs of ASCII non-space characters stay together; every other character is its own token. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flush = (): void => {
    if (word) tokens.push({ text: word, columns: word.length, space: false });
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      flush();
      tokens.push({ text: ' ', columns: 1, space: true });
    } else if ((ch.codePointAt(0) ?? 0) < 0x80) {
      word += ch;
    } else {
      flush();
      tokens.push({ text: ch, columns: 2, space: false });
    }
  }
  flush();
  return tokens;
}

/** Splits `text` into pieces of at most `columns` columns, character by character. */
function hardSplit(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (width + w > columns && line) {
      pieces.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) pieces.push(line);
  return pieces;
}

/**
 * Wraps `text` (one paragraph, already sanitized) into lines of at most
 * `columns` columns. Leading spaces of continuation lines and trailing spaces
 * are dropped. Returns `['']` for empty text. `columns` below 2 is taken as 2,
 * so a full-width character always fits.
 */
export function wrapText(text: string, columns: number): string[] {
  const width = Math.max(2, Math.floor(columns));
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  for (const token of tokenize(text)) {
    if (token.space) {
      if (used === 0 && lines.length > 0) continue; // no leading space on a continuation line
      if (used + 1 > width) push();
      else {
        line += ' ';
        used += 1;
      }
      continue;
    }
    if (used + token.columns <= width) {
      line += token.text;
      used += token.columns;
      continue;
    }
    if (token.columns <= width) {
      push();
      line = token.text;
      used = token.columns;
      continue;
    }
    // A word wider than a line: fill the current line, then split the rest.
    for (const piece of hardSplit(token.text, width)) {
      const w = textColumns(piece);
      if (used + w > width) push();
      line += piece;
      used += w;
    }
  }
  if (line || lines.length === 0) push();
  return lines;
}

/** Cuts `text` to at most `columns` columns, ending in {@link ELLIPSIS} when it was cut. */
export function truncateText(text: string, columns: number): string {
  const width = Math.max(0, Math.floor(columns));
  if (textColumns(text) <= width) return text;
  const ellipsis = textColumns(ELLIPSIS) <= width ? ELLIPSIS : '';
  const room = width - textColumns(ellipsis);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + ellipsis;
}
