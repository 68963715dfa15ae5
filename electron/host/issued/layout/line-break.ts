/**
 * Line breaking for Chinese text: a break is allowed between any two CJK
 * characters, Latin words and numbers (an ID number, an amount) stay whole
 * unless longer than a line, and the usual 避头尾 rules hold: closing
 * punctuation never starts a line (it hangs into the margin instead),
 * opening brackets never end one.
 */

/** Characters that must not start a line. */
const NO_START = new Set(Array.from('，。、；：？！）》」』】〕〉’”…—·%‰,.;:?!)]}'));
/** Characters that must not end a line. */
const NO_END = new Set(Array.from('（《「『【〔〈‘“([{¥$'));

/** A run that must not be broken: letters, digits and their joiners. */
const WORD_CHAR = /[A-Za-z0-9@#&_\-./:+*]/;

/** One broken line; `last` marks a paragraph's last line (never justified). */
export interface BrokenLine {
  text: string;
  width: number;
  last: boolean;
}

/**
 * Breaks one paragraph (no `\n`) into lines: the first `firstWidth` wide,
 * the rest `restWidth`. `charWidth` gives a character's advance.
 */
export function breakParagraph(text: string, firstWidth: number, restWidth: number, charWidth: (char: string) => number): BrokenLine[] {
  const tokens = tokenize(text);
  const lines: BrokenLine[] = [];
  let line: string[] = [];
  let width = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : restWidth);
  const tokenWidth = (token: string): number => Array.from(token).reduce((sum, c) => sum + charWidth(c), 0);
  const flush = (): void => {
    const joined = line.join('').replace(/ +$/, '');
    lines.push({ text: joined, width: tokenWidth(joined), last: false });
    line = [];
    width = 0;
  };

  let hanging = false;
  for (const token of tokens) {
    const w = tokenWidth(token);
    if (hanging) {
      if (NO_START.has(token)) {
        // A run of closing punctuation (`）。`) hangs together.
        line.push(token);
        width += w;
        continue;
      }
      hanging = false;
      flush();
      if (token === ' ') continue;
    }
    if (width + w <= limit() + 1e-6) {
      if (!(line.length === 0 && token === ' ')) {
        line.push(token);
        width += w;
      }
      continue;
    }
    if (token === ' ') {
      flush();
      continue;
    }
    if (NO_START.has(token) && line.length > 0) {
      // Hanging punctuation: stays on this line, past the edge.
      line.push(token);
      width += w;
      hanging = true;
      continue;
    }
    if (w > limit() && WORD_CHAR.test(token[0] ?? '')) {
      // A word longer than a line: fill the line, then split by characters.
      for (const char of Array.from(token)) {
        const cw = charWidth(char);
        if (width + cw > limit() + 1e-6 && line.length > 0) flush();
        line.push(char);
        width += cw;
      }
      continue;
    }
    if (line.length === 0) {
      // A single character wider than the line: it has to go somewhere.
      line.push(token);
      width += w;
      continue;
    }
    // Break before the token, carrying a trailing opening bracket along.
    const carried: string[] = [];
    while (line.length > 1 && NO_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
    width = tokenWidth(line.join(''));
    flush();
    for (const c of carried) {
      line.push(c);
      width += tokenWidth(c);
    }
    line.push(token);
    width += w;
  }
  if (line.length > 0 || lines.length === 0) flush();
  lines[lines.length - 1]!.last = true;
  return lines;
}

/** Splits text into unbreakable tokens: words, single CJK characters, spaces. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const char of Array.from(text)) {
    if (WORD_CHAR.test(char)) {
      word += char;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    tokens.push(char);
  }
  if (word) tokens.push(word);
  return tokens;
}
