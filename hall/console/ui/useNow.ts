import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (ticking wait times, "last seen N min ago"). */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
