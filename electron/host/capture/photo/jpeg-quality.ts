/**
 * The JPEG quality a file was saved at, read back from its quantisation
 * tables (DQT). The host encodes its own standard photos and knows their
 * quality; a photo it did not make (a photo studio's, fetched by its
 * receipt code) has only this estimate for the spec's quality rule. The
 * tests also use it to check the host's word about its own photos. Encoders of the libjpeg family
 * (libvips with mozjpeg's own tables off, Chromium's canvas, jpeg-js) scale the IJG
 * base tables of ITU T.81 Annex K by the quality factor Q:
 *   scale = Q < 50 ? floor(5000 / Q) : 200 − 2Q
 *   entry = clamp(floor((base · scale + 50) / 100), 1, 255)
 * The luminance table is compared with the table each Q from 1 to 100 would
 * give; the nearest one is the estimate (`exact` when it is that table).
 */
import { err, ok, type Result } from '../../../../domain/result';

/** IJG / T.81 Annex K luminance base table, natural (row-major) order. */
const IJG_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24,
  35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** Natural index of each zig-zag position (DQT entries are stored in zig-zag order). */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29,
  22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

export interface QualityEstimate {
  /** Estimated quality factor, 1–100. */
  quality: number;
  /** True when the luminance table is exactly the IJG table at that quality. */
  exact: boolean;
  /** Mean absolute difference per entry from the IJG table at that quality. */
  meanError: number;
}

/** Why no quality could be read: not a JPEG, no quantisation table, or a segment that overruns. */
export type JpegQualityProblem = { reason: 'notJpeg' | 'noQuantTable' | 'corrupt'; detail: string };

export type JpegQualityResult = Result<QualityEstimate, JpegQualityProblem>;

/** libjpeg's jpeg_quality_scaling. */
export function qualityScale(quality: number): number {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  return q < 50 ? Math.floor(5000 / q) : 200 - q * 2;
}

/** The IJG luminance table libjpeg writes at `quality`, in zig-zag (file) order. */
export function ijgLuminanceTable(quality: number): Uint16Array {
  const scale = qualityScale(quality);
  const table = new Uint16Array(64);
  for (let k = 0; k < 64; k++) table[k] = Math.min(255, Math.max(1, Math.floor((IJG_LUMINANCE[ZIGZAG[k]!]! * scale + 50) / 100)));
  return table;
}

const TABLES = Array.from({ length: 100 }, (_, i) => ijgLuminanceTable(i + 1));

/**
 * Reads the quantisation tables up to the first scan; returns the one the
 * first frame component (luminance) uses, else table 0, else the first found.
 */
export function luminanceQuantTable(bytes: Uint8Array): Result<Uint16Array, JpegQualityProblem> {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return err({ reason: 'notJpeg', detail: 'no SOI marker' });
  const tables: Uint16Array[] = [];
  let lumaId: number | null = null;
  let pos = 2;
  while (pos + 3 < bytes.length) {
    if (bytes[pos] !== 0xff) {
      pos++; // stray byte between segments (the decoder skips them too)
      continue;
    }
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    pos += 2;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // EOI or SOS: the tables come before the first scan
    const length = (bytes[pos]! << 8) | bytes[pos + 1]!;
    const end = pos + length;
    if (length < 2 || end > bytes.length) return err({ reason: 'corrupt', detail: `segment 0x${marker.toString(16)} overruns the file` });
    if (marker === 0xdb) {
      let at = pos + 2;
      while (at < end) {
        const precision = bytes[at]! >> 4;
        const id = bytes[at]! & 15;
        const size = precision ? 128 : 64;
        if (at + 1 + size > end) return err({ reason: 'corrupt', detail: 'DQT table overruns its segment' });
        const table = new Uint16Array(64);
        for (let k = 0; k < 64; k++) table[k] = precision ? (bytes[at + 1 + 2 * k]! << 8) | bytes[at + 2 + 2 * k]! : bytes[at + 1 + k]!;
        tables[id] = table;
        at += 1 + size;
      }
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && length >= 11) {
      lumaId ??= bytes[pos + 10]! & 15; // Tq of the first component
    }
    pos = end;
  }
  const table = (lumaId !== null ? tables[lumaId] : undefined) ?? tables[0] ?? tables.find(Boolean);
  return table ? ok(table) : err({ reason: 'noQuantTable', detail: 'no DQT before the first scan' });
}

/** Estimates the quality factor from a luminance table in zig-zag order. */
export function estimateQualityFromTable(table: ArrayLike<number>): QualityEstimate {
  let best = { quality: 0, error: Infinity };
  for (let q = 100; q >= 1; q--) {
    const reference = TABLES[q - 1]!;
    let error = 0;
    for (let k = 0; k < 64; k++) error += Math.abs(Math.min(255, table[k]!) - reference[k]!);
    // Strictly better only: at equal distance the higher quality (searched first) stays.
    if (error < best.error) best = { quality: q, error };
  }
  return { quality: best.quality, exact: best.error === 0, meanError: Math.round((best.error / 64) * 100) / 100 };
}

/** Estimates the quality a JPEG file was saved at. */
export function estimateJpegQuality(bytes: Uint8Array): JpegQualityResult {
  const found = luminanceQuantTable(bytes);
  if (!found.ok) return found;
  return ok(estimateQualityFromTable(found.value));
}
