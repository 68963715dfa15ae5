/**
 * "Capture when the page has been still for a moment": small grey samples
 * of the live video are compared one with the next; when they have differed
 * by less than a few grey levels for `stillMs`, and the scene is light
 * enough to hold a page, it is time to take the page. After a capture the
 * watch waits until the scene has changed (a hand, the next page) before it
 * takes another, so one page lying still is taken once.
 */

export interface StillnessRules {
  /** How long the samples must stay still, in ms. */
  stillMs: number;
  /** Mean absolute difference (grey levels) below which two samples are the same scene. */
  stillBelow: number;
  /** Mean absolute difference from the captured sample above which the scene has changed. */
  changedAbove: number;
  /** Mean grey level below which there is no page in view (the host's own "too dark" is 60). */
  minBrightness: number;
}

export const DEFAULT_STILLNESS: StillnessRules = { stillMs: 1000, stillBelow: 3, changedAbove: 10, minBrightness: 60 };

/** Mean absolute difference of two samples of the same size (Infinity when they differ in size). */
export function sampleDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Watches samples as they come; {@link StillnessWatch.feed} says when to take the page. */
export class StillnessWatch {
  private previous: Uint8Array | null = null;
  private stillSince: number | null = null;
  /** The sample last taken; null: armed (the next still scene is taken). */
  private taken: Uint8Array | null = null;

  constructor(private readonly rules: StillnessRules = DEFAULT_STILLNESS) {}

  /** Feeds a sample taken at `now` (ms); true when the page should be taken now. */
  feed(sample: Uint8Array, now: number): boolean {
    const previous = this.previous;
    this.previous = sample;
    if (this.taken && sampleDifference(sample, this.taken) > this.rules.changedAbove) this.taken = null;
    if (!previous || sampleDifference(previous, sample) >= this.rules.stillBelow) {
      this.stillSince = null;
      return false;
    }
    this.stillSince ??= now;
    if (this.taken || now - this.stillSince < this.rules.stillMs || mean(sample) < this.rules.minBrightness) return false;
    this.taken = sample;
    return true;
  }

  /** Forgets the scene (e.g. the citizen switched paper): the next still scene is taken. */
  reset(): void {
    this.previous = null;
    this.stillSince = null;
    this.taken = null;
  }
}

function mean(sample: Uint8Array): number {
  let sum = 0;
  for (const v of sample) sum += v;
  return sample.length > 0 ? sum / sample.length : 0;
}
