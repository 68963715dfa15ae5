/**
 * GB18030 encoding for the receipt printer (DOMAIN.md §8). Node has a
 * GB18030 `TextDecoder` but no encoder, so the encode table is built once, on
 * first use, by decoding every two-byte code and every four-byte BMP code with
 * that decoder; supplementary-plane characters use the standard's linear
 * four-byte mapping. Encoding then decoding with Node's decoder is the
 * identity for every encodable string (tests and fuzzing check it).
 *
 * With Node's (ICU's) mapping, which follows GB18030-2005/2022, 喆 堃 龑 and
 * 䶮 are two-byte codes (86B4, 88D2, FD8C, FE9F); CJK Extension A characters
 * such as 㐀 and all supplementary-plane characters such as 𠮷 take four bytes.
 */

/** What an unencodable character (lone surrogate, unmapped code point) becomes. */
export const GB18030_REPLACEMENT = 0x3f; // '?'

/** Number of four-byte codes that map into the BMP (pointers 0..39419). */
const BMP_FOUR_BYTE_POINTERS = 39_420;
/** The pointer of U+FFFD itself (84 31 A4 37), so that it is not taken for a decoding error. */
const FFFD_POINTER = 39_417;
/** Pointer of U+10000 in the four-byte space. */
const SUPPLEMENTARY_BASE_POINTER = 189_000;

interface Table {
  /** BMP code unit → (length << 24) | code bytes; 0 = no mapping. */
  readonly bmp: Uint32Array;
}

let table: Table | undefined;

/** The four bytes of a four-byte pointer (GB18030's linear mapping). */
function pointerBytes(pointer: number): [number, number, number, number] {
  let p = pointer;
  const b4 = p % 10;
  p = (p - b4) / 10;
  const b3 = p % 126;
  p = (p - b3) / 126;
  const b2 = p % 10;
  const b1 = (p - b2) / 10;
  return [0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

function buildTable(): Table {
  const decoder = new TextDecoder('gb18030');
  const bmp = new Uint32Array(0x10000);
  // Two-byte codes first: where a character has both, the two-byte code wins.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const text = decoder.decode(new Uint8Array([lead, trail]));
      if (text.length !== 1) continue; // a non-BMP result or an error pair
      const unit = text.charCodeAt(0);
      if (unit === 0xfffd || bmp[unit] !== 0) continue;
      bmp[unit] = (2 << 24) | (lead << 8) | trail;
    }
  }
  // Four-byte BMP codes, decoded in one go: each sequence decodes to one code unit.
  const all = new Uint8Array(BMP_FOUR_BYTE_POINTERS * 4);
  for (let p = 0; p < BMP_FOUR_BYTE_POINTERS; p++) all.set(pointerBytes(p), p * 4);
  const text = decoder.decode(all);
  if (text.length === BMP_FOUR_BYTE_POINTERS) {
    for (let p = 0; p < BMP_FOUR_BYTE_POINTERS; p++) {
      const unit = text.charCodeAt(p);
      if (bmp[unit] !== 0) continue;
      if (unit === 0xfffd && p !== FFFD_POINTER) continue;
      bmp[unit] = 0x0400_0000 | p; // marker: length 4, low bits hold the pointer
    }
  }
  // ASCII is single-byte.
  for (let c = 0; c < 0x80; c++) bmp[c] = (1 << 24) | c;
  return { bmp };
}

function getTable(): Table {
  table ??= buildTable();
  return table;
}

/** Builds the encode table now (it is otherwise built on first use, ~50 ms). */
export function prepareGb18030(): void {
  getTable();
}

/** Appends the GB18030 bytes of one code point; false when it has no mapping. */
function pushCodePoint(out: number[], cp: number, t: Table): boolean {
  if (cp < 0x80) {
    out.push(cp);
    return true;
  }
  if (cp >= 0x10000) {
    if (cp > 0x10ffff) return false;
    out.push(...pointerBytes(SUPPLEMENTARY_BASE_POINTER + cp - 0x10000));
    return true;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  const entry = t.bmp[cp] ?? 0;
  const length = entry >>> 24;
  if (length === 2) {
    out.push((entry >>> 8) & 0xff, entry & 0xff);
    return true;
  }
  if (length === 4) {
    out.push(...pointerBytes(entry & 0xffffff));
    return true;
  }
  return false;
}

/** Encodes `text` as GB18030; unencodable characters become `?` ({@link GB18030_REPLACEMENT}). */
export function encodeGb18030(text: string): Uint8Array {
  const t = getTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? GB18030_REPLACEMENT;
    if (!pushCodePoint(out, cp, t)) out.push(GB18030_REPLACEMENT);
  }
  return Uint8Array.from(out);
}

/** Whether every character of `text` has a GB18030 code. */
export function isGb18030Encodable(text: string): boolean {
  const t = getTable();
  const scratch: number[] = [];
  for (const ch of text) {
    if (!pushCodePoint(scratch, ch.codePointAt(0) ?? -1, t)) return false;
    scratch.length = 0;
  }
  return true;
}

/** The number of GB18030 bytes of one character (1, 2 or 4); `undefined` when it has no code. */
export function gb18030Length(ch: string): 1 | 2 | 4 | undefined {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return undefined;
  if (cp < 0x80) return 1;
  if (cp >= 0x10000) return cp <= 0x10ffff ? 4 : undefined;
  if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
  const length = (getTable().bmp[cp] ?? 0) >>> 24;
  return length === 2 ? 2 : length === 4 ? 4 : undefined;
}

/** Decodes GB18030 bytes (Node's decoder; malformed sequences become U+FFFD). */
export function decodeGb18030(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}
