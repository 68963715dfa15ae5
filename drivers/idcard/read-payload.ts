/**
 * The data part of a successful "read" answer (DOMAIN.md §1):
 * - 30 01: textLen(2, BE) photoLen(2, BE) text photo            → LEN 0x0508
 * - 30 10: textLen photoLen fpLen (each 2, BE) text photo [fp]  → LEN 0x090A (or 0x050A without fingerprint)
 */
import { err, ok, type Result } from '../../domain/result';

/** Text block size on every known card. */
export const CARD_TEXT_SIZE = 256;
/** WLT-compressed photo size. */
export const CARD_PHOTO_SIZE = 1024;
/** Fingerprint data size (two 512-byte templates) when present. */
export const CARD_FINGERPRINT_SIZE = 1024;

/** The raw fields read from a card. */
export interface CardPayload {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

/** Why the data of a read answer do not fit the read layout. */
export type PayloadError =
  | { kind: 'tooShort'; length: number }
  | { kind: 'unexpectedLengths'; textLen: number; photoLen: number }
  | { kind: 'unexpectedFingerprintLength'; fpLen: number }
  | { kind: 'sizeMismatch'; length: number; declared: number };

/** The split fields, or why the data do not fit the read layout. */
export type PayloadResult = Result<CardPayload, PayloadError>;

/** The refusal in words (the reader retries with it as the reason). */
export function describePayloadError(error: PayloadError): string {
  switch (error.kind) {
    case 'tooShort':
      return `read answer too short: ${error.length} bytes`;
    case 'unexpectedLengths':
      return `unexpected text/photo lengths ${error.textLen}/${error.photoLen}`;
    case 'unexpectedFingerprintLength':
      return `unexpected fingerprint length ${error.fpLen}`;
    case 'sizeMismatch':
      return `read answer has ${error.length} bytes, lengths declare ${error.declared}`;
  }
}

/** Builds the data of a read answer; `withFingerprint` selects the 30 10 layout. */
export function encodeReadPayload(card: CardPayload, withFingerprint: boolean): Uint8Array {
  const fp = withFingerprint ? (card.fingerprint ?? new Uint8Array(0)) : new Uint8Array(0);
  const headerSize = withFingerprint ? 6 : 4;
  const out = new Uint8Array(headerSize + card.text.length + card.photo.length + fp.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, card.text.length);
  view.setUint16(2, card.photo.length);
  if (withFingerprint) view.setUint16(4, fp.length);
  out.set(card.text, headerSize);
  out.set(card.photo, headerSize + card.text.length);
  out.set(fp, headerSize + card.text.length + card.photo.length);
  return out;
}

/**
 * Splits the data of a read answer, checking that the declared lengths are
 * the expected ones and add up exactly (this catches frames whose LEN was
 * corrupted in a way XOR-8 misses).
 */
export function decodeReadPayload(data: Uint8Array, withFingerprint: boolean): PayloadResult {
  const headerSize = withFingerprint ? 6 : 4;
  if (data.length < headerSize) return err({ kind: 'tooShort', length: data.length });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const textLen = view.getUint16(0);
  const photoLen = view.getUint16(2);
  const fpLen = withFingerprint ? view.getUint16(4) : 0;
  if (textLen !== CARD_TEXT_SIZE || photoLen !== CARD_PHOTO_SIZE)
    return err({ kind: 'unexpectedLengths', textLen, photoLen });
  if (fpLen !== 0 && fpLen !== CARD_FINGERPRINT_SIZE) return err({ kind: 'unexpectedFingerprintLength', fpLen });
  const declared = headerSize + textLen + photoLen + fpLen;
  if (data.length !== declared) return err({ kind: 'sizeMismatch', length: data.length, declared });
  const text = data.slice(headerSize, headerSize + textLen);
  const photo = data.slice(headerSize + textLen, headerSize + textLen + photoLen);
  const value: CardPayload = { text, photo };
  if (fpLen > 0) value.fingerprint = data.slice(headerSize + textLen + photoLen);
  return ok(value);
}
