/**
 * The hall's own guard on what a kiosk sends: every string in a payload has
 * any ID number (18 characters, ID_NUMBER_PATTERN) masked before it is
 * stored or shown. An honest kiosk masks already (its link does the same);
 * this is for one that does not, since a peer never vouches for itself.
 */
import { maskIdNumbersInText } from '../../../domain/mask';

export function withoutIdNumbers(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (Array.isArray(value)) return value.map(withoutIdNumbers);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [maskIdNumbersInText(key), withoutIdNumbers(inner)]));
  return value;
}
