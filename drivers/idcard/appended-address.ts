/**
 * The appended address (追加住址), GA 467 command 30 03 (libsamv
 * `SAMV_PARA_EXTINFO`): where a card holder lives now when they moved after
 * the card was printed. The printed address (text block, offset 52) stays the
 * old one; 居住证 and 异地 services need this one.
 *
 * Layout (新中新/Synjones `IDcardReader.readAppendAddress`, the DC SDK's
 * `extra_len` of 70): the answer's data are one 70-byte field, UCS-2
 * little-endian, 35 characters, padded with spaces (or NULs), like the
 * printed address. A card without one answers SW3 0x91; some readers answer
 * 0x90 with no data or a blank field instead: both mean "none".
 */
import { err, ok, type Result } from '../../domain/result';

/** Size of the appended-address field in bytes (35 UCS-2 characters). */
export const APPENDED_ADDRESS_SIZE = 70;

/** Why the data of a 30 03 answer are not an appended address. */
export type AppendedAddressError =
  | { kind: 'unexpectedLength'; length: number }
  /** A lone surrogate or a control character: not text a card would hold. */
  | { kind: 'invalidText'; offset: number };

/** The current address, or `null` when the card has none. */
export type AppendedAddressResult = Result<string | null, AppendedAddressError>;

/** Space, NUL and the full-width space pad a field. */
const isPadding = (unit: number): boolean => unit === 0x20 || unit === 0 || unit === 0x3000;

/** Decodes the data of a successful 30 03 answer. Never throws. */
export function decodeAppendedAddress(data: Uint8Array): AppendedAddressResult {
  if (data.length === 0) return ok(null);
  if (data.length !== APPENDED_ADDRESS_SIZE) return err({ kind: 'unexpectedLength', length: data.length });
  const units: number[] = [];
  for (let i = 0; i < data.length; i += 2) units.push(data[i]! | (data[i + 1]! << 8));
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (high) {
      const next = units[i + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return err({ kind: 'invalidText', offset: i * 2 });
      i++;
      continue;
    }
    if (low) return err({ kind: 'invalidText', offset: i * 2 });
    // NUL is padding (checked below); other C0/C1 controls are not address text.
    if (unit !== 0 && (unit < 0x20 || (unit >= 0x7f && unit < 0xa0))) return err({ kind: 'invalidText', offset: i * 2 });
  }
  let end = units.length;
  while (end > 0 && isPadding(units[end - 1]!)) end--;
  const body = String.fromCharCode(...units.slice(0, end));
  // A NUL inside the text (not trailing padding) is not an address.
  if (body.includes('\u0000')) return err({ kind: 'invalidText', offset: body.indexOf('\u0000') * 2 });
  const text = body.trim();
  return ok(text.length === 0 ? null : text);
}

/** Encodes an address as a 30 03 answer's data (the simulator and tests); throws when it does not fit. */
export function encodeAppendedAddress(address: string): Uint8Array {
  if (address.length > APPENDED_ADDRESS_SIZE / 2) throw new RangeError(`appended address longer than ${APPENDED_ADDRESS_SIZE / 2} characters`);
  const out = new Uint8Array(APPENDED_ADDRESS_SIZE);
  const padded = address.padEnd(APPENDED_ADDRESS_SIZE / 2, ' ');
  for (let i = 0; i < padded.length; i++) {
    const unit = padded.charCodeAt(i);
    out[i * 2] = unit & 0xff;
    out[i * 2 + 1] = unit >> 8;
  }
  return out;
}

/** The refusal in words, for logs (never the data). */
export function describeAppendedAddressError(error: AppendedAddressError): string {
  switch (error.kind) {
    case 'unexpectedLength':
      return `appended address has ${error.length} bytes, expected 0 or ${APPENDED_ADDRESS_SIZE}`;
    case 'invalidText':
      return `appended address has no valid text at byte ${error.offset}`;
  }
}
