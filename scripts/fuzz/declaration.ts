/**
 * What a contract schema declares, read through zod's public, documented
 * `z.toJSONSchema` (JSON Schema 2020-12, input side) instead of zod's
 * internals, so a zod upgrade that keeps its JSON Schema output keeps the
 * fuzzer working. The JSON Schema is turned into a small tree of the kinds
 * the fuzzer generates and mutates (`Declared`), and `conforms` checks a
 * JSON value against that tree: the fuzzer's own reading of the rules,
 * independent of zod's `safeParse` that it tests.
 *
 * A keyword or combination this reader does not know throws, so a new kind
 * of schema in the contract is noticed, not silently skipped.
 *
 * Known gaps of the JSON Schema form, none used by the contract today:
 * - refinements (`.refine`, `.superRefine`) are left out by toJSONSchema:
 *   values drawn for such a schema may be refused, and the fuzz run reports
 *   "a valid call was refused". Should the contract gain one, draw that
 *   schema's values through `.filter((v) => schema.safeParse(v).success)` on
 *   its arbitrary (schema-values.ts) and say so there;
 * - regex flags are dropped (`pattern` is the source only), so `/…/i` would
 *   look stricter than it is.
 */
import { z } from 'zod';
import { codePoints, INFINITY_TOKEN, NEG_INFINITY_TOKEN } from './json-values';

export type JsonLiteral = string | number | boolean | null;

export type Declared =
  | { kind: 'any' }
  | { kind: 'literal'; values: readonly JsonLiteral[] }
  | { kind: 'string'; min: number; max: number; pattern?: RegExp; format?: string }
  /** Integers have inclusive, safe-integer bounds. */
  | { kind: 'number'; min: number; max: number; minExclusive: boolean; maxExclusive: boolean; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'array'; items: Declared; min: number; max: number }
  /**
   * `rest` is what the object does with keys it does not name: `strip` (zod
   * drops them), `refuse` (a strict object) or the schema of their values
   * (a record, or a loose object with `{}`); `keys` declares their names.
   */
  | { kind: 'object'; properties: ReadonlyMap<string, Declared>; required: ReadonlySet<string>; rest: 'strip' | 'refuse' | Declared; keys?: Declared }
  | { kind: 'union'; options: readonly Declared[] };

/** The JSON Schema keywords this reader knows; any other throws. */
type JsonSchema = {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  const?: JsonLiteral;
  enum?: JsonLiteral[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

/** Annotations that change nothing about which values are valid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'id', 'title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);
const KEYWORDS: Record<string, readonly string[]> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  array: ['items', 'minItems', 'maxItems'],
  object: ['properties', 'required', 'additionalProperties', 'propertyNames'],
  boolean: [],
  null: [],
};
const STRUCTURE = new Set(['type', 'const', 'enum', 'anyOf', 'oneOf', '$ref', '$defs']);

class Unsupported extends Error {
  constructor(what: string, at: string) {
    super(`contract fuzz: ${what} at ${at || '(root)'} is not supported by scripts/fuzz/declaration.ts`);
  }
}

function read(s: JsonSchema | boolean, root: JsonSchema, at: string, seen: Set<JsonSchema>): Declared {
  if (s === true) return { kind: 'any' };
  if (s === false) throw new Unsupported('the schema `false`', at);
  const keys = Object.keys(s).filter((k) => !ANNOTATIONS.has(k) && k !== '$defs');
  if (s.$ref !== undefined) {
    if (keys.length > 1) throw new Unsupported('$ref beside other keywords', at);
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
    const target = s.$ref === '#' ? root : name !== undefined ? root.$defs?.[decodeURIComponent(name)] : undefined;
    if (!target) throw new Unsupported(`$ref ${s.$ref}`, at);
    if (seen.has(target)) throw new Unsupported('a recursive schema', at);
    return read(target, root, at, new Set([...seen, target]));
  }
  const choices = s.anyOf ?? s.oneOf;
  if (choices !== undefined) {
    if (keys.length > 1) throw new Unsupported(`anyOf/oneOf beside ${keys.join(', ')}`, at);
    return { kind: 'union', options: choices.map((c, k) => read(c, root, `${at}|${k}`, seen)) };
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  for (const k of keys) {
    if (!STRUCTURE.has(k) && !types.some((t) => KEYWORDS[t]?.includes(k))) throw new Unsupported(`the keyword ${k}`, at);
  }
  if (s.const !== undefined) return { kind: 'literal', values: [s.const] };
  if (s.enum !== undefined) return { kind: 'literal', values: s.enum };
  if (types.length === 0) return { kind: 'any' };
  const each = types.map((t) => readType(t, s, root, at, seen));
  return each.length === 1 ? each[0]! : { kind: 'union', options: each };
}

/** URLs the generator makes for a `uri` format: https, a host name, a path. */
const URI_PATTERN = '^https://[a-z][a-z0-9]{0,20}\\.example/[A-Za-z0-9_-]{0,40}$';

function readType(type: string, s: JsonSchema, root: JsonSchema, at: string, seen: Set<JsonSchema>): Declared {
  switch (type) {
    case 'string': {
      // The pattern is the rule; a format without one would need a checker of its own here. A URL (`z.url()`, e.g. a proxy case's invite) is
      // generated from a pattern whose every match is a URL; a mutation that is still a URL counts as still valid, as for any text.
      const pattern = s.pattern ?? (s.format === 'uri' ? URI_PATTERN : undefined);
      if (s.format !== undefined && pattern === undefined) throw new Unsupported(`format ${s.format} without a pattern`, at);
      return { kind: 'string', min: s.minLength ?? 0, max: s.maxLength ?? Infinity, pattern: pattern === undefined ? undefined : new RegExp(pattern), format: s.format };
    }
    case 'number':
    case 'integer': {
      const exMin = s.exclusiveMinimum !== undefined && s.exclusiveMinimum >= (s.minimum ?? -Infinity);
      const exMax = s.exclusiveMaximum !== undefined && s.exclusiveMaximum <= (s.maximum ?? Infinity);
      let min = (exMin ? s.exclusiveMinimum : s.minimum) ?? -Number.MAX_VALUE;
      let max = (exMax ? s.exclusiveMaximum : s.maximum) ?? Number.MAX_VALUE;
      if (type === 'number') return { kind: 'number', min, max, minExclusive: exMin, maxExclusive: exMax, integer: false };
      // zod's integers are safe integers.
      min = Math.max(Number.MIN_SAFE_INTEGER, exMin ? Math.floor(min) + 1 : Math.ceil(min));
      max = Math.min(Number.MAX_SAFE_INTEGER, exMax ? Math.ceil(max) - 1 : Math.floor(max));
      return { kind: 'number', min, max, minExclusive: false, maxExclusive: false, integer: true };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'array':
      return { kind: 'array', items: s.items === undefined ? { kind: 'any' } : read(s.items, root, `${at}[]`, seen), min: s.minItems ?? 0, max: s.maxItems ?? Infinity };
    case 'object': {
      const rest = s.additionalProperties === undefined ? 'strip' : s.additionalProperties === false ? 'refuse' : read(s.additionalProperties, root, `${at}.*`, seen);
      const properties = new Map<string, Declared>();
      for (const [key, child] of Object.entries(s.properties ?? {})) properties.set(key, read(child, root, `${at}.${key}`, seen));
      for (const key of s.required ?? []) {
        // A required key no property names (a record over an enum): its value follows the rest.
        if (!properties.has(key)) properties.set(key, typeof rest === 'string' ? { kind: 'any' } : rest);
      }
      const keys = s.propertyNames === undefined ? undefined : read(s.propertyNames, root, `${at}.(keys)`, seen);
      if (keys && keys.kind !== 'string' && keys.kind !== 'literal') throw new Unsupported(`propertyNames of kind ${keys.kind}`, at);
      return { kind: 'object', properties, required: new Set(s.required ?? []), rest, keys };
    }
    default:
      throw new Unsupported(`the type ${type}`, at);
  }
}

const declarations = new WeakMap<z.ZodType, Declared>();

/** The declaration of a zod schema (read once per schema). */
export function declarationOf(schema: z.ZodType): Declared {
  let d = declarations.get(schema);
  if (!d) {
    // `input`: what a sender may send, which is what the dispatcher and the renderer check.
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw', cycles: 'throw' }) as JsonSchema;
    d = read(json, json, '', new Set());
    declarations.set(schema, d);
  }
  return d;
}

/** True when `value` (a JSON value, where the infinity tokens stand for ±Infinity) follows `d`. */
export function conforms(d: Declared, value: unknown): boolean {
  if (value === INFINITY_TOKEN || value === NEG_INFINITY_TOKEN) return d.kind === 'any';
  switch (d.kind) {
    case 'any':
      return value !== undefined;
    case 'literal':
      return d.values.includes(value as JsonLiteral);
    case 'string': {
      // A code point is one or two UTF-16 units: count them only when the units leave it open (strings reach 400 000 units).
      if (typeof value !== 'string' || value.length < d.min || value.length > 2 * d.max) return false;
      const n = codePoints(value);
      return n >= d.min && n <= d.max && (!d.pattern || d.pattern.test(value));
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (d.integer && !Number.isInteger(value))) return false;
      return (d.minExclusive ? value > d.min : value >= d.min) && (d.maxExclusive ? value < d.max : value <= d.max);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value) && value.length >= d.min && value.length <= d.max && value.every((v) => conforms(d.items, v));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const o = value as Record<string, unknown>;
      for (const key of d.required) if (!Object.hasOwn(o, key)) return false;
      return Object.keys(o).every((key) => {
        const child = d.properties.get(key);
        if (child) return conforms(child, o[key]);
        if (d.rest === 'strip') return true;
        if (d.rest === 'refuse') return false;
        return (!d.keys || conforms(d.keys, key)) && conforms(d.rest, o[key]);
      });
    }
    case 'union':
      return d.options.some((option) => conforms(option, value));
  }
}

/** The first option of a union that `value` follows. */
export const optionFor = (d: Declared & { kind: 'union' }, value: unknown): Declared | undefined => d.options.find((o) => conforms(o, value));
