/**
 * BER-TLV (ISO/IEC 7816-4 §5.2, ISO/IEC 8825-1) as the permit's chip uses it:
 * one- or two-byte tags, definite lengths up to 0xFFFF (short form, 81, 82).
 * Decoding never throws: any byte string is a list of TLVs or a clear error.
 */
import { err, ok, type Result } from '../../domain/result';

export interface Tlv {
  /** The tag as a number: 0x70, 0x5F20… */
  tag: number;
  /** Bit 6 of the first tag byte: the value holds more TLVs. */
  constructed: boolean;
  value: Uint8Array;
}

export type TlvError =
  | { kind: 'truncated'; at: number }
  | { kind: 'badLength'; at: number }
  | { kind: 'badTag'; at: number };

const firstTagByte = (tag: number): number => (tag > 0xff ? tag >> 8 : tag);

/** Encodes one TLV (primitive or constructed by its tag). */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  if (!Number.isInteger(tag) || tag < 1 || tag > 0xffff) throw new RangeError(`tag ${tag} out of range`);
  if (value.length > 0xffff) throw new RangeError('value longer than 65535 bytes');
  const tagBytes = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  const n = value.length;
  const lengthBytes = n < 0x80 ? [n] : n <= 0xff ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  const out = new Uint8Array(tagBytes.length + lengthBytes.length + n);
  out.set(tagBytes, 0);
  out.set(lengthBytes, tagBytes.length);
  out.set(value, tagBytes.length + lengthBytes.length);
  return out;
}

/** Encodes a constructed TLV from already encoded children. */
export function encodeTemplate(tag: number, children: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(tag, concat(children));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Decodes a sequence of TLVs filling `bytes` exactly (00 and FF padding between them is skipped, as 7816-4 allows). */
export function decodeTlvs(bytes: Uint8Array): Result<Tlv[], TlvError> {
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    const first = bytes[at]!;
    if (first === 0x00 || first === 0xff) {
      at += 1;
      continue;
    }
    const start = at;
    let tag = first;
    at += 1;
    if ((first & 0x1f) === 0x1f) {
      if (at >= bytes.length) return err({ kind: 'truncated', at: start });
      const second = bytes[at]!;
      // Only two-byte tags: a continuation bit here would need a third byte.
      if (second & 0x80) return err({ kind: 'badTag', at: start });
      tag = (first << 8) | second;
      at += 1;
    }
    if (at >= bytes.length) return err({ kind: 'truncated', at: start });
    const lead = bytes[at]!;
    at += 1;
    let length: number;
    if (lead < 0x80) length = lead;
    else if (lead === 0x81 || lead === 0x82) {
      const size = lead & 0x7f;
      if (at + size > bytes.length) return err({ kind: 'truncated', at: start });
      length = size === 1 ? bytes[at]! : (bytes[at]! << 8) | bytes[at + 1]!;
      at += size;
    } else return err({ kind: 'badLength', at: start });
    if (at + length > bytes.length) return err({ kind: 'truncated', at: start });
    out.push({ tag, constructed: (firstTagByte(tag) & 0x20) !== 0, value: bytes.slice(at, at + length) });
    at += length;
  }
  return ok(out);
}

/** The value of the only TLV in `bytes` with `tag`, or an error naming what is missing. */
export function decodeTemplate(bytes: Uint8Array, tag: number): Result<Tlv[], TlvError | { kind: 'missingTag'; tag: number }> {
  const outer = decodeTlvs(bytes);
  if (!outer.ok) return outer;
  const template = outer.value.find((t) => t.tag === tag);
  if (!template || !template.constructed) return err({ kind: 'missingTag', tag });
  return decodeTlvs(template.value);
}
