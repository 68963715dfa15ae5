/**
 * Fuzzes the appended-address decoder (追加住址, GA 467 30 03):
 * `npx tsx scripts/fuzz-appended-address.ts [--iterations N] [--seed S]`.
 *
 * Each iteration:
 * - encodes a random address (CJK, ASCII, spaces; 0–35 characters) as a 30 03
 *   answer frame, feeds it to the GA 467 stream decoder in random chunks and
 *   decodes the data: it must come back as the address without its padding
 *   (or "none" for a blank one);
 * - mutates the 70 data bytes (bit flips, set bytes, NULs, surrogates, C0
 *   controls) and, half the time, the length too: the decoder must not throw;
 *   a wrong length must be refused as such; whatever it accepts must be
 *   well-formed, trimmed text without control characters that encodes and
 *   decodes to itself.
 */
import { pathToFileURL } from 'node:url';
import {
  APPENDED_ADDRESS_SIZE,
  decodeAppendedAddress,
  encodeAppendedAddress,
} from '../drivers/idcard/appended-address';
import { encodeResponse, Ga467FrameDecoder } from '../drivers/idcard/frame';
import {
  emptyStats,
  formatReport,
  fuzzLoopSync,
  int,
  pick,
  type FuzzOptions,
  type FuzzStats,
  type Random,
} from './fuzz/harness';
import { mutateBytes, randomChunks, sameBytes, STANDARD_MUTATIONS } from './fuzz/mutate';

export interface AppendedAddressFuzzReport extends FuzzStats {
  roundTrips: number;
  mutated: number;
  refused: number;
  accepted: number;
}

const CHARS = [...'北京市朝阳区建国路号楼室单元栋巷弄里村镇乡上海广州深圳ABCabc0123456789-#（）()·'];

function randomAddress(random: Random): string {
  const n = int(random, 36);
  let s = '';
  for (let i = 0; i < n; i++) {
    const roll = int(random, 10);
    s += roll === 0 ? ' ' : roll < 4 ? String.fromCharCode(0x4e00 + int(random, 0x9fa5 - 0x4e00)) : pick(random, CHARS);
  }
  return s.trim();
}

/** Units that trouble a UCS-2 decoder: NUL, controls, surrogate halves, BOMs, full-width space. */
const AWKWARD_UNITS = [
  0x0000, 0x0009, 0x000a, 0x001f, 0x007f, 0x0085, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff, 0xfffe, 0x3000, 0x0020,
];

function mutate(random: Random, data: Uint8Array): Uint8Array {
  if (int(random, 2) === 0) return mutateBytes(random, data, STANDARD_MUTATIONS, 6);
  // Same length: plant awkward UTF-16 code units at random even offsets.
  const out = data.slice();
  for (let k = 1 + int(random, 4); k > 0; k--) {
    const at = int(random, out.length / 2) * 2;
    const unit = pick(random, AWKWARD_UNITS);
    out[at] = unit & 0xff;
    out[at + 1] = unit >> 8;
  }
  return out;
}

/** A surrogate half without its partner (String.prototype.isWellFormed is ES2024, past our lib). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A C0/C1 control character. */
const hasControl = (s: string): boolean =>
  [...s].some((c) => {
    const u = c.charCodeAt(0);
    return u < 0x20 || (u >= 0x7f && u < 0xa0);
  });

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export function runAppendedAddressFuzz(options: FuzzOptions): AppendedAddressFuzzReport {
  return fuzzLoopSync<AppendedAddressFuzzReport>(
    options,
    0x3003,
    (seed) => ({ ...emptyStats(seed), roundTrips: 0, mutated: 0, refused: 0, accepted: 0 }),
    (iteration, stats) => {
      const { random, fail } = iteration;
      const address = randomAddress(random);
      const data = encodeAppendedAddress(address);
      const frame = encodeResponse(0x90, data);
      const decoder = new Ga467FrameDecoder({ direction: 'response' });
      const frames = randomChunks(random, frame, 1, 64)
        .flatMap((chunk) => decoder.push(chunk))
        .filter((item) => item.kind === 'frame');
      if (frames.length !== 1 || frames[0]!.kind !== 'frame' || !sameBytes(frames[0]!.frame.data, data))
        return fail('a 30 03 answer did not come through the frame decoder intact');
      const back = decodeAppendedAddress(frames[0]!.frame.data);
      if (!back.ok || back.value !== (address === '' ? null : address))
        return fail(`address ${JSON.stringify(address)} decoded to ${JSON.stringify(back)}`);
      stats.roundTrips++;

      iteration.label = 'mutated';
      const bytes = mutate(random, data);
      stats.mutated++;
      const decoded = decodeAppendedAddress(bytes);
      if (bytes.length !== 0 && bytes.length !== APPENDED_ADDRESS_SIZE) {
        if (decoded.ok || decoded.error.kind !== 'unexpectedLength')
          return fail(`${bytes.length} bytes were not refused for their length`);
        stats.refused++;
        return undefined;
      }
      if (!decoded.ok) {
        stats.refused++;
        return undefined;
      }
      stats.accepted++;
      const text = decoded.value;
      if (text === null) return undefined;
      if (hasControl(text)) return fail('accepted text with a control character');
      if (LONE_SURROGATE.test(text)) return fail('accepted text with a lone surrogate');
      if (text !== text.trim() || text.length === 0) return fail('accepted text that is not trimmed');
      if (text.length > APPENDED_ADDRESS_SIZE / 2) return fail('accepted more than 35 UTF-16 units');
      const again = decodeAppendedAddress(encodeAppendedAddress(text));
      if (!again.ok || again.value !== text) return fail('accepted text does not encode and decode to itself');
      return undefined;
    },
  );
}

/** One line summarising a report. */
export function formatAppendedAddressFuzzReport(r: AppendedAddressFuzzReport): string {
  return formatReport('appended-address', r, [
    `${r.roundTrips} addresses round-tripped through 30 03 frames`,
    `${r.mutated} mutated (${r.refused} refused, ${r.accepted} accepted)`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'appended-address', ...process.argv.slice(2)]));
}
