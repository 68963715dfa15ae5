/**
 * Values from the contract's zod schemas, for the contract fuzzer: valid
 * values generated from a schema or varied from a hand-written example, and
 * single mutations that the schema's own declaration says must be refused
 * (a wrong JSON type, a missing required key, an unknown key in a strict
 * object, a string or array out of its bounds or off its pattern, a number
 * out of range, not an integer or infinite, an unknown enum or literal).
 *
 * It reads the declarations (zod 4's `_zod.def`), never `safeParse`, so what
 * it expects is independent of the validator under test. A schema kind or
 * check it does not know throws: a new kind in the contract is noticed, not
 * silently skipped.
 */
import type { z } from 'zod';
import { int, pick, type Random } from './harness';

type Schema = z.ZodType;

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: CheckDef } }[];
  keyType?: Schema;
  valueType?: Schema;
}

export const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod.def);

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

// ── Rules read from the declarations ──

interface StringRules {
  min: number;
  max: number;
  pattern?: RegExp;
  datetime: boolean;
}

function stringRules(d: Def): StringRules {
  const rules: StringRules = { min: 0, max: Infinity, datetime: false };
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') rules.min = Math.max(rules.min, c.minimum!);
    else if (c.check === 'max_length') rules.max = Math.min(rules.max, c.maximum!);
    else if (c.check === 'string_format' && c.format === 'regex') rules.pattern = c.pattern;
    else if (c.check === 'string_format' && c.format === 'datetime') [rules.datetime, rules.pattern] = [true, c.pattern];
    else throw new Error(`zod-values: unsupported string check ${c.check}${c.format ? `/${c.format}` : ''}`);
  }
  return rules;
}

interface NumberRules {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
  int: boolean;
}

function numberRules(d: Def): NumberRules {
  const rules: NumberRules = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, minInclusive: true, maxInclusive: true, int: false };
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') [rules.min, rules.minInclusive] = [c.value!, c.inclusive!];
    else if (c.check === 'less_than') [rules.max, rules.maxInclusive] = [c.value!, c.inclusive!];
    else if (c.check === 'number_format' && c.format === 'safeint') rules.int = true;
    else throw new Error(`zod-values: unsupported number check ${c.check}${c.format ? `/${c.format}` : ''}`);
  }
  if (rules.int) {
    rules.min = Math.max(Number.MIN_SAFE_INTEGER, rules.minInclusive ? Math.ceil(rules.min) : Math.floor(rules.min) + 1);
    rules.max = Math.min(Number.MAX_SAFE_INTEGER, rules.maxInclusive ? Math.floor(rules.max) : Math.ceil(rules.max) - 1);
    rules.minInclusive = rules.maxInclusive = true;
  }
  return rules;
}

function arrayRules(d: Def): { min: number; max: number } {
  const rules = { min: 0, max: Infinity };
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') rules.min = c.minimum!;
    else if (c.check === 'max_length') rules.max = c.maximum!;
    else throw new Error(`zod-values: unsupported array check ${c.check}`);
  }
  return rules;
}

const isOptional = (s: Schema): boolean => defOf(s).type === 'optional';
const isStrict = (d: Def): boolean => d.catchall !== undefined && defOf(d.catchall).type === 'never';

/** The option of a discriminated union that `value` belongs to, by its discriminator. */
function optionFor(d: Def, value: unknown): Schema | undefined {
  if (!d.discriminator || typeof value !== 'object' || value === null) return undefined;
  const tag = (value as Record<string, unknown>)[d.discriminator];
  return d.options!.find((o) => defOf(defOf(o).shape![d.discriminator!]!).values!.includes(tag));
}

// ── Valid values ──

const STRING_POOLS: readonly (readonly string[])[] = [
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. '],
  [...'一门通办智慧警务工作站平顶山市公安局湖滨派出所无犯罪记录证明'],
  ['"', '\\', '/', '\u0000', '\u001f', '\n', '\t', '\u2028', '\u2029', '\ufeff', '\u007f', '<', '>', '&', "'", '{', '}', '[', ']', ':', ','],
  // A lone low surrogate never pairs with what follows; a lone high one could, which would change the length.
  ['😀', '𠮷', 'é', '€', '\udfff', '__proto__', 'constructor', MARKER],
];

/**
 * Length as this zod measures strings for min/max: Unicode code points (a
 * lone surrogate counts as one).
 */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A string of min..max code points (mostly short). */
function genPlainString(r: Random, min: number, max: number): string {
  const roll = r();
  const cap = Math.min(max, roll < 0.9 ? min + 24 : roll < 0.99 ? min + 300 : Math.max(min, Math.min(max, 5000)));
  const target = min + int(r, Math.max(0, cap - min) + 1);
  let s = '';
  let length = 0;
  while (length < target) {
    const piece = pick(r, pick(r, STRING_POOLS));
    const n = codePoints(piece);
    if (length + n <= target) [s, length] = [s + piece, length + n];
    else [s, length] = [s + 'x', length + 1];
  }
  return s;
}

const alphabets = new Map<string, string[]>();
const CANDIDATE_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/=.:!@#$%^&*() 码é'];

/** Characters that may repeat in a string matching `pattern`. */
function alphabetOf(pattern: RegExp): string[] {
  const key = pattern.source;
  let alphabet = alphabets.get(key);
  if (!alphabet) {
    alphabet = CANDIDATE_CHARS.filter((c) => pattern.test(c.repeat(3)));
    if (alphabet.length === 0) throw new Error(`zod-values: no characters for pattern ${key}`);
    alphabets.set(key, alphabet);
  }
  return alphabet;
}

function genPatternString(r: Random, rules: StringRules): string {
  const alphabet = alphabetOf(rules.pattern!);
  const min = Math.max(rules.min, rules.pattern!.test('') ? 0 : 1);
  const roll = r();
  // Mostly short; sometimes up to the limit (a JPEG's base64 reaches the message size).
  const cap = Math.min(rules.max, roll < 0.95 ? min + 64 : roll < 0.995 ? min + 4000 : rules.max);
  const length = min + int(r, cap - min + 1);
  let s = '';
  for (let i = 0; i < length; i++) s += pick(r, alphabet);
  if (!rules.pattern!.test(s)) throw new Error(`zod-values: generated ${JSON.stringify(s.slice(0, 40))} does not match ${rules.pattern!.source}`);
  return s;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function genDatetime(r: Random): string {
  const year = 1970 + int(r, 130);
  const month = 1 + int(r, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const fraction = r() < 0.5 ? '' : `.${String(int(r, 1e6)).padStart(6, '0').slice(0, 1 + int(r, 6))}`;
  return `${year}-${pad(month)}-${pad(1 + int(r, days))}T${pad(int(r, 24))}:${pad(int(r, 60))}:${pad(int(r, 60))}${fraction}Z`;
}

function genString(r: Random, rules: StringRules): string {
  if (rules.datetime) {
    const s = genDatetime(r);
    if (rules.pattern && !rules.pattern.test(s)) throw new Error(`zod-values: generated datetime ${s} does not match its pattern`);
    return s;
  }
  if (rules.pattern) return genPatternString(r, rules);
  return genPlainString(r, rules.min, rules.max);
}

function genNumber(r: Random, rules: NumberRules): number {
  const { min, max } = rules;
  if (rules.int) {
    const roll = r();
    if (roll < 0.2) return pick(r, [min, max, Math.min(max, Math.max(min, 0))]);
    if (roll < 0.6) return Math.min(max, min + int(r, 1000));
    return Math.min(max, Math.max(min, Math.floor(min + r() * (max - min + 1))));
  }
  const roll = r();
  let n: number;
  if (roll < 0.2) n = pick(r, [min, max, 0, -0, 5e-324, 0.1, 1, -1, 1e300]);
  else if (roll < 0.6 && max - min < 1e6) n = min + r() * (max - min);
  else n = (r() < 0.5 ? -1 : 1) * r() * 10 ** int(r, 20);
  if (n < min || n > max || (!rules.minInclusive && n === min) || (!rules.maxInclusive && n === max)) n = min + (max - min) / 2;
  return n;
}

/** Any JSON value (for `z.unknown()`), small. */
export function randomJson(r: Random, depth: number): unknown {
  switch (int(r, depth > 0 ? 6 : 4)) {
    case 0:
      return genPlainString(r, 0, 20);
    case 1:
      return r() * 1000 - 500;
    case 2:
      return r() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: int(r, 3) }, () => randomJson(r, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: int(r, 3) }, (_, k) => [`k${k}`, randomJson(r, depth - 1)]));
  }
}

/** A fresh valid value of `s`. */
export function generate(s: Schema, r: Random): unknown {
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      return genString(r, stringRules(d));
    case 'number':
      return genNumber(r, numberRules(d));
    case 'boolean':
      return r() < 0.5;
    case 'enum':
      return pick(r, Object.values(d.entries!));
    case 'literal':
      return pick(r, d.values!);
    case 'nullable':
      return r() < 0.3 ? null : generate(d.innerType!, r);
    case 'optional':
      return generate(d.innerType!, r);
    case 'array': {
      const { min, max } = arrayRules(d);
      const length = min + int(r, Math.min(max, min + 4) - min + 1);
      return Array.from({ length }, () => generate(d.element!, r));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(d.shape!)) {
        if (isOptional(child) && r() < 0.3) continue;
        out[key] = generate(child, r);
      }
      return out;
    }
    case 'union':
      return generate(pick(r, d.options!), r);
    case 'unknown':
      return randomJson(r, 2);
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let k = int(r, 3); k > 0; k--) out[genPlainString(r, 1, 8)] = generate(d.valueType!, r);
      return out;
    }
    default:
      throw new Error(`zod-values: unsupported schema type ${d.type}`);
  }
}

/** A valid value near `example` (itself valid): some leaves kept, others regenerated, optional keys dropped or added. */
export function vary(s: Schema, example: unknown, r: Random): unknown {
  const d = defOf(s);
  switch (d.type) {
    case 'object': {
      const ex = example as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(d.shape!)) {
        if (!Object.hasOwn(ex, key)) {
          if (r() < 0.2) out[key] = generate(child, r);
          continue;
        }
        if (isOptional(child) && r() < 0.15) continue;
        out[key] = vary(child, ex[key], r);
      }
      return out;
    }
    case 'array': {
      const { min, max } = arrayRules(d);
      const out = (example as unknown[]).map((e) => vary(d.element!, e, r));
      if (r() < 0.2 && out.length < max) out.push(generate(d.element!, r));
      else if (r() < 0.2 && out.length > min) out.splice(int(r, out.length), 1);
      return out;
    }
    case 'nullable':
      if (example === null) return r() < 0.3 ? generate(d.innerType!, r) : null;
      return r() < 0.1 ? null : vary(d.innerType!, example, r);
    case 'optional':
      return vary(d.innerType!, example, r);
    case 'union': {
      const option = optionFor(d, example);
      if (!option || r() < 0.2) return generate(pick(r, d.options!), r);
      return vary(option, example, r);
    }
    default:
      return r() < 0.5 ? example : generate(s, r);
  }
}

/** True when every key of an object schema is optional (so `{}` is valid). */
export function acceptsEmptyObject(s: Schema): boolean {
  const d = defOf(s);
  return d.type === 'object' && Object.values(d.shape!).every(isOptional);
}

// ── Values the declaration refuses ──

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'boolean', 'null', 'array', 'object'];

function acceptedTypes(s: Schema): Set<JsonType> {
  const d = defOf(s);
  switch (d.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      return new Set([d.type]);
    case 'record':
      return new Set(['object']);
    case 'enum':
      return new Set(Object.values(d.entries!).map((v) => typeof v as JsonType));
    case 'literal':
      return new Set(d.values!.map((v) => (v === null ? 'null' : (typeof v as JsonType))));
    case 'nullable':
      return new Set([...acceptedTypes(d.innerType!), 'null']);
    case 'optional':
      return acceptedTypes(d.innerType!);
    case 'union':
      return new Set(d.options!.flatMap((o) => [...acceptedTypes(o)]));
    case 'unknown':
      return new Set(JSON_TYPES);
    default:
      throw new Error(`zod-values: unsupported schema type ${d.type}`);
  }
}

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

function valueOfType(t: JsonType, r: Random): unknown {
  switch (t) {
    case 'string':
      return pick(r, ['', '1', 'true', 'null', '{}', MARKER, genPlainString(r, 0, 12)]);
    case 'number':
      return pick(r, [0, 1, -1, 0.5, 1e21, -1e-7, INFINITY_TOKEN]);
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    case 'array':
      return r() < 0.1 ? deepValue(r, 1 + int(r, 3000)) : [MARKER];
    default:
      return r() < 0.2 ? pollutionValue(r) : r() < 0.1 ? deepValue(r, 1 + int(r, 3000)) : {};
  }
}

type Path = (string | number)[];

interface Site {
  path: Path;
  schema: Schema;
  value: unknown;
}

/** Every node of `value` with the schema that governs it. */
function sites(s: Schema, value: unknown, path: Path, out: Site[]): Site[] {
  out.push({ path, schema: s, value });
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
      out.pop();
      return sites(d.innerType!, value, path, out);
    case 'nullable':
      if (value !== null) {
        out.pop();
        sites(d.innerType!, value, path, out);
        // Keep the nullable wrapper as the site's schema so a type swap knows null is allowed.
        out.find((x) => x.path === path)!.schema = s;
      }
      return out;
    case 'object':
      for (const [key, child] of Object.entries(d.shape!)) {
        if (Object.hasOwn(value as object, key)) sites(child, (value as Record<string, unknown>)[key], [...path, key], out);
      }
      return out;
    case 'array':
      (value as unknown[]).forEach((e, k) => sites(d.element!, e, [...path, k], out));
      return out;
    case 'union': {
      const option = optionFor(d, value);
      if (option) {
        out.pop();
        sites(option, value, path, out);
        out.find((x) => x.path === path)!.schema = s;
      }
      return out;
    }
    default:
      return out;
  }
}

/** The innermost schema of a site (through nullable, optional and a union's matching option). */
function core(s: Schema, value: unknown): Schema {
  const d = defOf(s);
  if (d.type === 'optional' || (d.type === 'nullable' && value !== null)) return core(d.innerType!, value);
  if (d.type === 'union') {
    const option = optionFor(d, value);
    return option ? core(option, value) : s;
  }
  return s;
}

function setAt(root: unknown, path: Path, make: (old: unknown) => unknown, remove = false): unknown {
  if (path.length === 0) return make(root);
  const copy = (v: unknown): Record<string | number, unknown> =>
    (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const top = copy(root);
  let node = top;
  for (let k = 0; k < path.length - 1; k++) {
    const child = copy(node[path[k]!]);
    node[path[k]!] = child;
    node = child;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = make(node[last]);
  return top;
}

/** One mutation a schema must refuse: the whole mutated value and what was done. */
export interface Refused {
  value: unknown;
  what: string;
}

function badString(r: Random, rules: StringRules): { value: string; what: string } | undefined {
  const options: (() => { value: string; what: string } | undefined)[] = [];
  if (rules.max !== Infinity) {
    options.push(() => {
      const over = rules.max + 1 + (r() < 0.7 ? int(r, 3) : int(r, 250_000));
      return { value: 'x'.repeat(over), what: `string of ${over} > max ${rules.max}` };
    });
  }
  if (rules.min > 0) options.push(() => ({ value: 'x'.repeat(int(r, rules.min)), what: `string shorter than min ${rules.min}` }));
  if (rules.pattern) {
    options.push(() => {
      const bad = rules.datetime
        ? pick(r, ['2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-11-29 08:00:00Z', '2026-11-29T08:00:00', '2026-11-29T08:00:00+08:00', 'yesterday', '', `${MARKER}`])
        : `${pick(r, ['!', ' ', '\u0000', '"', '码', '\n', '%'])}`.repeat(1 + int(r, 3)) + (r() < 0.5 ? 'a' : '');
      if (rules.pattern!.test(bad)) return undefined;
      if (codePoints(bad) < rules.min || codePoints(bad) > rules.max) return undefined;
      return { value: bad, what: `string ${JSON.stringify(bad)} off the pattern` };
    });
  }
  return options.length ? pick(r, options)() : undefined;
}

function badNumber(r: Random, rules: NumberRules): { value: unknown; what: string } {
  const options: (() => { value: unknown; what: string })[] = [() => ({ value: pick(r, [INFINITY_TOKEN, NEG_INFINITY_TOKEN]), what: 'infinite number' })];
  if (rules.min > -Number.MAX_VALUE) {
    options.push(() => {
      const n = rules.minInclusive ? rules.min - (rules.int ? 1 + int(r, 100) : pick(r, [1e-9, 0.5, 1000])) : rules.min;
      return { value: n, what: `${n} below min ${rules.min}` };
    });
  }
  if (rules.max < Number.MAX_VALUE) {
    options.push(() => {
      const n = rules.maxInclusive ? rules.max + (rules.int ? 1 + int(r, 100) : pick(r, [1e-9, 0.5, 1000])) : rules.max;
      return { value: n, what: `${n} above max ${rules.max}` };
    });
  }
  if (rules.int && rules.max - rules.min >= 1) {
    options.push(() => {
      const n = Math.min(rules.max - 1, Math.max(rules.min, 0)) + 0.5;
      return { value: n, what: `${n} not an integer` };
    });
  }
  return pick(r, options)();
}

/**
 * One mutation of valid `value` that `s` must refuse, or undefined when the
 * random pick found nothing applicable (the caller tries again).
 * `rootNotNull`: the root may not become null (the host reads null params as `{}`).
 */
export function refuse(s: Schema, value: unknown, r: Random, rootNotNull = false): Refused | undefined {
  const all = sites(s, value, [], []);
  const site = pick(r, all);
  const at = site.path.length ? site.path.join('.') : '(root)';
  const c = core(site.schema, site.value);
  const d = defOf(c);
  const kinds: string[] = ['type'];
  if (d.type === 'object') kinds.push('missing', 'extra');
  if (d.type === 'string') kinds.push('string', 'string');
  if (d.type === 'number') kinds.push('number', 'number');
  if (d.type === 'enum' || d.type === 'literal') kinds.push('enum', 'enum');
  if (d.type === 'array') kinds.push('arrayLength');
  switch (pick(r, kinds)) {
    case 'type': {
      const accepted = acceptedTypes(site.schema);
      const wrong = JSON_TYPES.filter((t) => !accepted.has(t) && !(t === 'null' && rootNotNull && site.path.length === 0));
      if (wrong.length === 0) return undefined;
      const t = pick(r, wrong);
      return { value: setAt(value, site.path, () => valueOfType(t, r)), what: `${at}: ${t} instead of ${[...accepted].join('|')}` };
    }
    case 'missing': {
      const required = Object.entries(d.shape!).filter(([k, child]) => !isOptional(child) && Object.hasOwn(site.value as object, k));
      if (required.length === 0) return undefined;
      const [key] = pick(r, required);
      return { value: setAt(value, [...site.path, key], () => undefined, true), what: `${at}: required key ${key} removed` };
    }
    case 'extra': {
      if (!isStrict(d)) return undefined;
      const key = r() < 0.6 ? pick(r, POLLUTION_KEYS) : pick(r, ['polluted', 'extra', 'sessionID', 'v', 'id', 'isAdmin']);
      if (Object.hasOwn(d.shape!, key)) return undefined;
      const extra = r() < 0.5 ? pollutionValue(r) : valueOfType(pick(r, JSON_TYPES), r);
      return {
        value: setAt(value, site.path, (old) => {
          const o = { ...(old as object) } as Record<string, unknown>;
          defineOwn(o, key, extra);
          return o;
        }),
        what: `${at}: unknown key ${key} in a strict object`,
      };
    }
    case 'string': {
      const bad = badString(r, stringRules(d));
      return bad && { value: setAt(value, site.path, () => bad.value), what: `${at}: ${bad.what}` };
    }
    case 'number': {
      const bad = badNumber(r, numberRules(d));
      return { value: setAt(value, site.path, () => bad.value), what: `${at}: ${bad.what}` };
    }
    case 'enum': {
      const allowed = d.type === 'enum' ? Object.values(d.entries!) : d.values!;
      const bad = pick(r, ['', 'x', MARKER, ...allowed.map((a) => `${String(a).toUpperCase()}_`), ...allowed.map((a) => ` ${String(a)}`)]);
      if (allowed.includes(bad)) return undefined;
      return { value: setAt(value, site.path, () => bad), what: `${at}: ${JSON.stringify(bad)} not one of the allowed values` };
    }
    case 'arrayLength': {
      const { min, max } = arrayRules(d);
      const items = site.value as unknown[];
      if (max !== Infinity && items.length > 0 && r() < 0.5) {
        const longer = [...items];
        while (longer.length <= max) longer.push(items[0]);
        return { value: setAt(value, site.path, () => longer), what: `${at}: array of ${longer.length} > max ${max}` };
      }
      if (min > 0) return { value: setAt(value, site.path, () => items.slice(0, int(r, min))), what: `${at}: array shorter than min ${min}` };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Adds own unknown keys (prototype-pollution names among them) to non-strict objects; a valid change, since zod strips them. */
export function addStrippedKeys(s: Schema, value: unknown, r: Random): { value: unknown; added: number } {
  let added = 0;
  let out = value;
  for (const site of sites(s, value, [], [])) {
    const d = defOf(core(site.schema, site.value));
    if (d.type !== 'object' || isStrict(d) || r() < 0.5) continue;
    const key = pick(r, [...POLLUTION_KEYS, 'polluted', 'extra']);
    if (Object.hasOwn(d.shape!, key)) continue;
    out = setAt(out, site.path, (old) => {
      const o = { ...(old as object) } as Record<string, unknown>;
      defineOwn(o, key, pollutionValue(r));
      return o;
    });
    added++;
  }
  return { value: out, added };
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
