/**
 * GA 467 decoder throughput: `npx tsx scripts/bench-ga467.ts [--runs N]`.
 * A 115200 baud line carries 11.5 kB/s, so the targets leave a wide margin;
 * they exist to catch an accidental quadratic decoder.
 */

import { pathToFileURL } from 'node:url';
import { spread, type BenchRow } from './bench/row';
import { encodeResponse, Ga467FrameDecoder } from '../drivers/idcard/frame';

/** One benchmark result row. */
export type { BenchRow } from './bench/row';

function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** About `megabytes` MB of read answers (1295-byte frames) with a little noise between some. */
function readAnswerStream(megabytes: number): Uint8Array {
  const frame = encodeResponse(0x90, pseudoRandomBytes(1284, 42));
  const noise = pseudoRandomBytes(37, 7).map((b) => (b === 0xaa ? 0 : b));
  const count = Math.ceil((megabytes * 1e6) / (frame.length + noise.length));
  const out = new Uint8Array(count * (frame.length + noise.length));
  for (let i = 0, at = 0; i < count; i++) {
    out.set(frame, at);
    at += frame.length;
    if (i % 3 === 0) {
      out.set(noise, at);
      at += noise.length;
    }
  }
  return out;
}

/** MB/s of each of `runs` whole-stream decodes. */
function measure(stream: Uint8Array, chunkSize: number, runs: number, expectFrames = true): number[] {
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const decoder = new Ga467FrameDecoder();
    let frames = 0;
    const t0 = performance.now();
    for (let at = 0; at < stream.length; at += chunkSize) {
      for (const item of decoder.push(stream.subarray(at, at + chunkSize))) if (item.kind === 'frame') frames++;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (expectFrames && frames === 0) throw new Error('bench stream decoded to no frames');
    rates.push(stream.length / 1e6 / seconds);
  }
  return rates;
}

/** Runs the decoder benchmarks and returns one row per scenario (MB/s: median, min and max of `runs`). */
export function benchGa467Decoder(options: { runs?: number; megabytes?: number } = {}): BenchRow[] {
  const runs = options.runs ?? 7;
  const megabytes = options.megabytes ?? 8;
  const answers = readAnswerStream(megabytes);
  const noise = pseudoRandomBytes(megabytes * 1e6, 99);
  measure(answers, 4096, 2); // warm-up
  return [
    {
      id: 'ga467.decode.read-answers.64B-chunks',
      ...spread(measure(answers, 64, runs)),
      unit: 'MB/s',
      target: 20,
      better: 'higher',
    },
    {
      id: 'ga467.decode.read-answers.4KiB-chunks',
      ...spread(measure(answers, 4096, runs)),
      unit: 'MB/s',
      target: 40,
      better: 'higher',
    },
    {
      id: 'ga467.decode.noise.4KiB-chunks',
      ...spread(measure(noise, 4096, runs, false)),
      unit: 'MB/s',
      target: 40,
      better: 'higher',
    },
  ];
}

function main(): void {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 7;
  const rows = benchGa467Decoder({ runs });
  let ok = true;
  for (const row of rows) {
    const pass = row.better === 'higher' ? row.median >= row.target : row.median <= row.target;
    ok &&= pass;
    console.log(
      `${row.id.padEnd(42)} ${row.median.toFixed(1).padStart(8)} ${row.unit}  target ${row.better === 'higher' ? '≥' : '≤'} ${row.target}  ${pass ? 'ok' : 'BELOW TARGET'}`,
    );
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
