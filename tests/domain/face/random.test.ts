/** The liveness challenge's randomness (Web Crypto): in range, every value reachable, and refusing a range it cannot serve. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueChallenge } from '../../../domain/face/challenge';
import { secureRandomHex, secureRandomInt } from '../../../domain/face/random';

describe('secure randomness of the face challenge', () => {
  it('property: secureRandomInt stays in [min, max)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 1_000 }), fc.integer({ min: 1, max: 5_000 }), (min, span) => {
        const value = secureRandomInt(min, min + span);
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(min);
        expect(value).toBeLessThan(min + span);
      }),
    );
  });

  it('reaches every value of a small range', () => {
    const seen = new Set(Array.from({ length: 400 }, () => secureRandomInt(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('refuses an empty range', () => {
    expect(() => secureRandomInt(5, 5)).toThrow(RangeError);
  });

  it('nonces are hex of the asked length and differ', () => {
    const a = secureRandomHex(16);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(secureRandomHex(16)).not.toBe(a);
  });

  it('a challenge has a blink and distinct actions, each challenge its own id', () => {
    const now = new Date('2026-12-03T09:00:00.000Z');
    const one = issueChallenge({ count: 3, timeoutMs: 20_000, now });
    expect(new Set(one.actions).size).toBe(3);
    expect(one.actions).toContain('blink');
    expect(issueChallenge({ count: 2, timeoutMs: 20_000, now }).challengeId).not.toBe(one.challengeId);
  });
});
