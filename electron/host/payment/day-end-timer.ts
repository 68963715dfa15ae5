/**
 * The host's day-end reconciliation timer: at `reconcileAt` (HH:MM in the
 * hall's zone, default 23:50) it reconciles that day. Late enough that the
 * hall is closed, early enough that the day is still the hall's day.
 */
import { zonedDayStart, zonedIsoDate } from '../../../domain/calendar-date';
import { nextDay } from './day-end-check';

export interface DayEndTimerOptions {
  /** HH:MM. */
  at: string;
  timeZone: string;
  now: () => Date;
  /** Reconciles `date` (YYYY-MM-DD); never rejects. */
  run: (date: string) => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

/** The next instant at `at` in `timeZone` after `now`, and the day it closes. */
export function nextDayEnd(at: string, timeZone: string, now: Date): { when: Date; date: string } {
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  const offsetMs = (hour * 60 + minute) * 60_000;
  let date = zonedIsoDate(now, timeZone);
  // Midnight plus the time of day: off by the shift on a day the zone changes its offset (the hall's zone, Asia/Shanghai, never does).
  let when = new Date(zonedDayStart(date, timeZone).getTime() + offsetMs);
  if (when <= now) {
    date = nextDay(date);
    when = new Date(zonedDayStart(date, timeZone).getTime() + offsetMs);
  }
  return { when, date };
}

const nodeTimer = (fn: () => void, ms: number) => {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
};

/** Starts the timer; the returned function stops it. */
export function startDayEndTimer(options: DayEndTimerOptions): () => void {
  const setTimer = options.setTimer ?? nodeTimer;
  let timer: { cancel(): void } | null = null;
  let stopped = false;
  const schedule = () => {
    const { when, date } = nextDayEnd(options.at, options.timeZone, options.now());
    timer = setTimer(() => {
      void options.run(date).finally(() => {
        if (!stopped) schedule();
      });
    }, Math.max(0, when.getTime() - options.now().getTime()));
  };
  schedule();
  return () => {
    stopped = true;
    timer?.cancel();
  };
}
