/**
 * Contrast clean-up of a straightened page, so it reads like a scan: the
 * paper's own brightness is estimated block by block (the brightest tenth
 * of each block is paper; a block that is all ink, such as a thick bar,
 * borrows its neighbours'), smoothed and interpolated, and every pixel is
 * divided by it (this evens out the shadow of the camera's arm and a
 * lamp's fall-off); then levels: paper goes to white, the darkest ink to black.
 * Colour is kept (a red stamp stays red): the three channels share the scale.
 */
import type { RawImage } from './warp';

/** The side of a block, in pixels, over which the paper's brightness is estimated. */
const BLOCK = 32;
/** A pixel at this share of the paper's brightness or above is paper: white. */
const PAPER = 0.9;
/** A block whose paper level is below this share of the page's is ink, not paper. */
const INK_BLOCK = 0.6;

/** The cleaned page (a new image; `page` is left as it is). */
export function cleanUpPage(page: RawImage): RawImage {
  const { data, width, height, channels } = page;
  if (width < 1 || height < 1) return { ...page, data: data.slice() };
  const grey = greyOf(page);
  const background = paperLevel(grey, width, height);
  // Black point: the darkest 1 % of the evened-out page (but never above half the paper's level).
  const evened = new Uint32Array(256);
  for (let i = 0; i < width * height; i++) evened[Math.min(255, Math.round((grey[i]! / background[i]!) * 255))]! += 1;
  const black = Math.min(0.5, histogramPercentile(evened, width * height, 0.01) / 255);
  const gain = 255 / (PAPER - black);
  const offset = black * gain;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < width * height; i++) {
    const scale = gain / background[i]!;
    for (let c = i * channels, end = c + channels; c < end; c++) {
      const v = data[c]! * scale - offset;
      out[c] = v >= 255 ? 255 : v <= 0 ? 0 : v + 0.5;
    }
  }
  return { data: out, width, height, channels };
}

function greyOf({ data, width, height, channels }: RawImage): Uint8Array {
  const grey = new Uint8Array(width * height);
  if (channels < 3) {
    for (let i = 0; i < grey.length; i++) grey[i] = data[i * channels]!;
    return grey;
  }
  for (let i = 0; i < grey.length; i++) {
    const o = i * channels;
    grey[i] = (data[o]! * 77 + data[o + 1]! * 150 + data[o + 2]! * 29) >> 8;
  }
  return grey;
}

/** The paper's brightness under every pixel (≥ 1), interpolated from the blocks' estimates. */
function paperLevel(grey: Uint8Array, width: number, height: number): Float32Array {
  const cols = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const blocks = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      histogram.fill(0);
      let count = 0;
      for (let y = by * BLOCK; y < Math.min(height, (by + 1) * BLOCK); y++) {
        for (let x = bx * BLOCK; x < Math.min(width, (bx + 1) * BLOCK); x++) {
          histogram[grey[y * width + x]!]! += 1;
          count += 1;
        }
      }
      blocks[by * cols + bx] = histogramPercentile(histogram, count, 0.9);
    }
  }
  const page = percentile(blocks, 0.75);
  // Ink blocks borrow the brightest neighbouring paper; a 3×3 maximum also softens block edges.
  const filled = new Float32Array(blocks.length);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let best = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x >= 0 && y >= 0 && x < cols && y < rows) best = Math.max(best, blocks[y * cols + x]!);
        }
      }
      filled[by * cols + bx] = best < INK_BLOCK * page ? page : best;
    }
  }
  const level = new Float32Array(width * height);
  // Where each column falls between block centres, computed once for all rows.
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const axs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.max(0, Math.min(cols - 1, (x + 0.5) / BLOCK - 0.5));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(cols - 1, x0s[x]! + 1);
    axs[x] = fx - x0s[x]!;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, Math.min(rows - 1, (y + 0.5) / BLOCK - 0.5));
    const top = Math.floor(fy) * cols;
    const bottom = Math.min(rows - 1, Math.floor(fy) + 1) * cols;
    const ay = fy - Math.floor(fy);
    for (let x = 0; x < width; x++) {
      const ax = axs[x]!;
      const upper = filled[top + x0s[x]!]! * (1 - ax) + filled[top + x1s[x]!]! * ax;
      const lower = filled[bottom + x0s[x]!]! * (1 - ax) + filled[bottom + x1s[x]!]! * ax;
      const v = upper * (1 - ay) + lower * ay;
      level[y * width + x] = v > 1 ? v : 1;
    }
  }
  return level;
}

function histogramPercentile(histogram: Uint32Array, count: number, share: number): number {
  const target = share * count;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= target) return v;
  }
  return 255;
}

/** The `share` percentile of `values` (sorted copy). */
function percentile(values: Float32Array, share: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
