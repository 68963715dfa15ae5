/**
 * The link's last guard: every string in an outgoing payload has any ID
 * number (18 characters, ID_NUMBER_PATTERN) masked. The builders mask
 * already; this catches a number that reached a free-text field (a step id,
 * an audit detail) by a path nobody foresaw.
 */
import { maskIdNumbersInText } from '../../../domain/mask';

export function withoutIdNumbers<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner)]));
  return value;
}
