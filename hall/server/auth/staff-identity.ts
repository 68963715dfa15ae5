/**
 * How a kiosk officer's ID number is kept: never in the clear. The kiosks
 * match a card by HMAC-SHA256 of the upper-cased number under the hall's
 * `staffIdKey` (shared with its kiosks), and show the masked form.
 */
import { createHmac } from 'node:crypto';
import { maskIdNumber, maskName } from '../../../domain/mask';

export function staffIdDigest(staffIdKeyHex: string, idNumber: string): string {
  return createHmac('sha256', Buffer.from(staffIdKeyHex, 'hex')).update(idNumber.toUpperCase()).digest('hex');
}

export function maskedStaffIdentity(name: string, idNumber: string): { nameMasked: string; idNumberMasked: string } {
  const nameMasked = maskName(name);
  return {
    // The allow-list's MaskedName keeps the first character only (a Latin name's later initials become stars too).
    nameMasked: Array.from(nameMasked).map((ch, i) => (i === 0 ? ch : '*')).join(''),
    idNumberMasked: maskIdNumber(idNumber.toUpperCase()),
  };
}
