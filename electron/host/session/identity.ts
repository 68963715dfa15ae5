/**
 * Turns what the reader or the keypad gave into the session's Identity. The
 * host decides validity (checksum, birth date, expiry); the renderer only shows it.
 */
import type { Identity, MaskedIdentity } from '../../contract';
import { zonedIsoDate } from '../../../domain/calendar-date';
import { validateIdNumber } from '../../../domain/id-number';
import { maskIdNumber, maskName } from '../../../domain/mask';
import type { IdCard } from '../../../drivers/idcard/card';

/** Identity from a parsed card; "expired" by the calendar of `timeZone` (the configured zone, default Asia/Shanghai). */
export function identityFromCard(card: IdCard, now: Date = new Date(), timeZone?: string): Identity {
  const validTo = card.validTo;
  return {
    source: 'card',
    cardType: card.type,
    name: card.name,
    idNumber: card.idNumber,
    idNumberMasked: maskIdNumber(card.idNumber),
    idNumberValid: card.idNumberCheck.ok,
    validTo,
    expired: validTo !== 'long-term' && validTo < zonedIsoDate(now, timeZone),
    ...('address' in card ? { address: card.address } : {}),
  };
}

/** Where the holder lives now: the appended address (追加住址) when the card has one, else the printed one. */
export function currentAddress(identity: Identity): string | null {
  return identity.appendedAddress ?? identity.address ?? null;
}

/** Identity from a typed ID number; `undefined` when the number is not valid. */
export function identityFromTyped(idNumber: string, now: Date = new Date(), timeZone?: string): Identity | undefined {
  const normalized = idNumber.toUpperCase();
  const check = validateIdNumber(normalized, { now, ...(timeZone ? { timeZone } : {}) });
  if (!check.ok) return undefined;
  return {
    source: 'typed',
    cardType: null,
    name: null,
    idNumber: normalized,
    idNumberMasked: maskIdNumber(normalized),
    idNumberValid: true,
    validTo: null,
    expired: false,
  };
}

/** The identity as session and identity messages carry it to the screen: name and number masked. */
export function maskedIdentity(identity: Identity): MaskedIdentity {
  return {
    source: identity.source,
    cardType: identity.cardType,
    nameMasked: identity.name === null ? null : maskName(identity.name),
    idNumberMasked: identity.idNumberMasked,
    idNumberValid: identity.idNumberValid,
    expired: identity.expired,
  };
}
