/**
 * Valid values of the contract's zod schemas for the contract fuzzer, drawn
 * by fast-check arbitraries built from each schema's declaration
 * (declaration.ts, from zod's public `z.toJSONSchema`): fresh values, and
 * values varied from a hand-written example. fast-check does the hard
 * parts (strings matching a regex, code-point strings, doubles between
 * bounds) and its bias favours edge values; every draw is seeded from the
 * fuzz run's PRNG, so a seed replays a run.
 *
 * Strings mix any code point with characters that break careless code
 * (quotes, backslashes, NUL, U+2028, a lone surrogate, CJK, emoji) and, now
 * and then, the privacy MARKER that no error reply may echo.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { declarationOf, optionFor, type Declared } from './declaration';
import { int, type Random } from './harness';
import { codePoints, defineOwn, MARKER } from './json-values';

/** Single code points that break careless JSON, HTML or length handling. */
const TRICKY_CHARS = [
  ...'aZ09-_. 一门通办智慧警务工作站无犯罪记录证明',
  ...['"', '\\', '/', '\u0000', '\u001f', '\n', '\t', '\u2028', '\u2029', '\ufeff', '\u007f', '<', '>', '&', "'", '{', '}', '[', ']', ':', ','],
  // A lone low surrogate never pairs with what follows; a lone high one could, which would change the length.
  ...['😀', '𠮷', 'é', '€', '\udfff'],
];
const CHAR = fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: fc.constantFrom(...TRICKY_CHARS) });
const WHOLE_STRINGS = [MARKER, '__proto__', 'constructor'];

/** Mostly short, sometimes long (a JPEG's base64 reaches the message size only rarely). */
const sized = (make: (size: 'small' | 'medium' | 'large') => fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 16, arbitrary: make('small') }, { weight: 3, arbitrary: make('medium') }, { weight: 1, arbitrary: make('large') });

function stringArbitrary(d: Declared & { kind: 'string' }): fc.Arbitrary<string> {
  const fits = (s: string): boolean => codePoints(s) >= d.min && codePoints(s) <= d.max;
  if (d.pattern) {
    const pattern = d.pattern;
    const maxLength = Number.isFinite(d.max) ? d.max : undefined;
    // stringMatching's maxLength counts UTF-16 units, never fewer than code points: only the minimum needs the filter.
    return sized((size) => fc.stringMatching(pattern, { maxLength, size })).filter(fits);
  }
  if (d.format === 'uri') return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fits);
  const plain = sized((size) => fc.string({ unit: CHAR, minLength: d.min, maxLength: Number.isFinite(d.max) ? d.max : undefined, size }));
  const whole = WHOLE_STRINGS.filter(fits);
  return whole.length ? fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...whole) }) : plain;
}

function numberArbitrary(d: Declared & { kind: 'number' }): fc.Arbitrary<number> {
  if (!d.integer) return fc.double({ min: d.min, max: d.max, minExcluded: d.minExclusive, maxExcluded: d.maxExclusive, noNaN: true, noDefaultInfinity: true });
  // fc.integer stays within 32 bits; zod's integers reach ±2^53.
  if (d.min >= -(2 ** 31) && d.max < 2 ** 31) return fc.integer({ min: d.min, max: d.max });
  return fc.bigInt({ min: BigInt(d.min), max: BigInt(d.max) }).map(Number);
}

function objectArbitrary(d: Declared & { kind: 'object' }): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of d.properties) defineOwn(model, key, arbitraryOf(child));
  const named = fc.record(model, { requiredKeys: [...d.required], noNullPrototype: true });
  if (typeof d.rest === 'string') return named;
  // A record (or a loose object): a few more keys, never one the properties name.
  const keys = (d.keys ? (arbitraryOf(d.keys) as fc.Arbitrary<string>) : fc.string({ unit: CHAR, minLength: 1, maxLength: 8 })).filter((k) => !d.properties.has(k));
  const more = fc.dictionary(keys, arbitraryOf(d.rest), { maxKeys: 3, noNullPrototype: true });
  return fc.tuple(named, more).map(([a, b]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of [...Object.entries(b), ...Object.entries(a)]) defineOwn(out, k, v);
    return out;
  });
}

const arbitraries = new WeakMap<Declared, fc.Arbitrary<unknown>>();

/** The fast-check arbitrary of a declaration's valid values (built once per node). */
export function arbitraryOf(d: Declared): fc.Arbitrary<unknown> {
  let a = arbitraries.get(d);
  if (a) return a;
  switch (d.kind) {
    case 'any':
      a = fc.jsonValue({ maxDepth: 2 });
      break;
    case 'literal':
      a = fc.constantFrom(...d.values);
      break;
    case 'string':
      a = stringArbitrary(d);
      break;
    case 'number':
      a = numberArbitrary(d);
      break;
    case 'boolean':
      a = fc.boolean();
      break;
    case 'null':
      a = fc.constant(null);
      break;
    case 'array':
      a = fc.array(arbitraryOf(d.items), { minLength: d.min, maxLength: Math.min(d.max, d.min + 4) });
      break;
    case 'object':
      a = objectArbitrary(d);
      break;
    case 'union':
      a = fc.oneof(...d.options.map(arbitraryOf));
      break;
  }
  arbitraries.set(d, a);
  return a;
}

/** One value of `d`, drawn with a seed from the run's PRNG. */
function draw(d: Declared, r: Random): unknown {
  return fc.sample(arbitraryOf(d), { seed: int(r, 2 ** 32) | 0, numRuns: 1 })[0];
}

/**
 * The contract's refinements JSON Schema cannot declare, made true after the
 * draw: a signature's point times never go backwards (contract/signature.ts).
 * Found by shape, so a signature anywhere in a message is put right.
 */
function satisfyRefinements(value: unknown): unknown {
  if (Array.isArray(value)) {
    value.forEach(satisfyRefinements);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.strokes) && typeof record.aspect === 'number') {
    let last = 0;
    for (const stroke of record.strokes) {
      if (!Array.isArray(stroke)) continue;
      for (const point of stroke as Array<Record<string, unknown>>) {
        const t = point?.t;
        if (typeof t !== 'number') continue;
        if (t < last) point.t = last;
        else last = t;
      }
    }
  }
  for (const child of Object.values(record)) satisfyRefinements(child);
  return value;
}

/** A fresh valid value of `s`. */
export function generate(s: z.ZodType, r: Random): unknown {
  return satisfyRefinements(draw(declarationOf(s), r));
}

function varied(d: Declared, example: unknown, r: Random): unknown {
  switch (d.kind) {
    case 'object': {
      const ex = example as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of d.properties) {
        if (!Object.hasOwn(ex, key)) {
          if (r() < 0.2) defineOwn(out, key, draw(child, r));
          continue;
        }
        if (!d.required.has(key) && r() < 0.15) continue;
        defineOwn(out, key, varied(child, ex[key], r));
      }
      if (typeof d.rest !== 'string') {
        const rest = d.rest;
        for (const [key, v] of Object.entries(ex)) if (!d.properties.has(key)) defineOwn(out, key, varied(rest, v, r));
      }
      return out;
    }
    case 'array': {
      const out = (example as unknown[]).map((e) => varied(d.items, e, r));
      if (r() < 0.2 && out.length < d.max) out.push(draw(d.items, r));
      else if (r() < 0.2 && out.length > d.min) out.splice(int(r, out.length), 1);
      return out;
    }
    case 'union': {
      const option = optionFor(d, example);
      if (!option || r() < 0.2) return draw(d, r);
      return varied(option, example, r);
    }
    default:
      return r() < 0.5 ? example : draw(d, r);
  }
}

/** A valid value near `example` (itself valid): some leaves kept, others drawn anew, optional keys dropped or added. */
export function vary(s: z.ZodType, example: unknown, r: Random): unknown {
  return satisfyRefinements(varied(declarationOf(s), example, r));
}

/** True when every key of an object schema is optional (so `{}` is valid). */
export function acceptsEmptyObject(s: z.ZodType): boolean {
  const d = declarationOf(s);
  return d.kind === 'object' && d.required.size === 0;
}
