/**
 * How a kiosk officer's ID number is kept: never in the clear. The kiosks
 * match a card by a slow salted digest of the upper-cased number
 * (`STAFF_ID_DIGEST` in the contract: argon2id, salt = the hall's
 * `staffIdKey`, shared with its kiosks), and show the masked form.
 */
import { hashRawSync } from '@node-rs/argon2';
import { STAFF_ID_DIGEST } from '../../../electron/contract/hall-link';
import { maskIdNumber, maskName } from '../../../domain/mask';

export function staffIdDigest(staffIdKeyHex: string, idNumber: string): string {
  return hashRawSync(idNumber.toUpperCase(), { ...STAFF_ID_DIGEST, salt: Buffer.from(staffIdKeyHex, 'hex') }).toString('hex');
}

/** The allow-list's MaskedName allows at most 16 characters, its first not a star, then stars only. */
const MAX_MASKED_NAME = 16;

export function maskedStaffIdentity(name: string, idNumber: string): { nameMasked: string; idNumberMasked: string } {
  // The allow-list's MaskedName keeps the first character only (a Latin name's later initials become stars too),
  // and is at most 16 long: a longer name (or a blank one) would make the whole list invalid, so no kiosk would get it.
  const chars = Array.from(maskName(name));
  const first = chars[0] !== undefined && chars[0] !== '*' && chars.length > 1 ? chars[0] : '';
  const stars = Math.min(Math.max(chars.length - first.length, 1), MAX_MASKED_NAME - first.length);
  return {
    nameMasked: first + '*'.repeat(stars),
    idNumberMasked: maskIdNumber(idNumber.toUpperCase()),
  };
}
