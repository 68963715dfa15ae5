/** Looks up characters for typed pinyin: syllable segmentation, prefixes and phrase candidates. */
import { surnamesFirst } from './surnames';

/** One choice in the candidate bar. */
export interface Candidate {
  /** What is appended to the text. */
  text: string;
  /** How many letters of the pinyin buffer it uses up. */
  consumed: number;
  kind: 'phrase' | 'char';
}

/** One syllable of the buffer; the last may be unfinished (a prefix such as `zh`). */
export interface Segment {
  text: string;
  complete: boolean;
}

/** Options of {@link PinyinLookup.candidates}. */
export interface CandidateOptions {
  /** Put common surnames first (the first character of a name). */
  surnameFirst?: boolean;
}

const MAX_SYLLABLE = 6;

/** Spellings people type for ü syllables besides the v form the index uses. */
const ALIASES: Readonly<Record<string, string>> = { lue: 'lve', nue: 'nve' };

/** The index prepared for lookups; build once with {@link createPinyinLookup}. */
export interface PinyinLookup {
  /** Number of syllables and of (syllable, character) entries. */
  readonly size: { syllables: number; entries: number };
  /** Characters of one complete syllable, most frequent first. */
  chars(syllable: string): readonly string[];
  /** Splits the buffer into syllables (longest first), the last possibly a prefix; `null` if impossible. */
  segment(buffer: string): Segment[] | null;
  /** Phrase (for several syllables) then characters for the first syllable. */
  candidates(buffer: string, options?: CandidateOptions): Candidate[];
}

/** Prepares lookups over the generated index (syllable → characters). */
export function createPinyinLookup(data: Readonly<Record<string, string>>): PinyinLookup {
  const lists = new Map<string, readonly string[]>();
  let entries = 0;
  for (const [syllable, chars] of Object.entries(data)) {
    const list = Array.from(chars);
    lists.set(syllable, list);
    entries += list.length;
  }
  for (const [alias, target] of Object.entries(ALIASES)) {
    const list = lists.get(target);
    if (list && !lists.has(alias)) lists.set(alias, list);
  }
  const prefixes = new Map<string, string[]>();
  for (const syllable of [...lists.keys()].sort()) {
    for (let n = 1; n <= syllable.length; n++) {
      const p = syllable.slice(0, n);
      const group = prefixes.get(p);
      if (group) group.push(syllable);
      else prefixes.set(p, [syllable]);
    }
  }

  const chars = (syllable: string): readonly string[] => lists.get(syllable) ?? [];

  /** Characters of every syllable starting with `prefix`, taking each syllable's best in turn. */
  const prefixChars = (prefix: string): string[] => {
    const groups = (prefixes.get(prefix) ?? []).map(chars);
    const seen = new Set<string>();
    const out: string[] = [];
    const longest = Math.max(0, ...groups.map((g) => g.length));
    for (let i = 0; i < longest; i++) {
      for (const g of groups) {
        const c = g[i];
        if (c !== undefined && !seen.has(c)) {
          seen.add(c);
          out.push(c);
        }
      }
    }
    return out;
  };

  const segment = (buffer: string): Segment[] | null => {
    const memo = new Map<number, Segment[] | null>();
    const from = (start: number): Segment[] | null => {
      if (start === buffer.length) return [];
      const known = memo.get(start);
      if (known !== undefined) return known;
      let found: Segment[] | null = null;
      for (let n = Math.min(MAX_SYLLABLE, buffer.length - start); n >= 1 && !found; n--) {
        const head = buffer.slice(start, start + n);
        if (!lists.has(head)) continue;
        const rest = from(start + n);
        if (rest) found = [{ text: head, complete: true }, ...rest];
      }
      const tail = buffer.slice(start);
      if (!found && prefixes.has(tail)) found = [{ text: tail, complete: false }];
      memo.set(start, found);
      return found;
    };
    return from(0);
  };

  const segmentChars = (s: Segment, surnameFirst: boolean): string[] => {
    const list = s.complete ? [...chars(s.text)] : prefixChars(s.text);
    return surnameFirst ? surnamesFirst(list) : list;
  };

  return {
    size: { syllables: lists.size, entries },
    chars,
    segment,
    candidates(buffer, options = {}) {
      const segments = segment(buffer);
      if (!segments || segments.length === 0) return [];
      const surnameFirst = options.surnameFirst ?? false;
      const [first] = segments;
      const firstChars = segmentChars(first!, surnameFirst).map((c): Candidate => ({ text: c, consumed: first!.text.length, kind: 'char' }));
      if (segments.length === 1) return firstChars;
      const phrase = segments.map((s, i) => segmentChars(s, surnameFirst && i === 0)[0] ?? '').join('');
      return [{ text: phrase, consumed: buffer.length, kind: 'phrase' }, ...firstChars];
    },
  };
}
