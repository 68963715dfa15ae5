/**
 * 禁则 (line-breaking rules) for receipt text, as a Chinese reader expects
 * them: no line starts with closing punctuation (，。、）」…) and none ends
 * with opening punctuation (（「《…). Full-width punctuation also marks where
 * a line may break: after a closing mark, before an opening one.
 */

/** Marks that close or end something: never first on a line. ASCII ones included for mixed text. */
const CLOSING = new Set([...'，。、；：！？）」』】》〉〕］｝”’…·％', ...',.;:!?)]}%']);

/** Marks that open something: never last on a line. */
const OPENING = new Set([...'（「『【《〈〔［｛“‘', ...'([{']);

export function isClosingMark(ch: string): boolean {
  return CLOSING.has(ch);
}

export function isOpeningMark(ch: string): boolean {
  return OPENING.has(ch);
}

/** Whether a line may end after `before` and the next start with `after`. */
export function mayBreakBetween(before: string, after: string): boolean {
  return !isOpeningMark(before) && !isClosingMark(after);
}

/**
 * Whether punctuation makes a preferred break between two adjacent non-space
 * characters: after full-width closing marks, before full-width opening ones.
 * ASCII marks do not (they sit inside numbers and addresses: 1,000 or a URL).
 */
export function isPunctuationBreak(before: string, after: string): boolean {
  if (!mayBreakBetween(before, after)) return false;
  return (isClosingMark(before) && isFullWidth(before)) || (isOpeningMark(after) && isFullWidth(after));
}

function isFullWidth(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) >= 0x80;
}
