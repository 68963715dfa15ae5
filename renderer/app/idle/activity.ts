/** Tells the host the citizen is still there, at most once per interval however often they touch. */

/** Creates the throttle; `touch()` sends when the last send is at least `intervalMs` old. */
export function createActivityThrottle(send: () => void, intervalMs: number, now: () => number = Date.now): { touch(): void } {
  // The session's start counts as activity the host has already seen.
  let last = now();
  return {
    touch() {
      const at = now();
      if (at - last < intervalMs) return;
      last = at;
      send();
    },
  };
}
