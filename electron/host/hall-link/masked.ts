/**
 * Masked identity in the link's shapes: the contract allows a name as its
 * first character and stars (`张**`), a number as at most 4 + 4 characters
 * around stars. A mask the screen accepts but the link does not (`J*** S****`,
 * a passport tail with letters) is masked further, never sent as is.
 */
import { maskIdNumber } from '../../../domain/mask';
import { MaskedIdNumber, MaskedName } from '../../contract/hall-link';

export function linkMaskedName(name: string | null | undefined): string | null {
  if (!name) return null;
  if (MaskedName.safeParse(name).success) return name;
  const chars = Array.from(name.trim());
  if (chars.length === 0) return null;
  const first = chars[0] === '*' ? '' : chars[0]!;
  return `${first}${'*'.repeat(Math.min(15, Math.max(1, chars.length - 1)))}`;
}

export function linkMaskedIdNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  if (MaskedIdNumber.safeParse(value).success) return value;
  const masked = maskIdNumber(value);
  if (MaskedIdNumber.safeParse(masked).success) return masked;
  return '*'.repeat(Math.max(1, Array.from(value).length));
}
