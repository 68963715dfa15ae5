/**
 * The print density of a standard photo (GA 461: 358×441 px at 350 dpi),
 * written as the JFIF APP0 segment's density in dots per inch. libvips
 * writes no JFIF segment when it strips metadata, and its own way of adding
 * one (`withMetadata`) also adds EXIF and an ICC profile, so the host writes
 * the 18 bytes itself.
 */

const SOI = [0xff, 0xd8] as const;
const JFIF_ID = [0x4a, 0x46, 0x49, 0x46, 0x00] as const; // "JFIF\0"
/** Density fields of an APP0 JFIF segment that starts right after SOI. */
const UNITS_AT = 13;
const DOTS_PER_INCH = 1;

function startsWith(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** `jpeg` with its JFIF density set to `dpi` (a JFIF segment added after SOI when it has none); anything that is not a JPEG is returned as it is. */
export function withJfifDensity(jpeg: Uint8Array, dpi: number): Uint8Array {
  if (!startsWith(jpeg, 0, SOI) || !Number.isInteger(dpi) || dpi < 1 || dpi > 0xffff) return jpeg;
  const hi = dpi >> 8;
  const lo = dpi & 0xff;
  if (startsWith(jpeg, 2, [0xff, 0xe0]) && startsWith(jpeg, 6, JFIF_ID)) {
    const out = jpeg.slice();
    out.set([DOTS_PER_INCH, hi, lo, hi, lo], UNITS_AT);
    return out;
  }
  // APP0: length 16, "JFIF\0", version 1.01, units, X and Y density, no thumbnail.
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...JFIF_ID, 0x01, 0x01, DOTS_PER_INCH, hi, lo, hi, lo, 0x00, 0x00];
  const out = new Uint8Array(jpeg.length + app0.length);
  out.set(SOI, 0);
  out.set(app0, 2);
  out.set(jpeg.subarray(2), 2 + app0.length);
  return out;
}
