/**
 * When the document screen takes a page by itself (stillness.ts): only
 * after the scene has been still for the moment asked, only when it is
 * light enough to hold a page, once per page lying there, and again after
 * a hand or the next page has changed the scene. Camera noise of a grey
 * level or two is still; any sequence of samples never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleDifference, StillnessWatch } from '../../../renderer/steps/document-capture/stillness';

const N = 64 * 48;
/** A page-like sample (light, with dark rows), shifted by `shift` columns, with ±`noise` grey levels. */
function sample(shift = 0, noise = 0, seed = 1, light = 200): Uint8Array {
  const out = new Uint8Array(N);
  let state = seed;
  for (let i = 0; i < N; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const x = (i % 64) + shift;
    const y = Math.floor(i / 64);
    const base = y % 6 < 2 && x % 64 > 8 ? 40 : light;
    out[i] = Math.max(0, Math.min(255, base + (noise ? ((state >>> 16) % (2 * noise + 1)) - noise : 0)));
  }
  return out;
}

/** Feeds `samples` 200 ms apart from `start`; the times (ms) at which the watch said "take". */
function taken(watch: StillnessWatch, samples: Uint8Array[], start = 0): number[] {
  return samples.flatMap((s, i) => (watch.feed(s, start + i * 200) ? [start + i * 200] : []));
}

describe('taking the page when it has been still', () => {
  // The first sample has nothing to compare with: stillness counts from the second (200 ms).
  it('takes a page once it has lain still for a second, despite camera noise, and only once', () => {
    const watch = new StillnessWatch();
    const frames = Array.from({ length: 20 }, (_, i) => sample(0, 2, i + 1));
    expect(taken(watch, frames)).toEqual([1200]);
  });

  it('does not take a page that keeps moving', () => {
    const watch = new StillnessWatch();
    expect(taken(watch, Array.from({ length: 30 }, (_, i) => sample(i * 3)))).toEqual([]);
  });

  it('takes the next page after the scene has changed (a hand, then the next page lying still)', () => {
    const watch = new StillnessWatch();
    const first = Array.from({ length: 8 }, () => sample(0));
    const hand = Array.from({ length: 3 }, (_, i) => sample(0, 0, 1, 90 + i * 5));
    const second = Array.from({ length: 8 }, () => sample(20));
    expect(taken(watch, [...first, ...hand, ...second])).toEqual([1200, 3400]);
  });

  it('does not take an empty, dark desk however still it lies', () => {
    const watch = new StillnessWatch();
    expect(taken(watch, Array.from({ length: 20 }, () => new Uint8Array(N).fill(45)))).toEqual([]);
  });

  it('after reset (another paper chosen) the page lying there is taken again', () => {
    const watch = new StillnessWatch();
    const still = Array.from({ length: 8 }, () => sample(0));
    expect(taken(watch, still)).toEqual([1200]);
    watch.reset();
    expect(taken(watch, still, 5000)).toEqual([6200]);
  });

  it('any sequence of samples (any sizes, any times) gives an answer, never a throw (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 32 }), fc.double({ noNaN: true })), { maxLength: 40 }), (feed) => {
        const watch = new StillnessWatch();
        for (const [s, t] of feed) expect(typeof watch.feed(s, t)).toBe('boolean');
      }),
    );
    expect(sampleDifference(new Uint8Array(2), new Uint8Array(3))).toBe(Infinity);
  });
});
