/**
 * Byte-level input generation and mutation shared by the wire-decoder
 * fuzzers: random bytes, random chunking (a stream torn the way an OS hands
 * it over) and mutation operators (bit flip, byte set, insert, delete,
 * duplicated slice, truncation, extension). Every draw comes from the
 * caller's seeded PRNG, in a fixed order, so runs are reproducible.
 */
import { int, type Random } from './harness';

/** `n` random bytes; with `avoid`, that byte value is replaced by `avoid + 1`. */
export function randomBytes(random: Random, n: number, avoid?: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let b = int(random, 256);
    if (b === avoid) b = (b + 1) & 0xff;
    out[i] = b;
  }
  return out;
}

/**
 * Cuts `bytes` into chunks of 1..small bytes (half the time) or 1..large
 * bytes; the chunks are views, their concatenation is `bytes`.
 */
export function randomChunks(random: Random, bytes: Uint8Array, small: number, large: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + int(random, random() < 0.5 ? small : large);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * One mutation of `out` in place at position `at` (0..out.length). Operators
 * draw what else they need from `random`.
 */
export type ByteMutation = (out: number[], at: number, random: Random) => void;

/** Replaces the byte at `at` (wrapping) with a random byte. */
export const setByte: ByteMutation = (out, at, random) => {
  if (out.length) out[at % out.length] = int(random, 256);
};

/** Flips one bit of the byte at `at` (wrapping). */
export const flipBit: ByteMutation = (out, at, random) => {
  if (out.length) out[at % out.length]! ^= 1 << int(random, 8);
};

/** Inserts one random byte. */
export const insertByte: ByteMutation = (out, at, random) => {
  out.splice(at, 0, int(random, 256));
};

/** Deletes 1..max bytes. */
export const deleteBytes =
  (max: number): ByteMutation =>
  (out, at, random) => {
    out.splice(at, 1 + int(random, max));
  };

/** Inserts a copy of up to `max` bytes from elsewhere in the input (splice). */
export const duplicateSlice =
  (max: number): ByteMutation =>
  (out, at, random) => {
    const from = int(random, out.length + 1);
    out.splice(at, 0, ...out.slice(from, from + int(random, max)));
  };

/** Cuts the input at `at`. */
export const truncate: ByteMutation = (out, at) => {
  out.length = Math.min(out.length, at);
};

/** Inserts up to `max` random bytes. */
export const insertRandom =
  (max: number): ByteMutation =>
  (out, at, random) => {
    const n = int(random, max + 1);
    const bytes: number[] = [];
    for (let i = 0; i < n; i++) bytes.push(int(random, 256));
    out.splice(at, 0, ...bytes);
  };

/** Inserts one of the given byte sequences (protocol tokens, terminators). */
export const insertToken =
  (tokens: readonly (readonly number[])[]): ByteMutation =>
  (out, at, random) => {
    out.splice(at, 0, ...tokens[int(random, tokens.length)]!);
  };

/** The general-purpose set for new fuzzers. */
export const STANDARD_MUTATIONS: readonly ByteMutation[] = [
  flipBit,
  setByte,
  insertByte,
  deleteBytes(8),
  duplicateSlice(32),
  truncate,
  insertRandom(16),
];

/**
 * Applies 1..maxCount mutations, each a random operator from `operators` at
 * a random position (drawn in that order: count, then per mutation position
 * and operator).
 */
export function mutateBytes(
  random: Random,
  bytes: Uint8Array,
  operators: readonly ByteMutation[] = STANDARD_MUTATIONS,
  maxCount = 8,
): Uint8Array {
  const out = [...bytes];
  const count = 1 + int(random, maxCount);
  for (let k = 0; k < count; k++) {
    const at = int(random, out.length + 1);
    operators[int(random, operators.length)]!(out, at, random);
  }
  return Uint8Array.from(out);
}
