/**
 * Removes personal data from anything about to be logged: by key (name,
 * address, photo…) and by pattern (18-character ID numbers anywhere in a
 * string are masked `4104**********1234`).
 */
import { maskIdNumber, maskIdNumbersInText } from '../../../drivers/idcard/mask';

/** Keys whose values are personal data and never logged. */
const REDACTED_KEYS = new Set([
  'name', 'chineseName', 'englishName', 'address', 'photo', 'fingerprint', 'text', 'face', 'image',
  'phone', 'birthDate', 'passNumber', 'permitNumber', 'token',
]);
/** Keys holding ID numbers: logged masked, which still helps staff match a case. */
const MASKED_ID_KEYS = new Set(['idNumber', 'idNo', 'identityNumber']);

const MAX_DEPTH = 8;

/** Returns a copy of `value` that is safe to write to a log. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) {
    return { type: value.name, message: maskIdNumbersInText(value.message), stack: value.stack ? maskIdNumbersInText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (REDACTED_KEYS.has(key)) out[key] = '[redacted]';
    else if (MASKED_ID_KEYS.has(key) && typeof item === 'string') out[key] = maskIdNumber(item);
    else out[key] = redactForLog(item, depth + 1);
  }
  return out;
}
