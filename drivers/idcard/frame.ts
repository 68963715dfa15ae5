/**
 * GA 467 (SAM_V) frame codec, pure functions over Uint8Array (DOMAIN.md §1).
 *
 *   host → reader: AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [DATA] | CHK
 *   reader → host: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [DATA] | CHK
 *
 * LEN (big-endian) counts every byte after itself, CHK included. CHK is the XOR
 * of LEN_H up to the byte before CHK.
 */

/** The five bytes every frame starts with. */
export const GA467_PREAMBLE: Readonly<Uint8Array> = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);

/** Preamble (5) + LEN (2). */
export const GA467_HEADER_SIZE = 7;

/** Largest LEN accepted by default: above the biggest known response (30 10, LEN 0x090A). */
export const GA467_DEFAULT_MAX_LENGTH = 0x0a00;

/** A reader → host frame. */
export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** A host → reader frame. */
export interface CommandFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

/** Which direction a decoder listens to. */
export type FrameDirection = 'response' | 'command';

/** The frame type a decoder of the given direction emits. */
export type FrameOf<D extends FrameDirection> = D extends 'command' ? CommandFrame : ResponseFrame;

/** Why bytes were dropped: no preamble, LEN out of bounds, or XOR mismatch. */
export type DiscardReason = 'noise' | 'checksum' | 'length';

/** One thing the decoder found in the byte stream, in stream order. */
export type DecodedItem<F = ResponseFrame> =
  { kind: 'frame'; frame: F } | { kind: 'discarded'; bytes: number; reason: DiscardReason };

/** XOR of `bytes[start..end)`. */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** Builds a frame from its body (the bytes between LEN and CHK). */
function encodeBody(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`GA 467 frame body too long: ${body.length} bytes`);
  const out = new Uint8Array(GA467_HEADER_SIZE + len);
  out.set(GA467_PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, GA467_HEADER_SIZE);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

/** Encodes a host → reader command frame, e.g. `encodeCommand(0x20, 0x01)` → `AA AA AA 96 69 00 03 20 01 22`. */
export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeBody(body);
}

/** Encodes a reader → host response frame; SW1 SW2 default to `00 00` as on every known device. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeBody(body);
}

/** Options of {@link Ga467FrameDecoder}. */
export interface FrameDecoderOptions<D extends FrameDirection> {
  /** `response` (default) decodes what a reader sends; `command` decodes what a host sends (simulators). */
  direction?: D;
  /** Largest LEN accepted; larger ones are treated as a false preamble. Default 0x0A00. */
  maxLength?: number;
}

/**
 * Streaming GA 467 decoder: feed it chunks as they arrive, get back complete
 * frames and reports of dropped bytes. It never emits a frame whose checksum
 * fails; after a bad LEN or checksum it skips only the five preamble bytes
 * and rescans, so a real frame hidden behind a false preamble is still found.
 * Decisions depend only on the bytes, never on how they were chunked.
 *
 * XOR-8 cannot catch everything: a corrupted LEN that happens to land on a
 * matching checksum byte yields a shorter or longer frame (about 1 in 256).
 * Callers that know the expected response size must check it.
 */
export class Ga467FrameDecoder<D extends FrameDirection = 'response'> {
  private readonly direction: FrameDirection;
  private readonly minLength: number;
  private readonly maxLength: number;
  private buffer = new Uint8Array(4096);
  private start = 0;
  private end = 0;

  constructor(options: FrameDecoderOptions<D> = {}) {
    this.direction = options.direction ?? 'response';
    // Smallest body: SW1 SW2 SW3 + CHK, or CMD PARA + CHK.
    this.minLength = this.direction === 'response' ? 4 : 3;
    this.maxLength = Math.min(0xffff, options.maxLength ?? GA467_DEFAULT_MAX_LENGTH);
  }

  /** Bytes held back waiting for the rest of a frame (or a possible preamble start). */
  get pendingBytes(): number {
    return this.end - this.start;
  }

  /** Drops everything buffered (e.g. before retrying a command after a timeout). Returns how many bytes were dropped. */
  reset(): number {
    const dropped = this.end - this.start;
    this.start = 0;
    this.end = 0;
    return dropped;
  }

  /** Feeds one chunk; returns frames and discards found so far, in stream order. */
  push(chunk: Uint8Array): DecodedItem<FrameOf<D>>[] {
    this.append(chunk);
    const items: DecodedItem<FrameOf<D>>[] = [];
    let noise = 0;
    const flushNoise = (): void => {
      if (noise > 0) items.push({ kind: 'discarded', bytes: noise, reason: 'noise' });
      noise = 0;
    };
    const buf = this.buffer;
    for (;;) {
      const at = this.findPreamble();
      if (at < 0) {
        // Keep a tail that may be the start of a preamble split across chunks.
        const keep = this.partialPreambleTail();
        noise += this.end - keep - this.start;
        this.start = this.end - keep;
        break;
      }
      noise += at - this.start;
      this.start = at;
      if (this.end - at < GA467_HEADER_SIZE) break;
      const len = (buf[at + 5]! << 8) | buf[at + 6]!;
      if (len < this.minLength || len > this.maxLength) {
        flushNoise();
        items.push({ kind: 'discarded', bytes: GA467_PREAMBLE.length, reason: 'length' });
        this.start = at + GA467_PREAMBLE.length;
        continue;
      }
      const total = GA467_HEADER_SIZE + len;
      if (this.end - at < total) break;
      const chkAt = at + total - 1;
      if (xorChecksum(buf, at + 5, chkAt) !== buf[chkAt]) {
        flushNoise();
        // The preamble has no self-overlap, so no real frame can start inside it.
        items.push({ kind: 'discarded', bytes: GA467_PREAMBLE.length, reason: 'checksum' });
        this.start = at + GA467_PREAMBLE.length;
        continue;
      }
      flushNoise();
      items.push({ kind: 'frame', frame: this.frameAt(at, chkAt) as FrameOf<D> });
      this.start = at + total;
    }
    flushNoise();
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
    return items;
  }

  private frameAt(at: number, chkAt: number): ResponseFrame | CommandFrame {
    const buf = this.buffer;
    const b = at + GA467_HEADER_SIZE;
    if (this.direction === 'response') {
      return { sw1: buf[b]!, sw2: buf[b + 1]!, sw3: buf[b + 2]!, data: buf.slice(b + 3, chkAt) };
    }
    return { cmd: buf[b]!, para: buf[b + 1]!, data: buf.slice(b + 2, chkAt) };
  }

  private findPreamble(): number {
    const buf = this.buffer;
    const last = this.end - GA467_PREAMBLE.length;
    for (let i = this.start; i <= last; i++) {
      if (buf[i] === 0xaa && buf[i + 1] === 0xaa && buf[i + 2] === 0xaa && buf[i + 3] === 0x96 && buf[i + 4] === 0x69) {
        return i;
      }
    }
    return -1;
  }

  /** Length of the longest buffer suffix that is a proper prefix of the preamble. */
  private partialPreambleTail(): number {
    const avail = this.end - this.start;
    for (let k = Math.min(GA467_PREAMBLE.length - 1, avail); k > 0; k--) {
      let match = true;
      for (let j = 0; j < k; j++) {
        if (this.buffer[this.end - k + j] !== GA467_PREAMBLE[j]) {
          match = false;
          break;
        }
      }
      if (match) return k;
    }
    return 0;
  }

  private append(chunk: Uint8Array): void {
    const used = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      if (used + chunk.length <= this.buffer.length && this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        let size = this.buffer.length;
        while (size < used + chunk.length) size *= 2;
        const grown = new Uint8Array(size);
        grown.set(this.buffer.subarray(this.start, this.end), 0);
        this.buffer = grown;
      }
      this.start = 0;
      this.end = used;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }
}
