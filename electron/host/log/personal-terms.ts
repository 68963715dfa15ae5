/**
 * Personal words the log must never carry, known only at run time: the name
 * of the citizen at the kiosk. The logger asks for them on every line, so a
 * name inside free text (an error message, a stack, a gateway's reply) is
 * removed as surely as a `name` field. Nothing is kept here: the source is
 * read live (the open session), so a wiped session leaves no name behind.
 */

export interface PersonalTerms {
  /** The words to remove now. */
  current(): readonly string[];
}

export interface PersonalTermsSource extends PersonalTerms {
  /** Sets where the words come from (the host wires its session store once created). */
  use(source: () => readonly string[]): void;
}

export function createPersonalTerms(): PersonalTermsSource {
  let source: () => readonly string[] = () => [];
  return {
    current: () => source(),
    use: (next) => {
      source = next;
    },
  };
}

/** Separators inside a name (`阿卜杜热合曼·艾买提江`, `JOHN SMITH`): each part is personal too. */
const NAME_PARTS = /[\s·•.\-']+/;

/**
 * The words of a name to remove: the whole name and each part of two or more
 * characters. Single characters are left (a surname alone would take every
 * 王 out of the log and protect nobody).
 */
export function nameTerms(name: string | null | undefined): string[] {
  const whole = name?.trim() ?? '';
  if (Array.from(whole).length < 2) return [];
  const parts = whole.split(NAME_PARTS).filter((part) => Array.from(part).length >= 2);
  return [...new Set([whole, ...parts])];
}
