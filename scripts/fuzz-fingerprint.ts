/**
 * Fuzzes the fingerprint scanner's FP-HID v1 decoders
 * (drivers/fingerprint/reports.ts, assembler.ts; docs/fingerprint-protocol.md):
 * `npx tsx scripts/fuzz-fingerprint.ts [--iterations N] [--seed S]`.
 *
 * Every iteration:
 * - encodes random valid device reports (responses of every command and
 *   status, progress, data chunks) and a random command; each must decode to
 *   exactly what was encoded;
 * - mutates them (bit flips, byte sets, inserts, deletes, truncation, random
 *   bytes, and re-sealed mutations whose CRC-16 is recomputed so the field
 *   checks are reached): no exception; a refusal's kind must be the one an
 *   independent model of §2 gives for the layout (size, length, checksum,
 *   padding); every accepted report must re-encode to the very same 64 bytes
 *   (the decoder accepts only canonical reports) and respect its bounds;
 * - every fourth iteration, sends a capture's template (and sometimes image)
 *   chunks through the assembler, as sent or damaged (a chunk dropped,
 *   repeated, swapped, corrupted, cut short, or one too many): untouched it
 *   must give the same bytes, damaged it must never complete, and must
 *   refuse (only a missing last chunk leaves it waiting, for the host's
 *   capture timer).
 */
import { pathToFileURL } from 'node:url';
import { createCaptureAssembler } from '../drivers/fingerprint/assembler';
import { crc16, crc32 } from '../drivers/fingerprint/checksums';
import {
  MAX_CHUNK,
  MAX_PAYLOAD,
  MAX_TEMPLATE_BYTES,
  REPORT_SIZE,
  STATUS_CODE,
  type CommandReport,
  type DeviceReport,
  type StatusName,
} from '../drivers/fingerprint/protocol';
import { decodeCommand, decodeDeviceReport, encodeBlob, encodeCommand, encodeData, encodeProgress, encodeResponse } from '../drivers/fingerprint/reports';
import { emptyStats, formatReport, fuzzLoopSync, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { mutateBytes, randomBytes, sameBytes } from './fuzz/mutate';

export interface FingerprintFuzzReport extends FuzzStats {
  validReports: number;
  mutatedReports: number;
  rejectedReports: number;
  /** Mutated reports accepted (re-sealed ones that still made sense). */
  acceptedMutations: number;
  captures: number;
  damagedCaptures: number;
}

const STATUSES = Object.keys(STATUS_CODE) as StatusName[];

function randomDeviceReport(random: Random): DeviceReport {
  const seq = int(random, 256);
  switch (int(random, 5)) {
    case 0: {
      const serial = Array.from({ length: int(random, 33) }, () => String.fromCharCode(0x20 + int(random, 95))).join('');
      const imageWidth = 1 + int(random, 512);
      return { type: 'response', seq, command: 'getInfo', status: 'ok', body: { kind: 'info', info: { protocolVersion: 1, firmware: `${int(random, 256)}.${int(random, 256)}`, imageWidth, imageHeight: 1 + int(random, Math.min(65_535, Math.floor(262_144 / imageWidth))), dpi: int(random, 65536), serialNumber: serial } } };
    }
    case 1: {
      const imageLength = random() < 0.5 ? 0 : 1 + int(random, 262_144);
      return { type: 'response', seq, command: 'capture', status: 'ok', body: { kind: 'capture', header: { quality: int(random, 101), templateLength: 1 + int(random, MAX_TEMPLATE_BYTES), templateCrc32: int(random, 2 ** 32), imageLength, imageCrc32: imageLength === 0 ? 0 : int(random, 2 ** 32) } } };
    }
    case 2:
      return { type: 'response', seq, command: pick(random, ['getInfo', 'capture', 'cancel'] as const), status: pick(random, STATUSES.filter((s) => s !== 'ok')), body: { kind: 'none' } };
    case 3:
      return { type: 'progress', seq, state: pick(random, ['waitingForFinger', 'fingerDetected'] as const), quality: random() < 0.2 ? null : int(random, 101) };
    default:
      return { type: 'data', seq, blob: pick(random, ['template', 'image'] as const), index: int(random, 65536), bytes: randomBytes(random, 1 + int(random, MAX_CHUNK)) };
  }
}

function encodeDeviceReport(r: DeviceReport): Uint8Array {
  switch (r.type) {
    case 'response':
      return encodeResponse(r.seq, r.command, r.status, r.body);
    case 'progress':
      return encodeProgress(r.seq, r.state, r.quality);
    case 'data':
      return encodeData(r.seq, r.blob, r.index, r.bytes);
  }
}

function randomCommand(random: Random): CommandReport {
  const seq = int(random, 256);
  switch (int(random, 3)) {
    case 0:
      return { seq, command: 'getInfo' };
    case 1:
      return { seq, command: 'capture', timeoutMs: (1 + int(random, 600)) * 100, wantImage: random() < 0.5 };
    default:
      return { seq, command: 'cancel' };
  }
}

/** Recomputes the CRC-16 of a 64-byte report so that the checks after it are reached. */
function reseal(report: Uint8Array): Uint8Array {
  if (report.length !== REPORT_SIZE) return report;
  const out = report.slice();
  const crc = crc16(out, 0, REPORT_SIZE - 2);
  out[REPORT_SIZE - 2] = crc >> 8;
  out[REPORT_SIZE - 1] = crc & 0xff;
  return out;
}

/** The layout-level verdict of §2, written independently of the decoder: undefined when the layout is fine. */
function layoutModel(report: Uint8Array): 'size' | 'length' | 'checksum' | 'padding' | undefined {
  if (report.length !== REPORT_SIZE) return 'size';
  if (report[2]! > MAX_PAYLOAD) return 'length';
  let crc = 0xffff;
  for (let i = 0; i < REPORT_SIZE - 2; i++) {
    crc ^= report[i]! << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  if (crc !== ((report[62]! << 8) | report[63]!)) return 'checksum';
  for (let i = 3 + report[2]!; i < REPORT_SIZE - 2; i++) if (report[i] !== 0) return 'padding';
  return undefined;
}

function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const mutated = random() < 0.1 ? randomBytes(random, random() < 0.5 ? REPORT_SIZE : int(random, 80)) : mutateBytes(random, bytes, undefined, 4);
  // Half re-sealed: a valid CRC over damaged fields exercises the field checks.
  return random() < 0.5 ? reseal(mutated) : mutated;
}

function checkDevice(report: Uint8Array, fail: (what: string) => void, stats: FingerprintFuzzReport): void {
  const decoded = decodeDeviceReport(report);
  const model = layoutModel(report);
  if (!decoded.ok) {
    stats.rejectedReports++;
    const layoutKinds = ['size', 'length', 'checksum', 'padding'];
    if (model !== undefined && decoded.error.kind !== model) fail(`refused as ${decoded.error.kind}, the layout model says ${model}`);
    if (model === undefined && layoutKinds.includes(decoded.error.kind)) fail(`refused as ${decoded.error.kind}, but the layout is fine`);
    return;
  }
  stats.acceptedMutations++;
  if (model !== undefined) return fail(`accepted a report the layout refuses (${model})`);
  const value = decoded.value;
  if (value.type === 'data' && (value.bytes.length < 1 || value.bytes.length > MAX_CHUNK)) fail(`a chunk of ${value.bytes.length} bytes`);
  if (value.type === 'progress' && value.quality !== null && value.quality > 100) fail(`progress quality ${value.quality}`);
  if (!sameBytes(encodeDeviceReport(value), report)) fail(`accepted a ${value.type} report that does not re-encode to the same bytes`);
}

function checkCommand(report: Uint8Array, fail: (what: string) => void): void {
  const decoded = decodeCommand(report);
  const model = layoutModel(report);
  if (!decoded.ok) {
    if (model !== undefined && decoded.error.kind !== model) fail(`command refused as ${decoded.error.kind}, the layout model says ${model}`);
    return;
  }
  if (model !== undefined) return fail(`accepted a command the layout refuses (${model})`);
  if (!sameBytes(encodeCommand(decoded.value), report)) fail(`accepted a ${decoded.value.command} command that does not re-encode to the same bytes`);
}

type Damage = 'none' | 'drop' | 'repeat' | 'swap' | 'corrupt' | 'short' | 'extra';

function fuzzCapture(random: Random, fail: (what: string) => void, stats: FingerprintFuzzReport): void {
  const template = randomBytes(random, 1 + int(random, random() < 0.8 ? 600 : MAX_TEMPLATE_BYTES));
  const image = random() < 0.2 ? randomBytes(random, 1 + int(random, 4000)) : new Uint8Array(0);
  const header = { quality: int(random, 101), templateLength: template.length, templateCrc32: crc32(template), imageLength: image.length, imageCrc32: image.length ? crc32(image) : 0 };
  const chunks = [...encodeBlob(1, 'template', template), ...encodeBlob(1, 'image', image)].map((r) => {
    const d = decodeDeviceReport(r);
    if (!d.ok || d.value.type !== 'data') throw new Error('a valid chunk did not decode');
    return d.value;
  });
  const damage: Damage = random() < 0.4 ? 'none' : pick(random, ['drop', 'repeat', 'swap', 'corrupt', 'short', 'extra'] as const);
  const k = int(random, chunks.length);
  const sent = [...chunks];
  switch (damage) {
    case 'none':
      break;
    case 'drop':
      sent.splice(k, 1);
      break;
    case 'repeat':
      sent.splice(k, 0, chunks[k]!);
      break;
    case 'swap':
      if (chunks.length < 2) return;
      [sent[k], sent[(k + 1) % sent.length]] = [sent[(k + 1) % sent.length]!, sent[k]!];
      break;
    case 'corrupt': {
      const bytes = chunks[k]!.bytes.slice();
      bytes[int(random, bytes.length)]! ^= 1 + int(random, 255);
      sent[k] = { ...chunks[k]!, bytes };
      break;
    }
    case 'short':
      if (chunks[k]!.bytes.length < 2) return;
      sent[k] = { ...chunks[k]!, bytes: chunks[k]!.bytes.subarray(1) };
      break;
    case 'extra':
      sent.push({ ...chunks.at(-1)!, index: chunks.at(-1)!.index + 1 });
      break;
  }
  stats.captures++;
  if (damage !== 'none') stats.damagedCaptures++;
  const assembler = createCaptureAssembler(header);
  let completed: { template: Uint8Array; image: Uint8Array | null } | undefined;
  let refused = false;
  for (const chunk of sent) {
    const step = assembler.push(chunk);
    if (!step.ok) {
      refused = true;
      break;
    }
    if (step.value.done) completed = step.value.capture;
  }
  if (damage === 'none') {
    if (!completed || refused) return fail('an untouched capture did not reassemble');
    if (!sameBytes(completed.template, template) || (image.length > 0 ? !completed.image || !sameBytes(completed.image, image) : completed.image !== null)) fail('reassembled other bytes');
    return;
  }
  // One chunk too many (or the last one repeated): the capture is complete before it, and the extra one is refused.
  if (damage === 'extra' || (damage === 'repeat' && k === chunks.length - 1)) {
    if (!completed || !refused || !sameBytes(completed.template, template)) fail('a chunk after a complete capture was not refused');
    return;
  }
  if (completed) return fail(`a capture with a ${damage} chunk completed`);
  // Without its last chunk a capture is merely incomplete: the host's capture timer ends it.
  if (!refused && !(damage === 'drop' && k === chunks.length - 1)) fail(`a capture with a ${damage} chunk was not refused`);
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export function runFingerprintFuzz(options: FuzzOptions): FingerprintFuzzReport {
  return fuzzLoopSync<FingerprintFuzzReport>(
    options,
    0xf1,
    (seed) => ({ ...emptyStats(seed), validReports: 0, mutatedReports: 0, rejectedReports: 0, acceptedMutations: 0, captures: 0, damagedCaptures: 0 }),
    (iteration, stats) => {
      const { random, fail } = iteration;
      const report = randomDeviceReport(random);
      iteration.label = report.type;
      const bytes = encodeDeviceReport(report);
      const decoded = decodeDeviceReport(bytes);
      if (!decoded.ok) return fail(`a valid ${report.type} report was refused: ${decoded.error.message}`);
      if (JSON.stringify(decoded.value, (_, v: unknown) => (v instanceof Uint8Array ? [...v] : v)) !== JSON.stringify(report, (_, v: unknown) => (v instanceof Uint8Array ? [...v] : v))) return fail(`a ${report.type} report decoded to something else: ${JSON.stringify(report)}`);
      const command = randomCommand(random);
      const commandBytes = encodeCommand(command);
      const back = decodeCommand(commandBytes);
      if (!back.ok || JSON.stringify(back.value) !== JSON.stringify(command)) return fail(`a ${command.command} command did not round-trip`);
      stats.validReports += 2;
      for (let m = 0; m < 3; m++) {
        stats.mutatedReports++;
        checkDevice(mutate(random, bytes), fail, stats);
      }
      checkCommand(mutate(random, commandBytes), fail);
      if (iteration.index % 4 === 0) fuzzCapture(random, fail, stats);
      return undefined;
    },
  );
}

/** One line summarising a report. */
export function formatFingerprintFuzzReport(r: FingerprintFuzzReport): string {
  return formatReport('fingerprint', r, [
    `${r.validReports} valid reports round-tripped`,
    `${r.mutatedReports} mutated (${r.rejectedReports} refused, ${r.acceptedMutations} still valid)`,
    `${r.captures} captures reassembled (${r.damagedCaptures} damaged, none completed)`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'fingerprint', ...process.argv.slice(2)]));
}
