/**
 * The host's idle backstop against the screen's own idle timer: the screen
 * reports touches at most once per ACTIVITY_INTERVAL_MS, so the host may
 * have heard of the last touch up to that much earlier than the screen's
 * countdown started; the backstop must still not end the session first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../../electron/host/config/load';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { createActivityThrottle } from '../../../../renderer/app/idle/activity';
import { ACTIVITY_INTERVAL_MS, IDLE_LIMITS_MS, stepTiming } from '../../../../renderer/app/idle/idle-limits';
import type { SessionStep } from '../../../../renderer/app/session/route';

const STEPS = Object.keys(IDLE_LIMITS_MS) as SessionStep[];

/** The longest a screen waits before ending a session: idle limit plus countdown, in either mode. */
const longestScreenWaitMs = Math.max(...STEPS.flatMap((step) => [false, true].map((elder) => stepTiming(step, elder)).map((t) => t.idleMs + t.countdownMs)));

afterEach(() => {
  vi.useRealTimers();
});

describe('the host idle backstop', () => {
  it('by default outlasts the longest screen wait (elder mode) plus the activity interval', () => {
    expect(longestScreenWaitMs).toBe(stepTiming('service', true).idleMs + stepTiming('service', true).countdownMs);
    expect(defaultConfig().session.backstopSeconds * 1000).toBeGreaterThan(longestScreenWaitMs + ACTIVITY_INTERVAL_MS);
  });

  it("an elder touching just before the report interval ends and walking away: the screen's countdown ends the session, not the host", () => {
    vi.useFakeTimers();
    const endedByHost: string[] = [];
    const sessions = createSessionStore({ backstopMs: defaultConfig().session.backstopSeconds * 1000, onBackstop: (s) => endedByHost.push(s.sessionId) });
    const started = sessions.start({ language: 'zh-CN', elderMode: true });
    if (!started.ok) throw new Error(started.error);
    const { sessionId } = started.value;
    const activity = createActivityThrottle(() => sessions.touch(sessionId), ACTIVITY_INTERVAL_MS, () => Date.now());

    // Touches every second for a while: the host hears of one every 10 s.
    for (let i = 0; i < 25; i += 1) {
      vi.advanceTimersByTime(1_000);
      activity.touch();
    }
    // The last touch (25 s) came 5 s after the last report (20 s); the screen's timer starts from it.
    const elder = stepTiming('service', true);
    vi.advanceTimersByTime(elder.idleMs + elder.countdownMs - 1);
    expect(endedByHost).toEqual([]);
    expect(sessions.get(sessionId)).toBeDefined();
    sessions.dispose();
  });
});
