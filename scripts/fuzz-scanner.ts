/**
 * Fuzzes the QR/barcode scanner's line decoder (drivers/scanner/line-decoder.ts):
 * `npx tsx scripts/fuzz-scanner.ts [--iterations N] [--seed S]`.
 *
 * Every iteration picks a suffix (CR, LF, CRLF) and a maximum length (1 to
 * 4096 bytes), and:
 * - generates a stream of codes (ASCII, digits, URLs, CJK, 4-byte UTF-8,
 *   control characters, BOM; no CR or LF, with CR inside codes for an LF
 *   scanner), each followed by the suffix, with stray empty lines, over-long
 *   lines and lines that are not UTF-8 mixed in, and now and then a CRLF
 *   scanner read by a decoder set to CR (the documented tolerance). Fed in
 *   random chunks (sometimes byte by byte, with empty chunks, sometimes after
 *   a `reset()` that drops a partial line of garbage), it must give exactly the
 *   codes sent, and one typed error per bad line, in order;
 * - mutates that stream (bit flips, inserts, deletes, duplicated slices,
 *   truncation, random bytes, terminators, runs of bytes without a
 *   terminator): no exception, no code longer than the maximum, no empty
 *   code, no code holding its terminator, the same events whole and chunked,
 *   and exactly the events of an independent model of the documented
 *   behaviour (split at the terminator; strip a CRLF line's CR or a CR line's
 *   leading LF; skip empty lines; a line over the maximum is one `overlong`
 *   error, reported as soon as it overflows; a line that is not UTF-8, by a
 *   validator written here, is one `invalidUtf8` error).
 */
import { pathToFileURL } from 'node:url';
import { suffixBytes, type LineSuffix } from '../drivers/scanner/config';
import { createLineDecoder, type LineEvent } from '../drivers/scanner/line-decoder';
import { emptyStats, formatReport, fuzzLoop, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { concatBytes, insertToken, mutateBytes, randomBytes, randomChunks, STANDARD_MUTATIONS, type ByteMutation } from './fuzz/mutate';

/** What a fuzz run saw; `failures` empty means it passed. */
export interface ScannerFuzzReport extends FuzzStats {
  codesSent: number;
  codesDecoded: number;
  /** Bad lines sent on purpose (over-long, not UTF-8) and errors decoded from generated streams. */
  badLinesSent: number;
  mutatedStreams: number;
  /** Events decoded from mutated streams: codes and errors. */
  mutatedCodes: number;
  mutatedErrors: number;
  bytes: number;
}

const CR = 0x0d;
const LF = 0x0a;
const encoder = new TextEncoder();
/** Used only on lines isUtf8 accepted; keeps a leading BOM as the decoder does. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const CHAR_POOLS: readonly (readonly string[])[] = [
  [...'0123456789'],
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_./:?=&%+#'],
  [...'一门通办智慧警务工作站平顶山市公安局湖滨派出所码号缴费'],
  ['😀', '𠮷', '𪚥', '🇨🇳', 'é', 'ß', '€', '\u00a0', '\ufeff', '\u200b'],
  ['\u0000', '\u0001', '\t', '\u001b', '\u007f', '\u0085', '\u2028'],
];

function randomCode(random: Random, maxLength: number, suffix: LineSuffix): string {
  const target = 1 + int(random, Math.min(maxLength, random() < 0.8 ? 40 : 600));
  let code = '';
  let bytes = 0;
  while (bytes < target) {
    // An LF scanner's code may hold a CR: only LF ends its line.
    const ch = suffix === 'LF' && random() < 0.02 ? '\r' : pick(random, pick(random, CHAR_POOLS));
    const n = encoder.encode(ch).length;
    if (bytes + n > maxLength) break;
    code += ch;
    bytes += n;
  }
  return code.length > 0 ? code : '0';
}

/** A line that must be dropped as over-long: more than maxLength bytes, no terminator. */
function overlongLine(random: Random, maxLength: number): Uint8Array {
  const n = maxLength + 1 + (random() < 0.5 ? int(random, 3) : int(random, 2 * maxLength + 10));
  const line = randomBytes(random, n);
  for (let i = 0; i < n; i++) if (line[i] === CR || line[i] === LF) line[i] = 0x41;
  return line;
}

/** A line that must be dropped as not UTF-8: a valid code with a byte UTF-8 never uses. */
function invalidLine(random: Random, maxLength: number, suffix: LineSuffix): Uint8Array {
  const code = [...encoder.encode(randomCode(random, Math.max(1, maxLength - 1), suffix))];
  if (code.length >= maxLength) code.length = maxLength - 1;
  code.splice(int(random, code.length + 1), 0, pick(random, [0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff]));
  return Uint8Array.from(code);
}

/** Strict UTF-8 (RFC 3629): shortest forms, no surrogates, nothing above U+10FFFF. */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [n, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [n, min, cp] = [3, 0x10000, b & 0x07];
    else return false;
    if (i + n >= bytes.length) return false; // truncated sequence
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

type Expected = { ok: true; value: string } | { ok: false; kind: 'overlong' | 'invalidUtf8'; length?: number };

/** The documented behaviour, as a whole-stream model (not a streaming one). */
function model(stream: Uint8Array, suffix: LineSuffix, maxLength: number): Expected[] {
  const terminator = suffix === 'CR' ? CR : LF;
  const out: Expected[] = [];
  let start = 0;
  for (let i = 0; i <= stream.length; i++) {
    const atEnd = i === stream.length;
    if (!atEnd && stream[i] !== terminator) continue;
    let line = stream.subarray(start, i);
    start = i + 1;
    // Buffered up to maxLength + 1 bytes (room for the CR or LF that is stripped); past that it overflows.
    if (line.length > maxLength + 1) {
      out.push({ ok: false, kind: 'overlong' });
      continue;
    }
    if (atEnd) break; // a partial line waits for its terminator
    if (suffix === 'CRLF' && line[line.length - 1] === CR) line = line.subarray(0, -1);
    if (suffix === 'CR' && line[0] === LF) line = line.subarray(1);
    if (line.length === 0) continue;
    if (line.length > maxLength) out.push({ ok: false, kind: 'overlong' });
    else if (!isUtf8(line)) out.push({ ok: false, kind: 'invalidUtf8', length: line.length });
    else out.push({ ok: true, value: utf8.decode(line) });
  }
  return out;
}

function decode(chunks: readonly Uint8Array[], suffix: LineSuffix, maxLength: number, garbage?: Uint8Array): LineEvent[] {
  const decoder = createLineDecoder({ suffix, maxLength });
  if (garbage) {
    decoder.push(garbage);
    decoder.reset();
  }
  return chunks.flatMap((c) => decoder.push(c));
}

const key = (e: LineEvent | Expected): string =>
  'value' in e ? `ok:${JSON.stringify(e.value)}` : 'kind' in e ? `err:${e.kind}${e.kind === 'invalidUtf8' ? `:${e.length}` : ''}` : `err:${e.error.kind}${e.error.kind === 'invalidUtf8' ? `:${e.error.length}` : ''}`;
const keys = (events: readonly (LineEvent | Expected)[]): string => events.map(key).join('\n');

/** Checks the decoder's guarantees on any input. */
function checkEvents(events: readonly LineEvent[], suffix: LineSuffix, maxLength: number): string | undefined {
  for (const e of events) {
    if (!e.ok) {
      if (e.error.kind === 'overlong' && e.error.maxLength !== maxLength) return `overlong error names maxLength ${e.error.maxLength}, not ${maxLength}`;
      continue;
    }
    const bytes = encoder.encode(e.value);
    if (bytes.length === 0) return 'emitted an empty code';
    if (bytes.length > maxLength) return `emitted a code of ${bytes.length} bytes, more than ${maxLength}`;
    if (e.value.includes(suffix === 'CR' ? '\r' : '\n')) return 'emitted a code holding its terminator';
  }
  return undefined;
}

function chunked(random: Random, bytes: Uint8Array): Uint8Array[] {
  const roll = random();
  if (roll < 0.05) return [...bytes].map((b) => Uint8Array.of(b));
  if (roll < 0.1) return [bytes];
  const chunks = randomChunks(random, bytes, 3, 200);
  if (random() < 0.1) chunks.splice(int(random, chunks.length + 1), 0, new Uint8Array(0));
  return chunks;
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export async function runScannerFuzz(options: FuzzOptions): Promise<ScannerFuzzReport> {
  return fuzzLoop<ScannerFuzzReport>(
    options,
    0x5ca,
    (seed) => ({ ...emptyStats(seed), codesSent: 0, codesDecoded: 0, badLinesSent: 0, mutatedStreams: 0, mutatedCodes: 0, mutatedErrors: 0, bytes: 0 }),
    (iteration, report) => {
      const { random, fail } = iteration;
      const suffix = pick(random, ['CR', 'LF', 'CRLF'] as const);
      const maxLength = random() < 0.3 ? 4096 : random() < 0.5 ? 1 + int(random, 8) : 1 + int(random, 300);
      // A CRLF scanner read by a decoder set to CR: documented to decode the same.
      const sent: LineSuffix = suffix === 'CR' && random() < 0.2 ? 'CRLF' : suffix;
      iteration.label = `${suffix}${sent !== suffix ? ' (scanner CRLF)' : ''}, max ${maxLength}`;
      const end = suffixBytes(sent);

      const parts: Uint8Array[] = [];
      const expected: Expected[] = [];
      const lines = int(random, 8);
      for (let k = 0; k < lines; k++) {
        const roll = random();
        if (roll < 0.1) {
          parts.push(overlongLine(random, maxLength), end);
          expected.push({ ok: false, kind: 'overlong' });
          report.badLinesSent++;
        } else if (roll < 0.15 && maxLength >= 2 && sent === suffix) {
          const line = invalidLine(random, maxLength, suffix);
          parts.push(line, end);
          expected.push({ ok: false, kind: 'invalidUtf8', length: line.length });
          report.badLinesSent++;
        } else if (roll < 0.2 && sent === suffix) {
          parts.push(end); // a stray empty line is skipped
        } else {
          const code = randomCode(random, maxLength, suffix);
          parts.push(encoder.encode(code), end);
          expected.push({ ok: true, value: code });
          report.codesSent++;
        }
      }
      const stream = concatBytes(parts);
      report.bytes += stream.length;
      const garbage = random() < 0.1 ? randomBytes(random, int(random, maxLength * 3 + 2)) : undefined;
      const events = decode(chunked(random, stream), suffix, maxLength, garbage);
      report.codesDecoded += events.filter((e) => e.ok).length;
      const problem = checkEvents(events, suffix, maxLength);
      if (problem) return fail(problem);
      if (keys(events) !== keys(expected)) return fail(`generated stream of ${lines} lines decoded to\n${keys(events)}\ninstead of\n${keys(expected)}`);

      // The same stream, mutated.
      const terminators: ByteMutation = insertToken([[CR], [LF], [CR, LF], [LF, CR]]);
      const run: ByteMutation = (out, at, r) => {
        out.splice(at, 0, ...new Array<number>(Math.max(0, maxLength - 2 + int(r, 6))).fill(0x30 + int(r, 10)));
      };
      const mutated = random() < 0.05 ? randomBytes(random, int(random, 2 * maxLength + 20)) : mutateBytes(random, stream, [...STANDARD_MUTATIONS, terminators, run], 6);
      report.mutatedStreams++;
      report.bytes += mutated.length;
      const whole = decode([mutated], suffix, maxLength);
      const split = decode(chunked(random, mutated), suffix, maxLength);
      report.mutatedCodes += whole.filter((e) => e.ok).length;
      report.mutatedErrors += whole.filter((e) => !e.ok).length;
      const mutatedProblem = checkEvents(whole, suffix, maxLength) ?? checkEvents(split, suffix, maxLength);
      if (mutatedProblem) return fail(`mutated stream: ${mutatedProblem}`);
      if (keys(whole) !== keys(split)) return fail('mutated stream decodes differently whole and chunked');
      const want = model(mutated, suffix, maxLength);
      if (keys(whole) !== keys(want)) return fail(`mutated stream of ${mutated.length} bytes decoded to\n${keys(whole)}\nbut the documented behaviour gives\n${keys(want)}`);
      return undefined;
    },
  );
}

/** One line summarising a report. */
export function formatScannerFuzzReport(r: ScannerFuzzReport): string {
  return formatReport('scanner', r, [
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    `${r.codesSent} codes sent`,
    `${r.codesDecoded} decoded`,
    `${r.badLinesSent} bad lines sent`,
    `${r.mutatedStreams} mutated streams (${r.mutatedCodes} codes, ${r.mutatedErrors} errors)`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'scanner', ...process.argv.slice(2)]));
}
