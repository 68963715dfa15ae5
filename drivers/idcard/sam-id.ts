/**
 * SAM ID display format (DOMAIN.md §1): 16 data bytes read as little-endian
 * u16, u16, u32, u32, u32 and printed `%02d.%02d-%08d-%010d-%010d`.
 */

/** Size of the SAM ID answer's data. */
export const SAM_ID_SIZE = 16;

/** Formats the 16 SAM ID bytes, or `undefined` when fewer than 16 bytes are given. */
export function formatSamId(bytes: Uint8Array): string | undefined {
  if (bytes.length < SAM_ID_SIZE) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, SAM_ID_SIZE);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return [
    `${pad(view.getUint16(0, true), 2)}.${pad(view.getUint16(2, true), 2)}`,
    pad(view.getUint32(4, true), 8),
    pad(view.getUint32(8, true), 10),
    pad(view.getUint32(12, true), 10),
  ].join('-');
}
