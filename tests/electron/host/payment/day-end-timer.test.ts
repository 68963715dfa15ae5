/** The host's day-end reconciliation runs at `payment.reconcileAt` in the hall's zone, for that day, every day. */
import { describe, expect, it } from 'vitest';
import { nextDayEnd, startDayEndTimer } from '../../../../electron/host/payment/day-end-timer';

describe('day-end timer', () => {
  it('names the next 23:50 in Shanghai and the day it closes', () => {
    expect(nextDayEnd('23:50', 'Asia/Shanghai', new Date('2026-12-02T03:00:00Z'))).toEqual({ when: new Date('2026-12-02T15:50:00Z'), date: '2026-12-02' });
    // 23:55 in Shanghai: today's check is past, the next closes tomorrow.
    expect(nextDayEnd('23:50', 'Asia/Shanghai', new Date('2026-12-02T15:55:00Z'))).toEqual({ when: new Date('2026-12-03T15:50:00Z'), date: '2026-12-03' });
  });

  it('runs the day, then schedules the next, and stops', async () => {
    let clock = new Date('2026-12-02T03:00:00Z');
    const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
    const ran: string[] = [];
    const stop = startDayEndTimer({
      at: '23:50',
      timeZone: 'Asia/Shanghai',
      now: () => clock,
      run: async (date) => void ran.push(date),
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    });
    expect(timers[0]!.ms).toBe(12 * 3_600_000 + 50 * 60_000);
    clock = new Date('2026-12-02T15:50:00Z');
    timers[0]!.fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['2026-12-02']);
    expect(timers[1]!.ms).toBe(24 * 3_600_000);
    stop();
    expect(timers[1]!.cancelled).toBe(true);
  });
});
