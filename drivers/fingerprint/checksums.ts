/**
 * The two checksums of the fingerprint scanner's HID framing
 * (docs/fingerprint-protocol.md): CRC-16/CCITT-FALSE over each report and
 * CRC-32 (IEEE 802.3, as zlib) over each whole image or template.
 */

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. `check("123456789") = 0x29B1`. */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Running CRC-32 (reflected, poly 0xEDB88320, init and final xor 0xFFFFFFFF). `check("123456789") = 0xCBF43926`. */
export function crc32Update(state: number, bytes: Uint8Array): number {
  let c = state;
  for (const b of bytes) c = CRC32_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

export const CRC32_INIT = 0xffffffff;

/** Final value of a running CRC-32. */
export const crc32Final = (state: number): number => (state ^ 0xffffffff) >>> 0;

/** CRC-32 of `bytes` in one go. */
export const crc32 = (bytes: Uint8Array): number => crc32Final(crc32Update(CRC32_INIT, bytes));
