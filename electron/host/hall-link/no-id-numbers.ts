/**
 * The link's last guard: every string in an outgoing payload has any ID
 * number (18 characters, ID_NUMBER_PATTERN) masked. The builders mask
 * already; this catches a number that reached a free-text field (a step id,
 * an audit detail) by a path nobody foresaw. NUL characters go too: the
 * hall refuses a payload holding one, and a refused journal batch would be
 * rows the kiosk believes delivered.
 */
import { maskIdNumbersInText } from '../../../domain/mask';

export function withoutIdNumbers<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value.replaceAll('\u0000', ''));
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner)]));
  return value;
}
