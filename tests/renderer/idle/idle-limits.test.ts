import { describe, expect, it } from 'vitest';
import { createActivityThrottle } from '../../../renderer/app/idle/activity';
import { IDLE_LIMITS_MS, readIdleScale, stepTiming } from '../../../renderer/app/idle/idle-limits';

describe('idle limits', () => {
  it('are 60–120 s per step, doubled in elder mode, with a 30 s countdown', () => {
    for (const ms of Object.values(IDLE_LIMITS_MS)) {
      expect(ms).toBeGreaterThanOrEqual(60_000);
      expect(ms).toBeLessThanOrEqual(120_000);
    }
    expect(stepTiming('home', false)).toEqual({ idleMs: 90_000, countdownMs: 30_000 });
    expect(stepTiming('home', true)).toEqual({ idleMs: 180_000, countdownMs: 60_000 });
    expect(stepTiming('service', false, 0.05)).toEqual({ idleMs: 6_000, countdownMs: 3_000 });
  });

  it('?idleScale only shortens, and only in simulation', () => {
    expect(readIdleScale('?idleScale=0.05', true)).toBe(0.05);
    expect(readIdleScale('?idleScale=0.05', false)).toBe(1);
    expect(readIdleScale('?idleScale=20', true)).toBe(1);
    expect(readIdleScale('?idleScale=0', true)).toBe(1);
    expect(readIdleScale('?idleScale=abc', true)).toBe(1);
    expect(readIdleScale('?idleScale=0.0001', true)).toBe(0.01);
    expect(readIdleScale('', true)).toBe(1);
  });

  it('activity is reported at most once per interval', () => {
    let now = 0;
    let sent = 0;
    const throttle = createActivityThrottle(() => (sent += 1), 10_000, () => now);
    for (now = 0; now < 35_000; now += 1_000) throttle.touch();
    expect(sent).toBe(3);
  });
});
