import { useEffect, useState } from 'react';

/**
 * The current time at each render, with a re-render every `intervalMs`
 * (ticking wait times, "last seen N min ago"). Read at render, not kept from
 * the last tick, so a live update never shows against a stale clock.
 */
export function useNow(intervalMs = 1000): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return new Date();
}
