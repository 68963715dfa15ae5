/**
 * Synthetic sample citizens for the simulator, the device dock and tests.
 *
 * Each `resources/citizens/<id>.json` holds one card (all people, names and
 * addresses are fictional; ID numbers have correct checksums unless the file
 * says it is a fault case):
 *
 * ```jsonc
 * {
 *   "id": "resident-han",            // = file name without .json
 *   "description": "…",              // what the sample is for
 *   "expectIdNumberValid": true,     // false for fault-test cards
 *   "fields": { "type": "resident", … }, // IdCardFields (card.ts): dates YYYY-MM-DD,
 *                                    // validTo YYYY-MM-DD or "long-term"; validFrom and
 *                                    // validTo may be relative to the day the card is
 *                                    // loaded: "+45d", "+45d-20y" (days, months, years)
 *   "appendedAddress": "…",          // optional: the card's 追加住址 (30 03), ≤ 35 characters
 *   "cardFingerprints": true         // optional: the card holds prints (30 10), simulated
 *                                    // templates of this holder (fingerprint/sim-template.ts)
 * }
 * ```
 *
 * Loading encodes `fields` into the 256-byte text block and parses it back,
 * so a sample is exactly what a reader would deliver; a field too wide for
 * the card, or one the parser rejects, makes the sample invalid. Error
 * messages name the file and the field, never the card's contents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { IdCard, IdCardFields, Result } from './card';
import { encodeCardText, parseCardText, type CardTextError } from './card-text';
import { WLT_PHOTO_BYTES } from './photo';
import { APPENDED_ADDRESS_SIZE, encodeAppendedAddress } from './appended-address';
import { simulatedCardFingerprints } from '../fingerprint/sim-template';
import { resourcesPath } from '../resources-dir';

/** The bundled samples folder, resolved from this module so any cwd works. */
export const SAMPLE_CARDS_DIR: string = resourcesPath('citizens');

/** A loaded sample: the parsed card, its text block and a placeholder photo. */
export interface SampleCard {
  readonly id: string;
  readonly description: string;
  readonly expectIdNumberValid: boolean;
  readonly card: IdCard;
  /** The 256-byte text block, as a reader returns it. */
  readonly text: Uint8Array;
  /**
   * 1024 deterministic placeholder bytes standing in for the WLT photo field.
   * NOT a real WLT image: it starts with the ASCII marker
   * {@link PLACEHOLDER_PHOTO_MARKER} and no decoder can or should decode it.
   */
  readonly photo: Uint8Array;
  /** The 30 03 answer's data when the card has an appended address. */
  readonly appendedAddress?: Uint8Array;
  /** The 1024-byte fingerprint block when the card holds prints (simulated templates of `holder`). */
  readonly fingerprint?: Uint8Array;
  /** The person key of the holder's simulated fingers: the card's ID number. */
  readonly holder: string;
}

/** Why a sample could not be loaded. */
export type SampleCardError =
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'invalidJson'; readonly message: string }
  | { readonly kind: 'invalidSample'; readonly message: string }
  | { readonly kind: 'cardText'; readonly error: CardTextError; readonly message: string };

/** ASCII marker at the start of every placeholder photo. */
export const PLACEHOLDER_PHOTO_MARKER = 'ONEDOOR SAMPLE PHOTO - NOT A WLT IMAGE';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A date relative to the day the card is loaded, e.g. `+45d` or `+45d-20y`: a card that is always near its expiry. */
const RELATIVE_DATE = /^(?:[+-]\d{1,4}[dmy])+$/;
const relativeDate = z.string().regex(RELATIVE_DATE);
const validFrom = z.union([isoDate, relativeDate]);
const validTo = z.union([isoDate, relativeDate, z.literal('long-term')]);
const gender = z.enum(['male', 'female', 'unknown', 'unstated']);
const count = z.number().int().min(0).max(99);

const FieldsSchema = z.union([
  z.strictObject({
    type: z.literal('resident'),
    name: z.string(),
    gender,
    nationCode: z.string(),
    birthDate: isoDate,
    address: z.string(),
    idNumber: z.string(),
    authority: z.string(),
    validFrom,
    validTo,
  }),
  z.strictObject({
    type: z.literal('hmt'),
    name: z.string(),
    gender,
    birthDate: isoDate,
    address: z.string(),
    idNumber: z.string(),
    authority: z.string(),
    validFrom: isoDate,
    validTo,
    passNumber: z.string(),
    issueCount: count,
  }),
  z.strictObject({
    type: z.literal('foreigner'),
    cardVersion: z.literal('2017'),
    englishName: z.string(),
    chineseName: z.string(),
    gender,
    permitNumber: z.string(),
    nationality: z.string(),
    birthDate: isoDate,
    validFrom: isoDate,
    validTo,
    versionField: z.string(),
    authorityCode: z.string(),
  }),
  z.strictObject({
    type: z.literal('foreigner'),
    cardVersion: z.literal('2023'),
    chineseName: z.string(),
    englishName: z.string(),
    gender,
    renewalCount: count,
    birthDate: isoDate,
    idNumber: z.string(),
    validFrom: isoDate,
    validTo,
    nationality: z.string(),
    previousNumberLink: z.string(),
  }),
]);

const SampleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  expectIdNumberValid: z.boolean(),
  fields: FieldsSchema,
  appendedAddress: z.string().min(1).max(APPENDED_ADDRESS_SIZE / 2).optional(),
  cardFingerprints: z.boolean().optional(),
});

const SAMPLE_ID = /^[a-z0-9-]+$/;

/** Ids of the samples in `dir` (default: the bundled folder), sorted. */
export function listSampleCards(dir: string = SAMPLE_CARDS_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter((id) => SAMPLE_ID.test(id))
    .sort();
}

/**
 * Deterministic placeholder for the photo field: the marker, then bytes from
 * a xorshift32 generator seeded with the FNV-1a hash of `seed`.
 */
export function placeholderPhoto(seed: string): Uint8Array {
  const out = new Uint8Array(WLT_PHOTO_BYTES);
  const marker = new TextEncoder().encode(PLACEHOLDER_PHOTO_MARKER);
  out.set(marker);
  let x = 0x811c9dc5;
  for (const b of new TextEncoder().encode(seed)) x = Math.imul(x ^ b, 0x01000193) >>> 0;
  if (x === 0) x = 1;
  for (let i = marker.length; i < out.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function resolveSamplePath(nameOrPath: string, dir: string): Result<string, SampleCardError> {
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    return { ok: true, value: isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath) };
  }
  if (!SAMPLE_ID.test(nameOrPath)) {
    return { ok: false, error: { kind: 'notFound', message: `"${nameOrPath}" is not a sample id or a .json path` } };
  }
  return { ok: true, value: resolve(dir, `${nameOrPath}.json`) };
}

/** `relative` (`+45d-20y`) from `today` as `YYYY-MM-DD` (UTC calendar arithmetic; a month or year past a month's end clamps to its last day). */
export function resolveRelativeDate(relative: string, today: Date): string {
  let date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  for (const [, sign, amount, unit] of relative.matchAll(/([+-])(\d+)([dmy])/g)) {
    const n = Number(amount) * (sign === '-' ? -1 : 1);
    if (unit === 'd') {
      date = new Date(date.getTime() + n * 86_400_000);
      continue;
    }
    const months = unit === 'm' ? n : n * 12;
    const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    date = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
  }
  return date.toISOString().slice(0, 10);
}

/** The sample's fields with relative validity dates resolved against `today`. */
function resolvedFields(fields: z.infer<typeof FieldsSchema>, today: Date): IdCardFields {
  const resolve = (value: string) => (RELATIVE_DATE.test(value) ? resolveRelativeDate(value, today) : value);
  return { ...fields, validFrom: resolve(fields.validFrom), validTo: resolve(fields.validTo) } as IdCardFields;
}

/**
 * Loads a sample by id (`resident-han`, looked up in `dir`) or by a path to a
 * `.json` file (relative to the cwd), and returns the parsed card with its
 * text block and placeholder photo. Relative validity dates count from
 * `today` (default: the real clock, the simulator's and the host's).
 */
export function loadSampleCard(
  nameOrPath: string,
  dir: string = SAMPLE_CARDS_DIR,
  today: Date = new Date(),
): Result<SampleCard, SampleCardError> {
  const path = resolveSamplePath(nameOrPath, dir);
  if (!path.ok) return path;

  let raw: string;
  try {
    raw = readFileSync(path.value, 'utf8');
  } catch {
    return { ok: false, error: { kind: 'notFound', message: `no sample card at ${path.value}` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // JSON.parse messages can quote the file's contents; name the file only.
    return { ok: false, error: { kind: 'invalidJson', message: `${path.value}: not valid JSON` } };
  }
  const sample = SampleSchema.safeParse(json);
  if (!sample.success) {
    return { ok: false, error: { kind: 'invalidSample', message: `${path.value}: ${z.prettifyError(sample.error)}` } };
  }

  const fields: IdCardFields = resolvedFields(sample.data.fields, today);
  const text = encodeCardText(fields);
  const parsed = parseCardText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      error: { kind: 'cardText', error: parsed.error, message: `${path.value}: ${parsed.error.message}` },
    };
  }
  for (const [key, value] of Object.entries(fields)) {
    if ((parsed.value as unknown as Record<string, unknown>)[key] !== value) {
      return {
        ok: false,
        error: { kind: 'invalidSample', message: `${path.value}: field "${key}" does not fit the card text block` },
      };
    }
  }
  return {
    ok: true,
    value: {
      id: sample.data.id,
      description: sample.data.description,
      expectIdNumberValid: sample.data.expectIdNumberValid,
      card: parsed.value,
      text,
      photo: placeholderPhoto(sample.data.id),
      holder: parsed.value.idNumber,
      ...(sample.data.appendedAddress !== undefined ? { appendedAddress: encodeAppendedAddress(sample.data.appendedAddress) } : {}),
      ...(sample.data.cardFingerprints === true ? { fingerprint: simulatedCardFingerprints(parsed.value.idNumber) } : {}),
    },
  };
}
