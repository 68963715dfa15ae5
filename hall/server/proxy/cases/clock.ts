/** Time for the proxy cases, injectable so tests move it by hand. */
export interface ProxyClock {
  now(): Date;
  /** Calls `run` after `ms`; returns a cancel. */
  after(ms: number, run: () => void): () => void;
}

export const systemClock: ProxyClock = {
  now: () => new Date(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
