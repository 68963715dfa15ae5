/**
 * Fuzzes the receipt printer's codecs: `npx tsx scripts/fuzz-escpos.ts [--iterations N] [--seed S]`
 * (default 1 000 000 iterations).
 *
 * Every iteration:
 * - the `DLE EOT` status decoder gets a random byte for a random n: it must
 *   return a reply exactly when the fixed bits are right (bit1 = 1, bit4 = 1,
 *   bit0 = 0, bit7 = 0), with every flag equal to its bit (an independent
 *   oracle), and `combineStatus` must refuse any quadruple holding a bad byte;
 * - the ESC/POS parser gets random or command-shaped bytes, once whole and
 *   once in random chunks: no exception, the same events both ways.
 * Every 32nd iteration a receipt round trip: random text (ASCII, CJK,
 * Extension A, supplementary planes, control characters) and a QR code are
 * encoded, fed to the simulator in random chunks and must come back exactly
 * (lines, QR data, cut, no overflow); then the same bytes, mutated (flips,
 * inserts, deletes, duplicated slices, stray `DLE EOT n`), must not crash or
 * hang it, must parse the same whole or chunked, and every `DLE EOT 1..4` in
 * them must get exactly one reply with correct fixed bits.
 */
import { pathToFileURL } from 'node:url';
import { encodeReceipt, type ReceiptBlock } from '../drivers/receipt/encode';
import { EscPosParser, type EscPosEvent } from '../drivers/receipt/escpos-parser';
import { prepareGb18030 } from '../drivers/receipt/gb18030';
import { createReceiptSimulator, type PrintedReceipt } from '../drivers/receipt/simulator';
import { combineStatus, decodeStatusByte, isStatusByte, type StatusQuery } from '../drivers/receipt/status';
import { sanitizeText } from '../drivers/receipt/text';
import { wrapText } from '../drivers/receipt/wrap';
import type { Transport, TransportEvents } from '../drivers/transport/transport';
import { emptyStats, formatReport, fuzzLoop, int, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { deleteBytes, duplicateSlice, insertByte, mutateBytes, randomChunks, setByte, type ByteMutation } from './fuzz/mutate';

export type { FuzzOptions as EscPosFuzzOptions } from './fuzz/harness';

/** What a fuzz run saw; `failures` empty means it passed. */
export interface EscPosFuzzReport extends FuzzStats {
  statusBytes: number;
  /** Of those, how many had correct fixed bits (expect 1/16). */
  validStatusBytes: number;
  parserBytes: number;
  roundTrips: number;
  mutatedStreams: number;
  statusRequestsAnswered: number;
}

/** Independent oracle for one status byte: the flags DOMAIN.md §8 gives, from the raw bits. */
function checkStatusByte(n: StatusQuery, byte: number): string | undefined {
  const valid = (byte & 0x01) === 0 && (byte & 0x02) !== 0 && (byte & 0x10) !== 0 && (byte & 0x80) === 0;
  const reply = decodeStatusByte(n, byte);
  if (valid !== (reply !== undefined)) return `DLE EOT ${n} byte 0x${byte.toString(16)}: valid=${valid} but decoded=${reply !== undefined}`;
  if (valid !== isStatusByte(byte)) return `isStatusByte(0x${byte.toString(16)}) wrong`;
  if (!reply) return undefined;
  const b = (k: number): boolean => (byte & (1 << k)) !== 0;
  const expected: Record<StatusQuery, Record<string, boolean>> = {
    1: { drawerPin3: b(2), offline: b(3), waitingForRecovery: b(5), feedButton: b(6) },
    2: { coverOpen: b(2), feedingByButton: b(3), stoppedByPaperEnd: b(5), error: b(6) },
    3: { cutterError: b(3), unrecoverable: b(5), autoRecoverable: b(6) },
    4: { nearEnd: b(2) || b(3), end: b(5) || b(6) },
  };
  for (const [key, value] of Object.entries(expected[n])) {
    if ((reply as unknown as Record<string, unknown>)[key] !== value) return `DLE EOT ${n} byte 0x${byte.toString(16)}: ${key} should be ${value}`;
  }
  return undefined;
}

function checkCombined(raw: [number, number, number, number]): string | undefined {
  const combined = combineStatus(raw);
  const allValid = raw.every(isStatusByte);
  if (allValid !== (combined !== undefined)) return `combineStatus(${raw.join(',')}) defined=${combined !== undefined}, all valid=${allValid}`;
  if (!combined) return undefined;
  const paperOut = (raw[3] & 0x60) !== 0 || (raw[1] & 0x20) !== 0;
  const low = (raw[3] & 0x0c) !== 0;
  const paper = paperOut ? 'out' : low ? 'low' : 'ok';
  if (combined.paper !== paper) return `combineStatus(${raw.join(',')}).paper ${combined.paper}, expected ${paper}`;
  if (combined.online !== ((raw[0] & 0x08) === 0)) return `combineStatus(${raw.join(',')}).online wrong`;
  if (combined.coverOpen !== ((raw[1] & 0x04) !== 0)) return `combineStatus(${raw.join(',')}).coverOpen wrong`;
  return undefined;
}

/** Bytes that look like ESC/POS: command prefixes, parameters, text, GB18030 lead bytes. */
function randomCommandish(random: Random, length: number): Uint8Array {
  const pool = [0x1b, 0x1d, 0x1c, 0x10, 0x04, 0x0a, 0x00, 0x28, 0x6b, 0x56, 0x21, 0x40, 0x26, 0x2e, 0x31, 0x50, 0x51, 0x76, 0x30, 0xff, 0x81, 0x30];
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = random() < 0.6 ? pool[int(random, pool.length)]! : int(random, 256);
  return out;
}

const chunksOf = (random: Random, bytes: Uint8Array): Uint8Array[] => randomChunks(random, bytes, 4, 64);

function eventsKey(events: readonly EscPosEvent[]): string {
  // Merge adjacent text runs (a run may end at a chunk's text cap either way).
  const merged: unknown[] = [];
  for (const e of events) {
    const last = merged[merged.length - 1] as { kind?: string; bytes?: number[] } | undefined;
    if (e.kind === 'text' && last?.kind === 'text') last.bytes!.push(...e.bytes);
    else merged.push(JSON.parse(JSON.stringify(e, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v))) as unknown);
  }
  return JSON.stringify(merged);
}

function parseAll(chunks: readonly Uint8Array[]): EscPosEvent[] {
  const parser = new EscPosParser();
  const events: EscPosEvent[] = [];
  for (const c of chunks) events.push(...parser.push(c));
  events.push(...parser.flush());
  return events;
}

/** A synchronous in-process transport for feeding the simulator without a microtask per chunk. */
function syncTransport(): { transport: Transport; feed(chunk: Uint8Array): void; written: number[] } {
  let listener: TransportEvents['data'] | undefined;
  const written: number[] = [];
  const transport: Transport = {
    description: 'fuzz',
    isOpen: true,
    open: async () => ({ ok: true, value: undefined }),
    close: async () => undefined,
    async write(bytes) {
      written.push(...bytes);
      return { ok: true, value: undefined };
    },
    on(event, l) {
      if (event === 'data') listener = l as TransportEvents['data'];
      return () => undefined;
    },
  };
  return { transport, feed: (chunk) => listener?.(chunk), written };
}

/** Runs the simulator on `chunks` and returns its receipts (finished and pending) and reply bytes. */
async function simulate(chunks: readonly Uint8Array[], columns: number): Promise<{ receipts: PrintedReceipt[]; replies: number[] }> {
  const { transport, feed, written } = syncTransport();
  const sim = createReceiptSimulator(transport, { columns });
  await sim.start();
  for (const c of chunks) feed(c);
  await Promise.resolve();
  const receipts = [...sim.receipts];
  if (sim.pending) receipts.push(sim.pending);
  return { receipts, replies: written };
}

const SAMPLE_CHARS = [
  ...'的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感',
  ...'喆堃龑䶮㐀䶵𠮷𪚥𠀀𬌗',
  ...'ABCxyz0129 .,:-/()￥€…·',
  '\u001b', '\n', '\t', '\u0010', '\u0000', '\u00a0',
];

function randomText(random: Random, maxChars: number): string {
  let s = '';
  const n = int(random, maxChars + 1);
  for (let i = 0; i < n; i++) s += SAMPLE_CHARS[int(random, SAMPLE_CHARS.length)]!;
  return s;
}

/** A stray status request (`DLE EOT n`, n = 1..4) inserted into a stream. */
const insertStatusRequest: ByteMutation = (out, at, random) => {
  out.splice(at, 0, 0x10, 0x04, 1 + int(random, 4));
};

const RECEIPT_MUTATIONS = [setByte, insertByte, deleteBytes(8), duplicateSlice(32), insertStatusRequest];

const mutate = (random: Random, bytes: Uint8Array): Uint8Array => mutateBytes(random, bytes, RECEIPT_MUTATIONS, 8);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

async function roundTrip(random: Random, fail: (what: string) => void, report: EscPosFuzzReport): Promise<void> {
  const paperWidthMm = random() < 0.5 ? 58 : 80;
  const columns = paperWidthMm === 58 ? 32 : 48;
  const texts = Array.from({ length: 1 + int(random, 5) }, () => randomText(random, 60));
  const qr = `https://onedoor.example/p?n=${int(random, 1e9)}&t=${encodeURIComponent(randomText(random, 8))}`;
  const blocks: ReceiptBlock[] = [
    ...texts.map((text) => ({ kind: 'text' as const, text, bold: random() < 0.3 })),
    { kind: 'qr', data: qr },
    { kind: 'cut' },
  ];
  const encoded = encodeReceipt({ blocks }, { paperWidthMm });
  if (!encoded.ok) return fail(`encode failed: ${encoded.error.message}`);
  const expected = [...texts.flatMap((t) => wrapText(sanitizeText(t), columns)), ''];
  const { receipts } = await simulate(chunksOf(random, encoded.value), columns);
  report.roundTrips++;
  const r = receipts[0];
  if (receipts.length !== 1 || !r) return fail(`round trip gave ${receipts.length} receipts`);
  if (!sameJson(r.lines, expected)) return fail(`round trip lines ${JSON.stringify(r.lines)} != ${JSON.stringify(expected)}`);
  if (!sameJson(r.qrCodes, [qr]) || !r.cut || r.interrupted || r.overflowLines !== 0)
    return fail(`round trip: qr ${JSON.stringify(r.qrCodes)}, cut ${r.cut}, interrupted ${r.interrupted}, overflow ${r.overflowLines}`);

  // The same receipt, mutated.
  const mutated = mutate(random, encoded.value);
  report.mutatedStreams++;
  report.parserBytes += mutated.length;
  const whole = parseAll([mutated]);
  const split = parseAll(chunksOf(random, mutated));
  if (eventsKey(whole) !== eventsKey(split)) return fail('mutated stream parses differently whole and chunked');
  const asked = whole.filter((e) => e.kind === 'statusRequest' && e.n >= 1 && e.n <= 4).length;
  const a = await simulate([mutated], columns);
  const b = await simulate(chunksOf(random, mutated), columns);
  if (!sameJson(a, b)) return fail('simulator gives different receipts or replies for whole and chunked input');
  if (a.replies.length !== asked) return fail(`${asked} status requests but ${a.replies.length} replies`);
  if (!a.replies.every(isStatusByte)) return fail(`a reply violates the fixed bits: ${a.replies.join(',')}`);
  report.statusRequestsAnswered += asked;
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export async function runEscPosFuzz(options: FuzzOptions): Promise<EscPosFuzzReport> {
  prepareGb18030();
  return fuzzLoop<EscPosFuzzReport>(
    options,
    0xe5c,
    (seed) => ({ ...emptyStats(seed), statusBytes: 0, validStatusBytes: 0, parserBytes: 0, roundTrips: 0, mutatedStreams: 0, statusRequestsAnswered: 0 }),
    (iteration, report) => {
      const { random, fail, index: i } = iteration;
      // Status decoder.
      const n = (1 + int(random, 4)) as StatusQuery;
      const byte = int(random, 256);
      report.statusBytes++;
      if (isStatusByte(byte)) report.validStatusBytes++;
      const problem = checkStatusByte(n, byte);
      if (problem) fail(problem);
      const quad: [number, number, number, number] = [0, 0, 0, 0].map(() => (random() < 0.8 ? 0x12 | (int(random, 256) & 0x6c) : int(random, 256))) as [number, number, number, number];
      const combinedProblem = checkCombined(quad);
      if (combinedProblem) fail(combinedProblem);
      // Parser on random or command-shaped bytes.
      const length = int(random, 48);
      const input = random() < 0.5 ? randomCommandish(random, length) : Uint8Array.from({ length }, () => int(random, 256));
      report.parserBytes += input.length;
      if (eventsKey(parseAll([input])) !== eventsKey(parseAll(chunksOf(random, input)))) fail(`parser differs whole vs chunked on ${[...input].join(',')}`);
      return i % 32 === 0 ? roundTrip(random, fail, report) : undefined;
    },
  );
}

/** One line summarising a report. */
export function formatEscPosFuzzReport(r: EscPosFuzzReport): string {
  return formatReport('escpos', r, [
    `status bytes ${r.statusBytes} (${r.validStatusBytes} with valid fixed bits)`,
    `parser bytes ${r.parserBytes}`,
    `receipt round trips ${r.roundTrips}`,
    `mutated streams ${r.mutatedStreams}`,
    `status requests answered ${r.statusRequestsAnswered}`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'escpos', ...process.argv.slice(2)]));
}
