/**
 * Fuzzes the HID transport's report de-framing (drivers/transport/hid-reports.ts
 * and hid-input.ts): `npx tsx scripts/fuzz-hid.ts [--iterations N] [--seed S]`.
 *
 * Every iteration picks a report layout (report id 0 or 1..255, a report size
 * from 1 to 4096 and now and then 65535, length prefix none/u8/u16be/u16le)
 * and checks `validateFraming` against the rules written out here. For a
 * valid layout:
 * - a random byte stream is split by `encodeReports`; every write buffer is
 *   checked byte by byte (report id, prefix, payload, zero padding), then read
 *   back as hidraw hands reports over (the report id only for numbered
 *   reports), with reports of other ids mixed in for numbered layouts. The
 *   bytes out must equal the bytes in (without a length prefix: followed by
 *   the last report's zero padding, exactly);
 * - mutated reports (bit flips, inserts, deletes, duplicated slices,
 *   truncation, extension, other report ids, forged length prefixes, random
 *   reports) must never throw, must decode exactly as an independent model of
 *   the documented layout says, must never give more bytes than one report
 *   carries (reportSize minus the prefix) and, with a prefix, never a byte
 *   beyond the length it declares;
 * - every 8th iteration the same reports go through `createHidTransport`'s
 *   public surface on a fake node-hid device: its `data` events must carry
 *   exactly the decoded bytes, one `error` event per rejected report, and its
 *   writes must be the `encodeReports` buffers.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { createHidTransport, type HidDeviceHandle, type HidModule } from '../drivers/transport/hid';
import { readInputReport } from '../drivers/transport/hid-input';
import { describeHidFramingError, encodeReports, payloadPerReport, prefixSize, validateFraming, type HidFraming, type HidLengthPrefix } from '../drivers/transport/hid-reports';
import { emptyStats, formatReport, fuzzLoop, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { concatBytes, mutateBytes, randomBytes, sameBytes, STANDARD_MUTATIONS, type ByteMutation } from './fuzz/mutate';

/** What a fuzz run saw; `failures` empty means it passed. */
export interface HidFuzzReport extends FuzzStats {
  /** Layouts tried, and how many of them `validateFraming` (rightly) refused. */
  framings: number;
  invalidFramings: number;
  /** Valid reports read back, and the payload bytes they carried. */
  reports: number;
  payloadBytes: number;
  /** Reports of another id mixed into numbered streams. */
  foreignReports: number;
  mutatedReports: number;
  /** Mutated reports the decoder rejected (an error value, not a throw). */
  rejectedReports: number;
  /** Iterations that went through `createHidTransport` on a fake device. */
  transportRuns: number;
}

const PREFIXES: readonly HidLengthPrefix[] = ['none', 'u8', 'u16be', 'u16le'];
const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 257, 258, 511, 512, 1024, 4096];

/** The framing rules, written out independently of validateFraming. */
function framingShouldBeValid(f: HidFraming): boolean {
  const prefix = f.lengthPrefix === 'none' ? 0 : f.lengthPrefix === 'u8' ? 1 : 2;
  const room = f.reportSize - prefix;
  return (
    Number.isInteger(f.reportId) && f.reportId >= 0 && f.reportId <= 255 &&
    Number.isInteger(f.reportSize) && f.reportSize >= 1 && f.reportSize <= 65535 &&
    room >= 1 && !(f.lengthPrefix === 'u8' && room > 255)
  );
}

function randomFraming(random: Random): HidFraming {
  const roll = random();
  const reportId = roll < 0.01 ? pick(random, [256, -1, 1.5, 300]) : random() < 0.5 ? 0 : 1 + int(random, 255);
  const r = random();
  const reportSize =
    r < 0.005 ? 65535 : r < 0.01 ? pick(random, [0, 65536, 2.5, -3]) : r < 0.6 ? pick(random, SIZES) : 1 + int(random, 300);
  return { reportId, reportSize, lengthPrefix: pick(random, PREFIXES) };
}

function declaredLength(body: Uint8Array, prefix: HidLengthPrefix): number {
  const a = body[0] ?? 0;
  const b = body[1] ?? 0;
  return prefix === 'u8' ? a : prefix === 'u16be' ? a * 256 + b : a + b * 256;
}

/**
 * The documented layout as a model: a report of another id is ignored; with
 * a prefix, the payload is the declared number of bytes after it and must fit
 * in one report; without, the whole report (which may not be longer than the
 * report size) is payload.
 */
function expectedPayload(report: Uint8Array, f: HidFraming): Uint8Array | 'error' {
  let body = report;
  if (f.reportId !== 0) {
    if (report.length === 0 || report[0] !== f.reportId) return new Uint8Array(0);
    body = report.subarray(1);
  }
  const room = f.reportSize - prefixSize(f.lengthPrefix);
  if (f.lengthPrefix === 'none') return body.length > f.reportSize ? 'error' : body;
  const p = prefixSize(f.lengthPrefix);
  if (body.length < p) return 'error';
  const length = declaredLength(body, f.lengthPrefix);
  if (length > room || length > body.length - p) return 'error';
  return body.subarray(p, p + length);
}

/** Checks one write buffer of `encodeReports` byte by byte against the chunk it carries. */
function checkWriteBuffer(report: Uint8Array, chunk: Uint8Array, f: HidFraming): string | undefined {
  const p = prefixSize(f.lengthPrefix);
  if (report.length !== 1 + f.reportSize) return `write buffer of ${report.length} bytes, expected ${1 + f.reportSize}`;
  if (report[0] !== f.reportId) return `write buffer starts with ${report[0]}, expected report id ${f.reportId}`;
  if (p > 0 && declaredLength(report.subarray(1), f.lengthPrefix) !== chunk.length) return `prefix says ${declaredLength(report.subarray(1), f.lengthPrefix)}, chunk is ${chunk.length}`;
  if (!sameBytes(report.subarray(1 + p, 1 + p + chunk.length), chunk)) return 'payload differs from the chunk';
  if (!report.subarray(1 + p + chunk.length).every((b) => b === 0)) return 'padding is not zero';
  return undefined;
}

/** What hidraw hands back for a write buffer: the report id only for numbered reports. */
const asRead = (report: Uint8Array, f: HidFraming): Uint8Array => (f.reportId === 0 ? report.subarray(1) : report);

function randomStream(random: Random, room: number): Uint8Array {
  const roll = random();
  const length = roll < 0.1 ? 0 : roll < 0.5 ? int(random, room * 3 + 2) : roll < 0.95 ? int(random, 400) : int(random, 5000);
  const bytes = randomBytes(random, length);
  // Zero runs look like padding: they must survive with a prefix.
  if (random() < 0.2) bytes.fill(0, int(random, length + 1), int(random, length + 1));
  return bytes;
}

/** Forges the length prefix of a read report. */
function forgePrefix(f: HidFraming): ByteMutation {
  return (out, _at, random) => {
    const start = f.reportId === 0 ? 0 : 1;
    const room = payloadPerReport(f);
    const length = pick(random, [room, room + 1, out.length - start, out.length, 0, 255, 256, 65535, int(random, 65536)]);
    const p = prefixSize(f.lengthPrefix);
    if (p === 0 || out.length < start + p) return;
    if (f.lengthPrefix === 'u8') out[start] = length & 0xff;
    else if (f.lengthPrefix === 'u16be') [out[start], out[start + 1]] = [(length >> 8) & 0xff, length & 0xff];
    else [out[start], out[start + 1]] = [length & 0xff, (length >> 8) & 0xff];
  };
}

/** Puts another (or the right) report id in front. */
const setReportId: ByteMutation = (out, _at, random) => {
  if (out.length) out[0] = int(random, 256);
};

/** Extends the report past its size, as a device with a bigger report would. */
const extend: ByteMutation = (out, _at, random) => {
  out.push(...randomBytes(random, 1 + int(random, 40)));
};

function mutateReport(random: Random, report: Uint8Array, f: HidFraming): Uint8Array {
  if (random() < 0.1) return randomBytes(random, int(random, f.reportSize + 10));
  const operators = [...STANDARD_MUTATIONS, forgePrefix(f), forgePrefix(f), setReportId, extend];
  return mutateBytes(random, report, operators, 4);
}

/** A fake node-hid with one device whose input the fuzzer drives. */
class FakeDevice extends EventEmitter implements HidDeviceHandle {
  written: Uint8Array[] = [];
  async write(values: number[] | Buffer): Promise<number> {
    this.written.push(Uint8Array.from(values));
    return values.length;
  }
  async close(): Promise<void> {}
}

function fakeHid(device: FakeDevice): HidModule {
  return {
    HIDAsync: { open: async () => device },
    devicesAsync: async () => [{ vendorId: 1, productId: 2, path: '/dev/hidraw-fuzz' }],
  };
}

async function throughTransport(
  random: Random,
  f: HidFraming,
  reports: readonly Uint8Array[],
  expected: { bytes: Uint8Array; errors: number },
  fail: (what: string) => void,
): Promise<void> {
  const device = new FakeDevice();
  const transport = createHidTransport({ path: '/dev/hidraw-fuzz', ...f }, fakeHid(device));
  const opened = await transport.open();
  if (!opened.ok) return fail(`transport refused a valid framing: ${opened.error.message}`);
  const data: Uint8Array[] = [];
  let errors = 0;
  transport.on('data', (chunk) => data.push(chunk.slice()));
  transport.on('error', () => errors++);
  for (const r of reports) device.emit('data', Buffer.from(r));
  const got = concatBytes(data);
  if (!sameBytes(got, expected.bytes)) fail(`transport emitted ${got.length} bytes, decoder ${expected.bytes.length}`);
  if (data.some((d) => d.length === 0 || d.length > payloadPerReport(f))) fail('transport emitted an empty or over-long chunk');
  if (errors !== expected.errors) fail(`transport emitted ${errors} errors for ${expected.errors} rejected reports`);
  // The write side: the buffers node-hid receives are encodeReports' buffers.
  const out = randomBytes(random, int(random, payloadPerReport(f) * 2 + 3));
  const written = await transport.write(out);
  if (!written.ok) fail(`write failed: ${written.error.message}`);
  const want = encodeReports(out, f);
  if (device.written.length !== want.length || device.written.some((w, k) => !sameBytes(w, want[k]!))) fail('written reports differ from encodeReports');
  await transport.close();
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export async function runHidFuzz(options: FuzzOptions): Promise<HidFuzzReport> {
  return fuzzLoop<HidFuzzReport>(
    options,
    0x41d,
    (seed) => ({ ...emptyStats(seed), framings: 0, invalidFramings: 0, reports: 0, payloadBytes: 0, foreignReports: 0, mutatedReports: 0, rejectedReports: 0, transportRuns: 0 }),
    (iteration, report) => {
      const { random, fail } = iteration;
      let f = randomFraming(random);
      for (;;) {
        report.framings++;
        const valid = validateFraming(f).ok;
        if (valid !== framingShouldBeValid(f)) fail(`validateFraming(${JSON.stringify(f)}) ok=${valid}`);
        if (valid) break;
        report.invalidFramings++;
        f = randomFraming(random);
      }
      iteration.label = `${f.reportId}/${f.reportSize}/${f.lengthPrefix}`;
      const room = payloadPerReport(f);

      // A known stream, framed and read back.
      const stream = randomStream(random, room);
      const written = encodeReports(stream, f);
      const read: Uint8Array[] = [];
      for (const [k, w] of written.entries()) {
        const problem = checkWriteBuffer(w, stream.subarray(k * room, (k + 1) * room), f);
        if (problem) return fail(`encodeReports: report ${k}: ${problem}`);
        if (f.reportId !== 0 && random() < 0.15) {
          const other = (f.reportId + 1 + int(random, 255)) % 256;
          read.push(Uint8Array.of(other, ...randomBytes(random, int(random, f.reportSize + 1))));
          report.foreignReports++;
        }
        read.push(asRead(w, f));
      }
      const out: Uint8Array[] = [];
      for (const r of read) {
        const decoded = readInputReport(r, f);
        if (!decoded.ok) return fail(`a valid report was rejected: ${describeHidFramingError(decoded.error)}`);
        if (decoded.value.length > room) return fail(`a valid report gave ${decoded.value.length} bytes, more than ${room}`);
        out.push(decoded.value);
      }
      report.reports += written.length;
      report.payloadBytes += stream.length;
      const got = concatBytes(out);
      if (f.lengthPrefix === 'none') {
        const padded = written.length * room;
        if (got.length !== padded || !sameBytes(got.subarray(0, stream.length), stream) || !got.subarray(stream.length).every((b) => b === 0)) {
          return fail(`round trip without prefix: ${stream.length} bytes in, ${got.length} out (expected the stream and ${padded - stream.length} padding zeros)`);
        }
      } else if (!sameBytes(got, stream)) {
        return fail(`round trip: ${stream.length} bytes in, ${got.length} out${got.length === stream.length ? ', different' : ''}`);
      }

      // Mutated reports against the model.
      const mutated: Uint8Array[] = [];
      const count = 1 + int(random, 6);
      for (let k = 0; k < count; k++) {
        const base = read.length > 0 && random() < 0.9 ? pick(random, read) : randomBytes(random, int(random, f.reportSize + 2));
        mutated.push(mutateReport(random, base, f));
      }
      report.mutatedReports += mutated.length;
      let rejected = 0;
      const accepted: Uint8Array[] = [];
      for (const m of mutated) {
        const decoded = readInputReport(m, f);
        const model = expectedPayload(m, f);
        if (!decoded.ok) {
          rejected++;
          if (model !== 'error') fail(`rejected a report the layout allows (${m.length} bytes): ${describeHidFramingError(decoded.error)}`);
          continue;
        }
        if (decoded.value.length > room) fail(`emitted ${decoded.value.length} bytes from one report, more than the ${room} a report carries`);
        if (model === 'error') fail(`accepted a report the layout forbids (${m.length} bytes, gave ${decoded.value.length})`);
        else if (!sameBytes(decoded.value, model)) fail(`report of ${m.length} bytes decoded to ${decoded.value.length} bytes, the layout says ${model.length}`);
        if (decoded.value.length > 0) accepted.push(decoded.value);
      }
      report.rejectedReports += rejected;

      if (iteration.index % 8 !== 0) return undefined;
      report.transportRuns++;
      const all = [...read, ...mutated];
      const expected = { bytes: concatBytes([...out.filter((o) => o.length > 0), ...accepted]), errors: rejected };
      return throughTransport(random, f, all, expected, fail);
    },
  );
}

/** One line summarising a report. */
export function formatHidFuzzReport(r: HidFuzzReport): string {
  return formatReport('hid', r, [
    `${r.framings} layouts (${r.invalidFramings} refused)`,
    `${r.reports} valid reports (${(r.payloadBytes / 1e6).toFixed(1)} MB payload)`,
    `${r.foreignReports} of other ids`,
    `${r.mutatedReports} mutated (${r.rejectedReports} rejected)`,
    `${r.transportRuns} runs through the transport`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'hid', ...process.argv.slice(2)]));
}
