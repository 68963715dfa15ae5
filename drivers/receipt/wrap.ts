/**
 * Fitting text to the paper: greedy wrapping by printer columns, and
 * truncation with an ellipsis. A line breaks where a Chinese reader expects
 * it: at a space first, else after a full-width closing mark or before an
 * opening one (，。）「…); a run with no such place is broken between
 * characters only when it is longer than a whole line, and then never so that
 * a line starts with closing or ends with opening punctuation (禁则,
 * kinsoku.ts). Never produces a line wider than asked, whatever the input.
 */
import { isPunctuationBreak, mayBreakBetween } from './kinsoku';
import { charColumns, textColumns } from './text';

/** The ellipsis used by {@link truncateText}: two columns (full-width on the printer). */
export const ELLIPSIS = '…';

/** Text that stays on one line where it fits, with the spaces before it (dropped at a line break). */
type Run = { gap: string; chars: string[] };

/**
 * Cuts `text` into runs at spaces and punctuation breaks. A run that would
 * start a line with a closing mark is glued to the one before (spaces and
 * all), and so is a run after one that ends with an opening mark, so that a
 * break between runs never breaks 禁则.
 */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let gap = '';
  let chars: string[] = [];
  const end = (): void => {
    if (chars.length === 0) return;
    runs.push({ gap, chars });
    gap = '';
    chars = [];
  };
  for (const ch of text) {
    const last = chars.at(-1);
    if (ch === ' ') {
      if (last !== undefined && !mayBreakBetween(last, 'x')) chars.push(ch); // 「 followed by a space
      else {
        end();
        gap += ch;
      }
      continue;
    }
    if (last === undefined) {
      const previous = runs.at(-1);
      if (previous && !mayBreakBetween(previous.chars.at(-1)!, ch)) {
        runs.pop();
        chars = [...previous.chars, ...gap];
        gap = previous.gap;
      }
    } else if (isPunctuationBreak(last, ch)) end();
    chars.push(ch);
  }
  end();
  return runs;
}

function columnsOf(chars: readonly string[]): number {
  let n = 0;
  for (const ch of chars) n += charColumns(ch);
  return n;
}

/**
 * How many of `chars` go on a line with `room` columns left when the run must
 * be broken between characters: the most that fit without breaking 禁则, or 0
 * when none do (or none fit).
 */
function fittingCount(chars: readonly string[], room: number): number {
  let fit = 0;
  let used = 0;
  while (fit < chars.length && used + charColumns(chars[fit]!) <= room) used += charColumns(chars[fit++]!);
  if (fit === chars.length) return fit;
  for (let k = fit; k > 0; k--) if (mayBreakBetween(chars[k - 1]!, chars[k]!)) return k;
  return 0;
}

/** As many of `chars` as fit in `room` columns, at least one: the last resort when 禁则 cannot be kept. */
function forcedCount(chars: readonly string[], room: number): number {
  let fit = 0;
  let used = 0;
  while (fit < chars.length && used + charColumns(chars[fit]!) <= room) used += charColumns(chars[fit++]!);
  return Math.max(1, fit);
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
  const put = (chars: readonly string[]): void => {
    line += chars.join('');
    used += columnsOf(chars);
  };
  for (const run of runsOf(text)) {
    // No leading spaces on a continuation line.
    const gap = used === 0 && lines.length > 0 ? '' : run.gap;
    const runColumns = columnsOf(run.chars);
    if (used + gap.length + runColumns <= width) {
      line += gap;
      used += gap.length;
      put(run.chars);
      continue;
    }
    if (runColumns <= width) {
      if (used > 0) push();
      put(run.chars);
      continue;
    }
    // A run longer than a whole line: fill the current line, then break between characters.
    let rest = run.chars;
    if (used > 0 && used + gap.length < width) {
      line += gap;
      used += gap.length;
    } else if (used > 0) push();
    while (rest.length > 0) {
      let take = fittingCount(rest, width - used);
      if (take === 0 && used > 0) {
        push();
        continue;
      }
      if (take === 0) take = forcedCount(rest, width);
      put(rest.slice(0, take));
      rest = rest.slice(take);
      if (rest.length > 0) {
        push();
        while (rest[0] === ' ') rest = rest.slice(1);
      }
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
