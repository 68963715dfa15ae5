/**
 * A small baseline JPEG decoder (ITU T.81, Huffman, 8-bit, sequential), pure
 * TypeScript: the host decodes the photos its own renderer encoded (a canvas
 * gives baseline JPEGs) and the sample reference photos. Progressive and
 * arithmetic-coded files are refused as values, never thrown.
 */

/** An RGBA image, 4 bytes a pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type JpegDecodeResult =
  | { ok: true; image: RgbaImage }
  | { ok: false; reason: 'notJpeg' | 'unsupported' | 'corrupt' | 'tooLarge'; detail: string };

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29,
  22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** cos table for the 8-point IDCT: COS[x * 8 + u] = C(u)/2 · cos((2x+1)uπ/16). */
const COS = (() => {
  const table = new Float64Array(64);
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) table[x * 8 + u] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  return table;
})();

interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  tq: number;
  blocksPerLine: number;
  blocksPerColumn: number;
  /** Decoded samples, `blocksPerLine * 8` wide. */
  samples: Uint8Array;
  dcTable?: HuffmanTable;
  acTable?: HuffmanTable;
  pred: number;
}

class CorruptJpeg extends Error {}

function buildHuffman(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    const n = counts[l - 1]!;
    valPtr[l] = k;
    minCode[l] = code;
    code += n;
    k += n;
    maxCode[l] = n > 0 ? code - 1 : -1;
    code <<= 1;
  }
  return { maxCode, valPtr, minCode, values };
}

/** Reads entropy-coded bits, removing byte stuffing; stops at a marker. */
class BitReader {
  private buffer = 0;
  private count = 0;
  marker = false;
  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  bit(): number {
    if (this.count === 0) {
      let byte = 0;
      if (!this.marker && this.pos < this.data.length) {
        byte = this.data[this.pos]!;
        if (byte === 0xff) {
          const next = this.data[this.pos + 1] ?? 0;
          if (next === 0) this.pos += 2;
          else {
            this.marker = true;
            byte = 0;
          }
        } else this.pos++;
      }
      this.buffer = byte;
      this.count = 8;
    }
    this.count--;
    return (this.buffer >> this.count) & 1;
  }

  bits(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i++) value = (value << 1) | this.bit();
    return value;
  }

  decode(table: HuffmanTable): number {
    let code = 0;
    for (let l = 1; l <= 16; l++) {
      code = (code << 1) | this.bit();
      if (code <= table.maxCode[l]!) return table.values[table.valPtr[l]! + code - table.minCode[l]!]!;
    }
    throw new CorruptJpeg('bad Huffman code');
  }

  /** Aligns to a byte and skips an RSTn marker. */
  restart(): void {
    this.count = 0;
    this.marker = false;
    const data = this.data;
    while (this.pos < data.length - 1 && !(data[this.pos] === 0xff && data[this.pos + 1]! >= 0xd0 && data[this.pos + 1]! <= 0xd7)) this.pos++;
    if (this.pos < data.length - 1) this.pos += 2;
  }
}

function extend(value: number, size: number): number {
  return size === 0 ? 0 : value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
}

function decodeBlock(reader: BitReader, component: Component, quant: Uint16Array, out: Uint8Array, stride: number, offset: number, coeffs: Float64Array, tmp: Float64Array): void {
  coeffs.fill(0);
  const dcSize = reader.decode(component.dcTable!);
  component.pred += extend(reader.bits(dcSize), dcSize);
  coeffs[0] = component.pred * quant[0]!;
  for (let k = 1; k < 64; ) {
    const rs = reader.decode(component.acTable!);
    const r = rs >> 4;
    const s = rs & 15;
    if (s === 0) {
      if (r !== 15) break;
      k += 16;
      continue;
    }
    k += r;
    if (k > 63) throw new CorruptJpeg('coefficient index out of range');
    coeffs[ZIGZAG[k]!] = extend(reader.bits(s), s) * quant[k]!;
    k++;
  }
  // Separable IDCT: rows, then columns.
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      let sum = 0;
      for (let u = 0; u < 8; u++) sum += COS[x * 8 + u]! * coeffs[y * 8 + u]!;
      tmp[y * 8 + x] = sum;
    }
  }
  for (let x = 0; x < 8; x++) {
    for (let y = 0; y < 8; y++) {
      let sum = 0;
      for (let v = 0; v < 8; v++) sum += COS[y * 8 + v]! * tmp[v * 8 + x]!;
      const value = Math.round(sum + 128);
      out[offset + y * stride + x] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
}

/** Decodes a baseline JPEG into RGBA. */
export function decodeJpeg(bytes: Uint8Array, options: { maxPixels?: number } = {}): JpegDecodeResult {
  const maxPixels = options.maxPixels ?? 16_000_000;
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return { ok: false, reason: 'notJpeg', detail: 'no SOI marker' };
  try {
    return decode(bytes, maxPixels);
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
}

function decode(data: Uint8Array, maxPixels: number): JpegDecodeResult {
  const quant: Uint16Array[] = [];
  const dcTables: HuffmanTable[] = [];
  const acTables: HuffmanTable[] = [];
  let components: Component[] = [];
  let width = 0;
  let height = 0;
  let hMax = 1;
  let vMax = 1;
  let restartInterval = 0;
  let adobeTransform: number | null = null;
  let scanned = false;
  let pos = 2;
  const u16 = (at: number) => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

  while (pos < data.length) {
    if (data[pos] !== 0xff) {
      pos++;
      continue;
    }
    const marker = data[pos + 1]!;
    pos += 2;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      if (marker === 0xff) pos--;
      continue;
    }
    if (marker === 0xd9) break;
    const length = u16(pos);
    if (length < 2 || pos + length > data.length) throw new CorruptJpeg(`segment 0x${marker.toString(16)} overruns the file`);
    const end = pos + length;
    let at = pos + 2;
    switch (marker) {
      case 0xdb: // DQT
        while (at < end) {
          const pq = data[at]! >> 4;
          const tq = data[at]! & 15;
          at++;
          const table = new Uint16Array(64);
          for (let k = 0; k < 64; k++) {
            table[k] = pq ? u16(at) : data[at]!;
            at += pq ? 2 : 1;
          }
          quant[tq] = table;
        }
        break;
      case 0xc4: // DHT
        while (at < end) {
          const tc = data[at]! >> 4;
          const th = data[at]! & 15;
          const counts = data.subarray(at + 1, at + 17);
          const total = counts.reduce((a, b) => a + b, 0);
          const values = data.slice(at + 17, at + 17 + total);
          (tc === 0 ? dcTables : acTables)[th] = buildHuffman(counts, values);
          at += 17 + total;
        }
        break;
      case 0xc0:
      case 0xc1: {
        // SOF0/1: baseline / extended sequential, Huffman
        if (data[at] !== 8) return { ok: false, reason: 'unsupported', detail: `${data[at]}-bit samples` };
        height = u16(at + 1);
        width = u16(at + 3);
        if (width === 0 || height === 0) return { ok: false, reason: 'unsupported', detail: 'image height set by DNL' };
        if (width * height > maxPixels) return { ok: false, reason: 'tooLarge', detail: `${width}×${height}` };
        const count = data[at + 5]!;
        if (count !== 1 && count !== 3) return { ok: false, reason: 'unsupported', detail: `${count} components` };
        components = [];
        for (let i = 0; i < count; i++) {
          const base = at + 6 + i * 3;
          components.push({ id: data[base]!, h: data[base + 1]! >> 4 || 1, v: data[base + 1]! & 15 || 1, tq: data[base + 2]!, blocksPerLine: 0, blocksPerColumn: 0, samples: new Uint8Array(0), pred: 0 });
        }
        hMax = Math.max(...components.map((c) => c.h));
        vMax = Math.max(...components.map((c) => c.v));
        const mcusPerLine = Math.ceil(width / (8 * hMax));
        const mcusPerColumn = Math.ceil(height / (8 * vMax));
        for (const c of components) {
          c.blocksPerLine = mcusPerLine * c.h;
          c.blocksPerColumn = mcusPerColumn * c.v;
          c.samples = new Uint8Array(c.blocksPerLine * c.blocksPerColumn * 64);
        }
        break;
      }
      case 0xc2:
      case 0xc3:
      case 0xc5:
      case 0xc6:
      case 0xc7:
      case 0xc9:
      case 0xca:
      case 0xcb:
      case 0xcd:
      case 0xce:
      case 0xcf:
        return { ok: false, reason: 'unsupported', detail: `SOF 0x${marker.toString(16)} (progressive, lossless or arithmetic)` };
      case 0xdd: // DRI
        restartInterval = u16(at);
        break;
      case 0xee: // APP14 Adobe
        if (length >= 14 && String.fromCharCode(...data.subarray(at, at + 5)) === 'Adobe') adobeTransform = data[at + 11]!;
        break;
      case 0xda: {
        // SOS
        if (components.length === 0) throw new CorruptJpeg('scan before frame header');
        const count = data[at]!;
        const inScan: Component[] = [];
        for (let i = 0; i < count; i++) {
          const c = components.find((x) => x.id === data[at + 1 + i * 2]);
          if (!c) throw new CorruptJpeg('scan names an unknown component');
          const tables = data[at + 2 + i * 2]!;
          c.dcTable = dcTables[tables >> 4];
          c.acTable = acTables[tables & 15];
          if (!c.dcTable || !c.acTable) throw new CorruptJpeg('missing Huffman table');
          if (!quant[c.tq]) throw new CorruptJpeg('missing quantisation table');
          c.pred = 0;
          inScan.push(c);
        }
        pos = decodeScan(data, end, inScan, quant, restartInterval, width, height, hMax, vMax);
        scanned = true;
        continue;
      }
      default:
        break; // APPn, COM and others: skipped
    }
    pos = end;
  }
  if (!scanned) throw new CorruptJpeg('no image data');
  return { ok: true, image: toRgba(components, width, height, hMax, vMax, adobeTransform) };
}

function decodeScan(data: Uint8Array, start: number, inScan: Component[], quant: Uint16Array[], restartInterval: number, width: number, height: number, hMax: number, vMax: number): number {
  const reader = new BitReader(data, start);
  const coeffs = new Float64Array(64);
  const tmp = new Float64Array(64);
  const single = inScan.length === 1;
  const first = inScan[0]!;
  const mcusPerLine = single ? Math.ceil(Math.ceil((width * first.h) / hMax) / 8) : Math.ceil(width / (8 * hMax));
  const mcusPerColumn = single ? Math.ceil(Math.ceil((height * first.v) / vMax) / 8) : Math.ceil(height / (8 * vMax));
  const total = mcusPerLine * mcusPerColumn;
  for (let mcu = 0; mcu < total; mcu++) {
    if (restartInterval && mcu > 0 && mcu % restartInterval === 0) {
      reader.restart();
      for (const c of inScan) c.pred = 0;
    }
    const row = Math.floor(mcu / mcusPerLine);
    const col = mcu % mcusPerLine;
    for (const c of inScan) {
      const stride = c.blocksPerLine * 8;
      const q = quant[c.tq]!;
      if (single) {
        decodeBlock(reader, c, q, c.samples, stride, row * 8 * stride + col * 8, coeffs, tmp);
        continue;
      }
      for (let by = 0; by < c.v; by++) {
        for (let bx = 0; bx < c.h; bx++) {
          const blockRow = row * c.v + by;
          const blockCol = col * c.h + bx;
          decodeBlock(reader, c, q, c.samples, stride, blockRow * 8 * stride + blockCol * 8, coeffs, tmp);
        }
      }
    }
  }
  // Continue after the entropy-coded data: find the next marker that is not RSTn or stuffing.
  let pos = reader.pos;
  while (pos < data.length - 1 && !(data[pos] === 0xff && data[pos + 1] !== 0 && !(data[pos + 1]! >= 0xd0 && data[pos + 1]! <= 0xd7))) pos++;
  return pos;
}

function toRgba(components: Component[], width: number, height: number, hMax: number, vMax: number, adobeTransform: number | null): RgbaImage {
  const out = new Uint8Array(width * height * 4);
  const sample = (c: Component, x: number, y: number) => c.samples[Math.floor((y * c.v) / vMax) * c.blocksPerLine * 8 + Math.floor((x * c.h) / hMax)]!;
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  const [c0, c1, c2] = components;
  const ycc = components.length === 3 && adobeTransform !== 0;
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 4) {
      const a = sample(c0!, x, y);
      if (!c1 || !c2) {
        out[o] = out[o + 1] = out[o + 2] = a;
      } else if (ycc) {
        const cb = sample(c1, x, y) - 128;
        const cr = sample(c2, x, y) - 128;
        out[o] = clamp(a + 1.402 * cr);
        out[o + 1] = clamp(a - 0.344136 * cb - 0.714136 * cr);
        out[o + 2] = clamp(a + 1.772 * cb);
      } else {
        out[o] = a;
        out[o + 1] = sample(c1, x, y);
        out[o + 2] = sample(c2, x, y);
      }
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}
