/**
 * JSON helpers of the contract fuzzer that know no schema: the text form of
 * infinite numbers, the privacy marker, code-point lengths, prototype-
 * pollution values, deep nesting, copy-on-write edits at a path and deep
 * equality.
 */
import { int, type Random } from './harness';

/** A number serialised as `1e400` / `-1e400` (JSON.parse gives ±Infinity). */
export const INFINITY_TOKEN = '@@fuzz-infinity@@';
export const NEG_INFINITY_TOKEN = '@@fuzz-neg-infinity@@';

/** In generated strings now and then; an error reply must never echo it (input values may be personal data). */
export const MARKER = 'ΣFUZZ-MARK';

/** JSON text for a value that may hold the infinity tokens. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent)
    .replaceAll(`"${INFINITY_TOKEN}"`, '1e400')
    .replaceAll(`"${NEG_INFINITY_TOKEN}"`, '-1e400');
}

/**
 * Length as zod and JSON Schema measure strings for min/max: Unicode code
 * points (a lone surrogate counts as one).
 */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Keys that once polluted prototypes in other parsers. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];

/** Sets an own property, even one named `__proto__`. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value that tries to pollute Object.prototype through a careless merge. */
export function pollutionValue(r: Random): unknown {
  const payload = { polluted: 'yes' };
  const o: Record<string, unknown> = {};
  switch (int(r, 3)) {
    case 0:
      defineOwn(o, '__proto__', payload);
      break;
    case 1:
      defineOwn(o, 'constructor', { prototype: payload });
      break;
    default:
      defineOwn(o, 'prototype', payload);
  }
  return o;
}

/** Nested arrays or objects `depth` levels deep (built without recursion). */
export function deepValue(r: Random, depth: number): unknown {
  const arrays = r() < 0.5;
  let v: unknown = arrays ? [] : {};
  for (let k = 0; k < depth; k++) v = arrays ? [v] : { a: v };
  return v;
}

export type Path = (string | number)[];

/** A copy of `root` with the node at `path` replaced by `make(old)`, or removed; the rest is shared. */
export function setAt(root: unknown, path: Path, make: (old: unknown) => unknown, remove = false): unknown {
  if (path.length === 0) return make(root);
  const copy = (v: unknown): Record<string | number, unknown> => {
    if (Array.isArray(v)) return [...v] as unknown as Record<number, unknown>;
    // Own keys copied one by one, so a key named `__proto__` stays an own key.
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) defineOwn(o, k, x);
    return o;
  };
  const top = copy(root);
  let node = top;
  for (let k = 0; k < path.length - 1; k++) {
    const child = copy(node[path[k]!]);
    node[path[k]!] = child;
    node = child;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else if (typeof last === 'string') defineOwn(node as Record<string, unknown>, last, make(node[last]));
  else node[last] = make(node[last]);
  return top;
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
