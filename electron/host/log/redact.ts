/**
 * Removes personal data from anything about to be logged: by key (name,
 * address, photo…), by pattern (18-character ID numbers anywhere in a string
 * are masked `4104**********1234`; personal fields written inside free text,
 * as JSON, `姓名：…` or `name=…`, lose their value) and by the names the host
 * knows belong to the citizen at the kiosk (personal-terms.ts).
 */
import { maskIdNumber, maskIdNumbersInText } from '../../../domain/mask';

/** Keys whose values are personal data and never logged. */
const REDACTED_KEYS = new Set([
  'name', 'chineseName', 'englishName', 'address', 'photo', 'fingerprint', 'text', 'face', 'image',
  'phone', 'birthDate', 'passNumber', 'permitNumber', 'token',
]);
/** Keys holding ID numbers: logged masked, which still helps staff match a case. */
const MASKED_ID_KEYS = new Set(['idNumber', 'idNo', 'identityNumber']);

/** The same personal keys as they appear inside free text. */
const TEXT_KEYS = [...REDACTED_KEYS].join('|');
/** `"name":"…"` (JSON, also escaped inside a JSON string). */
const JSON_FIELD = new RegExp(`(\\\\?"(?:${TEXT_KEYS})\\\\?"\\s*:\\s*\\\\?")((?:[^"\\\\]|\\\\[^"])*)(\\\\?")`, 'g');
/** `name=…` (query strings, key=value messages). */
const ASSIGNED_FIELD = new RegExp(`(\\b(?:${TEXT_KEYS})=)([^&\\s"',;]+)`, 'g');
/** Chinese labels followed by their value: 姓名：王喆, 住址：… (to the next space or sentence mark). */
const LABELLED_FIELD = /((?:姓名|名字|住址|地址|联系电话|电话|手机号码?)\s*[：:]\s*)([^\s，。；,;]+)/g;

export const REDACTED = '[redacted]';
export const REDACTED_NAME = '[name]';

const MAX_DEPTH = 8;

/** Removes personal data from one string: ID numbers, personal fields written in it, known names. */
export function redactText(text: string, names: readonly string[] = []): string {
  let out = maskIdNumbersInText(text)
    .replace(JSON_FIELD, (_m, head: string, _value: string, tail: string) => `${head}${REDACTED}${tail}`)
    .replace(ASSIGNED_FIELD, (_m, head: string) => `${head}${REDACTED}`)
    .replace(LABELLED_FIELD, (_m, head: string) => `${head}${REDACTED}`);
  // Longest first, so a whole name goes before its parts.
  for (const name of [...names].sort((a, b) => b.length - a.length)) if (name) out = out.split(name).join(REDACTED_NAME);
  return out;
}

/** Returns a copy of `value` that is safe to write to a log; `names` are the citizen's, removed wherever they appear. */
export function redactForLog(value: unknown, names: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, names);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) {
    // Only these: other properties (a response body, a card record) may carry anything.
    return {
      type: value.name,
      message: redactText(value.message, names),
      stack: value.stack ? redactText(value.stack, names) : undefined,
      ...(value.cause !== undefined ? { cause: redactForLog(value.cause, names, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, names, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (REDACTED_KEYS.has(key)) out[key] = REDACTED;
    else if (MASKED_ID_KEYS.has(key) && typeof item === 'string') out[key] = maskIdNumber(item);
    else out[key] = redactForLog(item, names, depth + 1);
  }
  return out;
}
