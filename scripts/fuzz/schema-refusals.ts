/**
 * Single mutations of a valid value that the schema's own declaration
 * (declaration.ts, from zod's public `z.toJSONSchema`) says must be refused:
 * a wrong JSON type, a missing required key, an unknown key in a strict
 * object, a string or array out of its bounds or off its pattern, a number
 * out of range, not an integer or infinite, an unknown enum or literal. And
 * the opposite: unknown keys in objects that strip them, which stay valid.
 *
 * Every mutation is checked against the declaration (`conforms`) before it
 * is used, so a mutation that happens to land on another valid value (say,
 * another option of a union) is dropped rather than expected to fail.
 */
import type { z } from 'zod';
import { conforms, declarationOf, isUri, optionFor, type Declared } from './declaration';
import { int, pick, type Random } from './harness';
import { codePoints, deepValue, defineOwn, INFINITY_TOKEN, MARKER, NEG_INFINITY_TOKEN, POLLUTION_KEYS, pollutionValue, setAt, type Path } from './json-values';

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'boolean', 'null', 'array', 'object'];

function acceptedTypes(d: Declared): Set<JsonType> {
  switch (d.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'array':
    case 'object':
      return new Set([d.kind]);
    case 'literal':
      return new Set(d.values.map((v) => (v === null ? 'null' : (typeof v as JsonType))));
    case 'union':
      return new Set(d.options.flatMap((o) => [...acceptedTypes(o)]));
    case 'any':
      return new Set(JSON_TYPES);
  }
}

interface Site {
  path: Path;
  /** The declaration governing the node; for a union, the union itself (so a type swap knows every option's types). */
  declared: Declared;
  value: unknown;
}

/** Every node of `value` with its declaration, through the union option it follows. */
function sites(d: Declared, value: unknown, path: Path, out: Site[]): Site[] {
  out.push({ path, declared: d, value });
  inside(d, value, path, out);
  return out;
}

function inside(d: Declared, value: unknown, path: Path, out: Site[]): void {
  switch (d.kind) {
    case 'union': {
      const option = optionFor(d, value);
      if (option) inside(option, value, path, out);
      return;
    }
    case 'object':
      for (const [key, child] of Object.entries(value as object)) {
        const declared = d.properties.get(key) ?? (typeof d.rest === 'string' ? undefined : d.rest);
        if (declared) sites(declared, child, [...path, key], out);
      }
      return;
    case 'array':
      (value as unknown[]).forEach((e, k) => sites(d.items, e, [...path, k], out));
      return;
    default:
      return;
  }
}

/** The declaration a value actually follows (through union options). */
function core(d: Declared, value: unknown): Declared {
  if (d.kind !== 'union') return d;
  const option = optionFor(d, value);
  return option ? core(option, value) : d;
}

/** A value that tries to pollute or overflow, as a wrong-type replacement. */
function valueOfType(t: JsonType, r: Random): unknown {
  switch (t) {
    case 'string':
      return pick(r, ['', '1', 'true', 'null', '{}', MARKER, 'x'.repeat(int(r, 12))]);
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

type Bad = { value: unknown; what: string };

function badString(r: Random, d: Declared & { kind: 'string' }): Bad | undefined {
  const options: (() => Bad | undefined)[] = [];
  if (d.max !== Infinity) {
    options.push(() => {
      const over = d.max + 1 + (r() < 0.7 ? int(r, 3) : int(r, 250_000));
      return { value: 'x'.repeat(over), what: `string of ${over} > max ${d.max}` };
    });
  }
  if (d.min > 0) options.push(() => ({ value: 'x'.repeat(int(r, d.min)), what: `string shorter than min ${d.min}` }));
  if (d.pattern) {
    const pattern = d.pattern;
    options.push(() => {
      const bad =
        d.format === 'date-time'
          ? pick(r, ['2026-13-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-11-29 08:00:00Z', '2026-11-29T08:00:00', '2026-11-29T08:00:00+08:00', 'yesterday', '', MARKER])
          : `${pick(r, ['!', ' ', '\u0000', '"', '码', '\n', '%'])}`.repeat(1 + int(r, 3)) + (r() < 0.5 ? 'a' : '');
      if (pattern.test(bad) || codePoints(bad) < d.min || codePoints(bad) > d.max) return undefined;
      return { value: bad, what: `string ${JSON.stringify(bad)} off the pattern` };
    });
  }
  if (d.format === 'uri') {
    options.push(() => {
      const bad = pick(r, ['not a link', 'https//hall.example/p/', '//hall.example/p/', 'hall.example', 'https://', MARKER]);
      if (isUri(bad) || codePoints(bad) < d.min || codePoints(bad) > d.max) return undefined;
      return { value: bad, what: `string ${JSON.stringify(bad)} that is no URL` };
    });
  }
  return options.length ? pick(r, options)() : undefined;
}

function badNumber(r: Random, d: Declared & { kind: 'number' }): Bad {
  const options: (() => Bad)[] = [() => ({ value: pick(r, [INFINITY_TOKEN, NEG_INFINITY_TOKEN]), what: 'infinite number' })];
  if (d.min > -Number.MAX_VALUE) {
    options.push(() => {
      const n = d.minExclusive ? d.min : d.min - (d.integer ? 1 + int(r, 100) : pick(r, [1e-9, 0.5, 1000]));
      return { value: n, what: `${n} below min ${d.min}` };
    });
  }
  if (d.max < Number.MAX_VALUE) {
    options.push(() => {
      const n = d.maxExclusive ? d.max : d.max + (d.integer ? 1 + int(r, 100) : pick(r, [1e-9, 0.5, 1000]));
      return { value: n, what: `${n} above max ${d.max}` };
    });
  }
  if (d.integer && d.max - d.min >= 1) {
    options.push(() => {
      const n = Math.min(d.max - 1, Math.max(d.min, 0)) + 0.5;
      return { value: n, what: `${n} not an integer` };
    });
  }
  return pick(r, options)();
}

function mutation(r: Random, site: Site, d: Declared, root: unknown, rootNotNull: boolean): Bad | undefined {
  const at = site.path.length ? site.path.join('.') : '(root)';
  const replace = (bad: Bad | undefined): Bad | undefined => bad && { value: setAt(root, site.path, () => bad.value), what: `${at}: ${bad.what}` };
  const kinds: string[] = ['type'];
  if (d.kind === 'object') kinds.push('missing', 'extra');
  if (d.kind === 'string' || d.kind === 'number' || d.kind === 'literal') kinds.push(d.kind, d.kind);
  if (d.kind === 'array') kinds.push('arrayLength');
  switch (pick(r, kinds)) {
    case 'type': {
      const accepted = acceptedTypes(site.declared);
      const wrong = JSON_TYPES.filter((t) => !accepted.has(t) && !(t === 'null' && rootNotNull && site.path.length === 0));
      if (wrong.length === 0) return undefined;
      const t = pick(r, wrong);
      return replace({ value: valueOfType(t, r), what: `${t} instead of ${[...accepted].join('|')}` });
    }
    case 'missing': {
      if (d.kind !== 'object') return undefined;
      const required = [...d.required].filter((k) => Object.hasOwn(site.value as object, k));
      if (required.length === 0) return undefined;
      const key = pick(r, required);
      return { value: setAt(root, [...site.path, key], () => undefined, true), what: `${at}: required key ${key} removed` };
    }
    case 'extra': {
      if (d.kind !== 'object' || d.rest !== 'refuse') return undefined;
      const key = r() < 0.6 ? pick(r, POLLUTION_KEYS) : pick(r, ['polluted', 'extra', 'sessionID', 'v', 'id', 'isAdmin']);
      if (d.properties.has(key)) return undefined;
      const extra = r() < 0.5 ? pollutionValue(r) : valueOfType(pick(r, JSON_TYPES), r);
      return replace({ value: withKey(site.value, key, extra), what: `unknown key ${key} in a strict object` });
    }
    case 'string':
      return d.kind === 'string' ? replace(badString(r, d)) : undefined;
    case 'number':
      return d.kind === 'number' ? replace(badNumber(r, d)) : undefined;
    case 'literal': {
      if (d.kind !== 'literal') return undefined;
      const bad = pick(r, ['', 'x', MARKER, ...d.values.map((a) => `${String(a).toUpperCase()}_`), ...d.values.map((a) => ` ${String(a)}`)]);
      return replace({ value: bad, what: `${JSON.stringify(bad)} not one of the allowed values` });
    }
    case 'arrayLength': {
      if (d.kind !== 'array') return undefined;
      const items = site.value as unknown[];
      if (d.max !== Infinity && items.length > 0 && r() < 0.5) {
        const longer = [...items];
        while (longer.length <= d.max) longer.push(items[0]);
        return replace({ value: longer, what: `array of ${longer.length} > max ${d.max}` });
      }
      if (d.min > 0) return replace({ value: items.slice(0, int(r, d.min)), what: `array shorter than min ${d.min}` });
      return undefined;
    }
    default:
      return undefined;
  }
}

const withKey = (object: unknown, key: string, value: unknown): Record<string, unknown> => {
  const o = { ...(object as object) } as Record<string, unknown>;
  defineOwn(o, key, value);
  return o;
};

/** One mutation a schema must refuse: the whole mutated value and what was done. */
export interface Refused {
  value: unknown;
  what: string;
}

/**
 * One mutation of valid `value` that `s` must refuse, or undefined when the
 * random pick found nothing applicable (the caller tries again).
 * `rootNotNull`: the root may not become null (the host reads null params as `{}`).
 */
export function refuse(s: z.ZodType, value: unknown, r: Random, rootNotNull = false): Refused | undefined {
  const declared = declarationOf(s);
  const site = pick(r, sites(declared, value, [], []));
  const bad = mutation(r, site, core(site.declared, site.value), value, rootNotNull);
  if (!bad || conforms(declared, bad.value)) return undefined;
  return bad;
}

/** Adds own unknown keys (prototype-pollution names among them) to objects that strip them; a valid change. */
export function addStrippedKeys(s: z.ZodType, value: unknown, r: Random): { value: unknown; added: number } {
  let added = 0;
  let out = value;
  for (const site of sites(declarationOf(s), value, [], [])) {
    const d = core(site.declared, site.value);
    if (d.kind !== 'object' || d.rest !== 'strip' || r() < 0.5) continue;
    const key = pick(r, [...POLLUTION_KEYS, 'polluted', 'extra']);
    if (d.properties.has(key)) continue;
    out = setAt(out, site.path, (old) => withKey(old, key, pollutionValue(r)));
    added++;
  }
  return { value: out, added };
}
