/**
 * Fuzzes the endorsement writer's decoders (docs/endorsement-writer.md):
 * `npx tsx scripts/fuzz-endorsement.ts [--iterations N] [--seed S]`.
 *
 * Each iteration:
 * - builds a random permit and endorsement record, encodes them and decodes
 *   them back (they must come back equal), and sends a random command APDU
 *   through the encoder and the simulator card's decoder;
 * - mutates one of the encoded records or a random APDU (bit flips, set,
 *   inserted, deleted, duplicated bytes, truncation) or draws raw bytes:
 *   every decoder (TLV, permit, endorsement, command, response) must answer
 *   a value or an error, never throw; whatever a record decoder accepts must
 *   encode and decode to itself; the simulated card must answer any bytes
 *   with a response of at least SW1 SW2.
 */
import { pathToFileURL } from 'node:url';
import { decodeCommand, decodeResponse, encodeCommand } from '../drivers/endorsement/apdu';
import { decodeEndorsement, decodePermit, encodeEndorsement, encodePermit, type EndorsementRecord, type PermitRecord } from '../drivers/endorsement/records';
import { sampleCards } from '../drivers/endorsement/sample-permits';
import { createSimulatedCard } from '../drivers/endorsement/simulator';
import { decodeTlvs } from '../drivers/endorsement/tlv';
import { emptyStats, formatReport, fuzzLoopSync, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { mutateBytes, randomBytes, sameBytes, STANDARD_MUTATIONS } from './fuzz/mutate';

export interface EndorsementFuzzReport extends FuzzStats {
  roundTrips: number;
  mutated: number;
  refused: number;
  accepted: number;
  cardAnswers: number;
}

const NAME_CHARS = [...'陈思远吴国强郑丽赵欣欧阳娜仁·李王张刘'];
const digits = (random: Random, n: number): string => Array.from({ length: n }, () => String(int(random, 10))).join('');
const date = (random: Random): string => `${1900 + int(random, 200)}-${String(1 + int(random, 12)).padStart(2, '0')}-${String(1 + int(random, 28)).padStart(2, '0')}`;

function randomPermit(random: Random): PermitRecord {
  return {
    permitType: pick(random, ['hkMacauPermit', 'taiwanPermit'] as const),
    permitNumber: pick(random, ['C', 'L', 'T']) + digits(random, 8),
    name: Array.from({ length: 1 + int(random, 30) }, () => pick(random, NAME_CHARS)).join(''),
    birthDate: date(random),
    validUntil: date(random),
  };
}

function randomEndorsement(random: Random): EndorsementRecord {
  const [a, b] = [date(random), date(random)];
  return {
    destination: pick(random, ['hongKong', 'macau', 'taiwan'] as const),
    type: pick(random, [...'LGTSDQ']),
    entries: pick(random, ['single', 'twice', 'multiple'] as const),
    validFrom: a < b ? a : b,
    validUntil: a < b ? b : a,
    stayDays: 1 + int(random, 999),
    number: `HK${digits(random, 1 + int(random, 18))}`,
  };
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export function runEndorsementFuzz(options: FuzzOptions): EndorsementFuzzReport {
  const card = createSimulatedCard(sampleCards('2026-12-03')[0]!);
  return fuzzLoopSync<EndorsementFuzzReport>(
    options,
    0x7816,
    (seed) => ({ ...emptyStats(seed), roundTrips: 0, mutated: 0, refused: 0, accepted: 0, cardAnswers: 0 }),
    (iteration, stats) => {
      const { random, fail } = iteration;
      const permit = randomPermit(random);
      const endorsement = randomEndorsement(random);
      const permitBytes = encodePermit(permit);
      const endorsementBytes = encodeEndorsement(endorsement);
      const p = decodePermit(permitBytes);
      const e = decodeEndorsement(endorsementBytes);
      if (!p.ok || JSON.stringify(p.value) !== JSON.stringify(permit)) return fail(`permit ${JSON.stringify(permit)} did not round-trip`);
      if (!e.ok || JSON.stringify(e.value) !== JSON.stringify(endorsement)) return fail(`endorsement ${JSON.stringify(endorsement)} did not round-trip`);
      const command = { cla: int(random, 2) === 0 ? 0 : int(random, 256), ins: int(random, 256), p1: int(random, 256), p2: int(random, 256), data: randomBytes(random, int(random, 40)), ...(int(random, 2) ? { le: 1 + int(random, 256) } : {}) };
      const back = decodeCommand(encodeCommand(command));
      if (!back.ok || back.value.ins !== command.ins || !sameBytes(back.value.data, command.data) || back.value.le !== command.le) return fail('a command APDU did not round-trip');
      stats.roundTrips++;

      iteration.label = 'mutated';
      const roll = int(random, 4);
      const input = roll === 0 ? randomBytes(random, int(random, 300)) : mutateBytes(random, roll === 1 ? permitBytes : roll === 2 ? endorsementBytes : encodeCommand(command), STANDARD_MUTATIONS, 6);
      stats.mutated++;
      for (const decoded of [decodeTlvs(input), decodeCommand(input), decodeResponse(input)]) if (typeof decoded.ok !== 'boolean') return fail('a decoder answered neither value nor error');
      const asPermit = decodePermit(input);
      const asEndorsement = decodeEndorsement(input);
      for (const [decoded, encode, decode] of [
        [asPermit, encodePermit, decodePermit],
        [asEndorsement, encodeEndorsement, decodeEndorsement],
      ] as const) {
        if (!decoded.ok) {
          stats.refused++;
          continue;
        }
        stats.accepted++;
        const again = (decode as (b: Uint8Array) => typeof decoded)((encode as (r: unknown) => Uint8Array)(decoded.value));
        if (!again.ok || JSON.stringify(again.value) !== JSON.stringify(decoded.value)) return fail('an accepted record does not encode and decode to itself');
      }
      const answer = card.answer(input);
      if (answer.length < 2) return fail('the simulated card answered less than a status word');
      stats.cardAnswers++;
      return undefined;
    },
  );
}

/** One line summarising a report. */
export function formatEndorsementFuzzReport(r: EndorsementFuzzReport): string {
  return formatReport('endorsement', r, [`${r.roundTrips} records and APDUs round-tripped`, `${r.mutated} mutated (${r.refused} refused, ${r.accepted} accepted records)`, `${r.cardAnswers} card answers`]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'endorsement', ...process.argv.slice(2)]));
}
