/**
 * The data part of a successful "read" answer (DOMAIN.md §1):
 * - 30 01: textLen(2, BE) photoLen(2, BE) text photo            → LEN 0x0508
 * - 30 10: textLen photoLen fpLen (each 2, BE) text photo [fp]  → LEN 0x090A (or 0x050A without fingerprint)
 */

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

/** The split fields, or why the data do not fit the read layout. */
export type PayloadResult = { ok: true; value: CardPayload } | { ok: false; message: string };

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
  if (data.length < headerSize) return { ok: false, message: `read answer too short: ${data.length} bytes` };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const textLen = view.getUint16(0);
  const photoLen = view.getUint16(2);
  const fpLen = withFingerprint ? view.getUint16(4) : 0;
  if (textLen !== CARD_TEXT_SIZE || photoLen !== CARD_PHOTO_SIZE) {
    return { ok: false, message: `unexpected text/photo lengths ${textLen}/${photoLen}` };
  }
  if (fpLen !== 0 && fpLen !== CARD_FINGERPRINT_SIZE) {
    return { ok: false, message: `unexpected fingerprint length ${fpLen}` };
  }
  if (data.length !== headerSize + textLen + photoLen + fpLen) {
    return {
      ok: false,
      message: `read answer has ${data.length} bytes, lengths declare ${headerSize + textLen + photoLen + fpLen}`,
    };
  }
  const text = data.slice(headerSize, headerSize + textLen);
  const photo = data.slice(headerSize + textLen, headerSize + textLen + photoLen);
  const value: CardPayload = { text, photo };
  if (fpLen > 0) value.fingerprint = data.slice(headerSize + textLen + photoLen);
  return { ok: true, value };
}
