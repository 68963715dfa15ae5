/**
 * A Map that remembers only its newest entries: the sandbox back-end's
 * idempotency records and recent submissions, which would otherwise grow for
 * as long as a simulated kiosk runs (and the submissions hold personal data).
 */

/** Sets `key` in `map` as its newest entry and drops the oldest entries beyond `limit` (a Map keeps insertion order). */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
}
