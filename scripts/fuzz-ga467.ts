/**
 * Fuzzes the GA 467 streaming decoder: `npx tsx scripts/fuzz-ga467.ts [--iterations N] [--seed S]`.
 *
 * Each iteration builds a byte stream of valid frames, noise, fake preambles
 * and corrupted frames, feeds it to the decoder in random chunks and checks:
 * - no exception, and no iteration slower than the time guard;
 * - the same frames come out as when the stream is pushed in one piece;
 * - in "strict" iterations (noise without 0xAA, frames with one flipped bit
 *   outside LEN): exactly the intact frames come out, in order;
 * - in "adversarial" iterations (fake preambles, truncated frames, flipped LEN):
 *   every emitted frame lies byte for byte in the stream, in order; every
 *   intact frame comes out unless an emitted frame overlaps it. Frames that are
 *   not intact ones are XOR-8 collisions (about 1 in 256 per corrupted LEN):
 *   they are counted, and a rate far above that fails the run.
 */

import { pathToFileURL } from 'node:url';
import {
  encodeResponse,
  Ga467FrameDecoder,
  GA467_DEFAULT_MAX_LENGTH,
  type ResponseFrame,
} from '../drivers/idcard/frame';
import { emptyStats, formatReport, fuzzLoopSync, int, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { randomBytes as bytesOf, randomChunks, sameBytes } from './fuzz/mutate';

export type { FuzzOptions } from './fuzz/harness';

/** What a fuzz run saw; `failures` empty means it passed. */
export interface FuzzReport extends FuzzStats {
  framesSent: number;
  framesDecoded: number;
  /** Corrupted frames and fake preambles sent. */
  corruptedFrames: number;
  /** Checksum-valid frames that the generator did not send intact (XOR-8 limit). */
  collisions: number;
  bytes: number;
}

const randomBytes = (random: Random, n: number, avoidAA: boolean): Uint8Array => bytesOf(random, n, avoidAA ? 0xaa : undefined);

function randomFrame(random: Random): Uint8Array {
  const roll = random();
  // Mostly short answers, sometimes a full read answer.
  const size = roll < 0.05 ? 1284 : roll < 0.1 ? 16 : int(random, 24);
  const sw3 = [0x90, 0x9f, 0x80, 0x41, 0x60, int(random, 256)][int(random, 6)]!;
  return encodeResponse(sw3, randomBytes(random, size, false), int(random, 4) === 0 ? int(random, 256) : 0, 0);
}

/** Noise for adversarial iterations: random bytes, preamble fragments, fake preambles with random LEN. */
function adversarialNoise(random: Random, countFake: () => void): Uint8Array {
  const parts: number[] = [];
  const n = 1 + int(random, 4);
  for (let i = 0; i < n; i++) {
    switch (int(random, 4)) {
      case 0:
        parts.push(...randomBytes(random, int(random, 20), false));
        break;
      case 1:
        parts.push(...[0xaa, 0xaa, 0xaa, 0x96, 0x69].slice(0, 1 + int(random, 4)));
        break;
      case 2:
        countFake();
        parts.push(0xaa, 0xaa, 0xaa, 0x96, 0x69, int(random, 256) & (int(random, 2) ? 0x0f : 0x00), int(random, 256));
        break;
      default:
        parts.push(...new Array<number>(1 + int(random, 6)).fill(0xaa));
    }
  }
  return Uint8Array.from(parts);
}

interface Stream {
  /** What was sent, followed by zero padding that completes any frame pending on a false or truncated LEN. */
  bytes: Uint8Array;
  /** Start offsets and encodings of frames sent intact. */
  intact: { at: number; bytes: Uint8Array }[];
  corrupted: number;
}

function buildStream(random: Random, strict: boolean): Stream {
  const parts: Uint8Array[] = [];
  const intact: Stream['intact'] = [];
  let length = 0;
  let corrupted = 0;
  const add = (bytes: Uint8Array): void => {
    parts.push(bytes);
    length += bytes.length;
  };
  const segments = 1 + int(random, 6);
  for (let s = 0; s < segments; s++) {
    const roll = random();
    if (roll < 0.5) {
      const frame = randomFrame(random);
      intact.push({ at: length, bytes: frame });
      add(frame);
    } else if (roll < 0.75) {
      add(strict ? randomBytes(random, int(random, 30), true) : adversarialNoise(random, () => corrupted++));
    } else {
      corrupted++;
      const frame = randomFrame(random).slice();
      if (strict) {
        // One flipped bit anywhere except the LEN field.
        let at = int(random, frame.length - 2);
        if (at >= 5) at += 2;
        frame[at]! ^= 1 << int(random, 8);
        add(frame);
      } else {
        switch (int(random, 3)) {
          case 0: {
            const at = 5 + int(random, 2);
            frame[at]! ^= 1 << int(random, 8);
            add(frame);
            break;
          }
          case 1:
            add(frame.subarray(0, int(random, frame.length)));
            break;
          default: {
            const at = int(random, frame.length);
            frame[at]! ^= 1 + int(random, 255);
            add(frame);
          }
        }
      }
    }
  }
  const bytes = new Uint8Array(length + PADDING);
  let off = 0;
  for (const p of parts) {
    bytes.set(p, off);
    off += p.length;
  }
  return { bytes, intact, corrupted };
}

const PADDING = GA467_DEFAULT_MAX_LENGTH + 8;

function decodeChunked(stream: Uint8Array, random: Random | undefined): ResponseFrame[] {
  const decoder = new Ga467FrameDecoder();
  const frames: ResponseFrame[] = [];
  for (const chunk of random === undefined ? [stream] : randomChunks(random, stream, 8, 300)) {
    for (const item of decoder.push(chunk)) if (item.kind === 'frame') frames.push(item.frame);
  }
  return frames;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export function runGa467Fuzz(options: FuzzOptions): FuzzReport {
  const report = fuzzLoopSync<FuzzReport>(
    options,
    0x467,
    (seed): FuzzReport => ({ ...emptyStats(seed), framesSent: 0, framesDecoded: 0, corruptedFrames: 0, collisions: 0, bytes: 0 }),
    (iteration, report) => {
      const { random, fail } = iteration;
      const strict = random() < 0.5;
      iteration.label = strict ? 'strict' : 'adversarial';
      const stream = buildStream(random, strict);
      report.bytes += stream.bytes.length - PADDING;
      report.framesSent += stream.intact.length;
      report.corruptedFrames += stream.corrupted;
      const frames = decodeChunked(stream.bytes, random);
      report.framesDecoded += frames.length;
      const encoded = frames.map((f) => encodeResponse(f.sw3, f.data, f.sw1, f.sw2));

      // Chunking must not matter.
      const whole = decodeChunked(stream.bytes, undefined).map((f) => encodeResponse(f.sw3, f.data, f.sw1, f.sw2));
      if (whole.length !== encoded.length || whole.some((w, k) => !sameBytes(w, encoded[k]!))) {
        fail(`chunked decode gave ${encoded.length} frames, whole decode ${whole.length}`);
        return;
      }

      if (strict) {
        if (encoded.length !== stream.intact.length || encoded.some((e, k) => !sameBytes(e, stream.intact[k]!.bytes))) {
          fail(`expected exactly ${stream.intact.length} intact frames, got ${encoded.length}`);
        }
        return;
      }
      // Every emitted frame must sit in the stream, in order.
      let cursor = 0;
      const spans: [number, number, boolean][] = [];
      for (const e of encoded) {
        const at = indexOf(stream.bytes, e, cursor);
        if (at < 0) {
          fail(`emitted a frame that is not in the stream: ${Buffer.from(e).toString('hex')}`);
          break;
        }
        const isIntact = stream.intact.some((f) => f.at === at && sameBytes(f.bytes, e));
        if (!isIntact) report.collisions++;
        spans.push([at, at + e.length, isIntact]);
        cursor = at + e.length;
      }
      // Every intact frame comes out unless a collision frame swallowed it.
      for (const f of stream.intact) {
        const emitted = spans.some(([a, , ok]) => ok && a === f.at);
        const overlapped = spans.some(([a, b, ok]) => !ok && a < f.at + f.bytes.length && f.at < b);
        if (!emitted && !overlapped) fail(`intact frame at ${f.at} was lost`);
      }
    },
  );
  // XOR-8 collisions should stay near 1/256 of corrupted frames; far more means a decoder bug.
  if (report.corruptedFrames > 1000 && report.collisions > report.corruptedFrames / 32) {
    report.failures.push(`collision rate too high: ${report.collisions} of ${report.corruptedFrames} corrupted frames`);
  }
  return report;
}

/** One line for logs and CI. */
export function formatFuzzReport(r: FuzzReport): string {
  return formatReport('ga467', r, [
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    `${r.framesSent} intact frames`,
    `${r.corruptedFrames} corrupted`,
    `${r.framesDecoded} decoded`,
    `${r.collisions} XOR-8 collisions`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) 
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'ga467', ...process.argv.slice(2)]));
