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

/** How long and how to fuzz. */
export interface FuzzOptions {
  iterations: number;
  seed?: number;
  /** Longest an iteration may take before it counts as a hang. Default 1000 ms (an iteration normally takes well under 1 ms; GC pauses reach a few hundred). */
  timeGuardMs?: number;
  /** Stop after this many failures. Default 10. */
  maxFailures?: number;
}

/** What a fuzz run saw; `failures` empty means it passed. */
export interface FuzzReport {
  iterations: number;
  framesSent: number;
  framesDecoded: number;
  /** Corrupted frames and fake preambles sent. */
  corruptedFrames: number;
  /** Checksum-valid frames that the generator did not send intact (XOR-8 limit). */
  collisions: number;
  bytes: number;
  elapsedMs: number;
  /** Slowest single iteration. */
  maxIterationMs: number;
  failures: string[];
}

type Random = () => number;

function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, n: number): number => Math.floor(random() * n);

function randomBytes(random: Random, n: number, avoidAA: boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let b = int(random, 256);
    if (avoidAA && b === 0xaa) b = 0xab;
    out[i] = b;
  }
  return out;
}

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
  const collect = (chunk: Uint8Array): void => {
    for (const item of decoder.push(chunk)) if (item.kind === 'frame') frames.push(item.frame);
  };
  if (random === undefined) {
    collect(stream);
  } else {
    for (let at = 0; at < stream.length;) {
      const size = 1 + int(random, random() < 0.5 ? 8 : 300);
      collect(stream.subarray(at, at + size));
      at += size;
    }
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

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export function runGa467Fuzz(options: FuzzOptions): FuzzReport {
  const seed = options.seed ?? 0x467;
  const guard = options.timeGuardMs ?? 1000;
  const maxFailures = options.maxFailures ?? 10;
  const random = seededRandom(seed);
  const report: FuzzReport = {
    iterations: 0,
    framesSent: 0,
    framesDecoded: 0,
    corruptedFrames: 0,
    collisions: 0,
    bytes: 0,
    elapsedMs: 0,
    maxIterationMs: 0,
    failures: [],
  };
  const began = performance.now();
  for (let i = 0; i < options.iterations && report.failures.length < maxFailures; i++) {
    const t0 = performance.now();
    const strict = random() < 0.5;
    const fail = (what: string): void => {
      report.failures.push(`iteration ${i} (seed ${seed}, ${strict ? 'strict' : 'adversarial'}): ${what}`);
    };
    try {
      const stream = buildStream(random, strict);
      report.iterations++;
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
        continue;
      }

      if (strict) {
        if (encoded.length !== stream.intact.length || encoded.some((e, k) => !sameBytes(e, stream.intact[k]!.bytes))) {
          fail(`expected exactly ${stream.intact.length} intact frames, got ${encoded.length}`);
        }
      } else {
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
      }
    } catch (error) {
      fail(`exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const took = performance.now() - t0;
    report.maxIterationMs = Math.max(report.maxIterationMs, took);
    if (took > guard) fail(`took ${took.toFixed(1)} ms (guard ${guard} ms)`);
  }
  report.elapsedMs = performance.now() - began;
  // XOR-8 collisions should stay near 1/256 of corrupted frames; far more means a decoder bug.
  if (report.corruptedFrames > 1000 && report.collisions > report.corruptedFrames / 32) {
    report.failures.push(`collision rate too high: ${report.collisions} of ${report.corruptedFrames} corrupted frames`);
  }
  return report;
}

/** One line for logs and CI. */
export function formatFuzzReport(r: FuzzReport): string {
  const mb = r.bytes / 1e6;
  return (
    `ga467 fuzz: ${r.iterations} iterations, ${mb.toFixed(1)} MB, ${r.framesSent} intact frames, ` +
    `${r.corruptedFrames} corrupted, ${r.framesDecoded} decoded, ${r.collisions} XOR-8 collisions, ` +
    `${r.failures.length} failures, ${(r.elapsedMs / 1000).toFixed(1)} s (slowest iteration ${r.maxIterationMs.toFixed(1)} ms)`
  );
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const iterations = Number(argument('--iterations') ?? 1_000_000);
  const seed = Number(argument('--seed') ?? 0x467);
  if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(seed)) {
    console.error('usage: tsx scripts/fuzz-ga467.ts [--iterations N] [--seed S]');
    process.exit(2);
  }
  const report = runGa467Fuzz({ iterations, seed });
  for (const f of report.failures) console.error(f);
  console.log(formatFuzzReport(report));
  process.exit(report.failures.length === 0 ? 0 : 1);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
