/**
 * The one document a reprint may still need after its session ended, held in
 * this process's memory only (never on disk, so nothing personal is left in
 * spools or temp files) for a short window, then wiped.
 *
 * Why: the policy is "reprint the last document (same number,
 * logged, limited)", and the citizen's PDF is deleted when the session ends
 * (DOMAIN.md §6). Re-rendering later would need the personal data again
 * (kept somewhere) or a back-end that re-issues documents by number, which
 * the back-ends do not offer. So the host keeps the last printed document's
 * bytes, and only those, for `ms` after its session ended (default 10 min:
 * the time a citizen takes to come back to the hall's desk with a jammed or
 * faint page). Wiped when the window passes, when the reprint has used it,
 * when another document takes its place, and when the host stops (memory).
 */

/** Ten minutes: the default window after the session ends. */
export const REPRINT_HOLD_MS = 10 * 60_000;

export interface ReprintHoldOptions {
  ms?: number;
  now?: () => Date;
}

export interface ReprintHold {
  /** Holds `pdf` as the one document a reprint may still use (replaces, and wipes, any other). */
  hold(number: string, pdf: Uint8Array): void;
  /** The held bytes for `number` while the window lasts, else undefined (and wiped once past). */
  get(number: string): Uint8Array | undefined;
  /** Wipes the held bytes (after the reprint, or when the host stops). */
  wipe(): void;
  /** The held document's number while the window lasts (tests, status). */
  heldNumber(): string | null;
}

export function createReprintHold(options: ReprintHoldOptions = {}): ReprintHold {
  const ms = options.ms ?? REPRINT_HOLD_MS;
  const now = options.now ?? (() => new Date());
  let held: { number: string; pdf: Uint8Array; until: number } | null = null;

  const wipe = (): void => {
    // Overwrite before dropping: the bytes do not linger until the next GC.
    held?.pdf.fill(0);
    held = null;
  };
  const current = () => {
    if (held && now().getTime() >= held.until) wipe();
    return held;
  };

  return {
    hold(number, pdf) {
      wipe();
      held = { number, pdf: new Uint8Array(pdf), until: now().getTime() + ms };
    },
    get(number) {
      const entry = current();
      return entry && entry.number === number ? new Uint8Array(entry.pdf) : undefined;
    },
    wipe,
    heldNumber: () => current()?.number ?? null,
  };
}
