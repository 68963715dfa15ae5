/**
 * Unpredictable numbers for the liveness challenge (its actions, frame
 * moments and nonces) from the Web Crypto API, which the kiosk host, the
 * hall server and a browser all have: the person in front of the camera
 * must not be able to guess when a frame is taken.
 */

/** A uniform integer in [min, maxExclusive), without modulo bias. */
export function secureRandomInt(min: number, maxExclusive: number): number {
  const range = maxExclusive - min;
  if (!Number.isInteger(min) || !Number.isInteger(maxExclusive) || range <= 0 || range > 2 ** 32) throw new RangeError('secureRandomInt: bad range');
  const limit = Math.floor(2 ** 32 / range) * range;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return min + (word[0]! % range);
  }
}

/** `bytes` random bytes as lowercase hex. */
export function secureRandomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A random (v4) UUID. */
export function secureRandomUuid(): string {
  return crypto.randomUUID();
}
