/**
 * The endorsement writer's card session over any {@link ApduTransport}:
 * read the permit (SELECT, READ BINARY EF.PERMIT, READ RECORD until 6A83)
 * and write an endorsement (check it is the same permit, GET CHALLENGE,
 * EXTERNAL AUTHENTICATE, APPEND RECORD, then READ RECORD the new record back
 * and compare it byte for byte). Every command runs under the operation's
 * time limit; every failure is a value.
 */
import { err, ok, type Result } from '../../domain/result';
import type { Timers } from '../manager/timers';
import { decodeResponse, encodeCommand, swHex, type CommandApdu, type ResponseApdu } from './apdu';
import { appendRecord, externalAuthenticate, getChallenge, meaningOf, readBinary, readRecord, selectApplication, SFI_ENDORSEMENTS, SFI_PERMIT, writeCryptogram, CHALLENGE_LENGTH } from './protocol';
import { decodeEndorsement, decodePermit, describeRecordError, encodeEndorsement, type EndorsementRecord, type PermitRecord } from './records';
import type { ApduTransport, CardLink, LinkProblem } from './transport';

export type WriterFailure =
  | { kind: 'noReader'; message: string }
  | { kind: 'noCard' }
  /** The card has no permit application (a bank card, a transit card). */
  | { kind: 'notAPermit'; message: string }
  /** A permit lies there, but not the one the write is for. */
  | { kind: 'otherPermit' }
  /** The permit's chip answered nonsense or could not be read. */
  | { kind: 'unreadable'; message: string }
  | { kind: 'cardRemoved' }
  /** The chip refused the write key (6982, or a wrong cryptogram). */
  | { kind: 'securityRefused'; message: string }
  | { kind: 'chipFull' }
  | { kind: 'writeFailed'; message: string }
  | { kind: 'timeout'; message: string };

/** The permit and its endorsements as read from the chip. */
export interface PermitChip {
  permit: PermitRecord;
  endorsements: EndorsementRecord[];
}

/** Proves the writer may write: the cryptogram for `challenge` (the security module's job; {@link keyAuthoriser} in simulation and tests). */
export type WriteAuthoriser = (challenge: Uint8Array, permitNumber: string) => Promise<Uint8Array>;

/** An authoriser holding the key itself (the simulator's test key, a development card's key file). */
export const keyAuthoriser = (key: Uint8Array): WriteAuthoriser => async (challenge, permitNumber) => writeCryptogram(key, challenge, permitNumber);

export interface WriterOptions {
  authorise: WriteAuthoriser;
  timers: Timers;
  /** Limit of one read (default 5 s) and one write with its read-back (default 15 s). */
  readTimeoutMs?: number;
  writeTimeoutMs?: number;
}

export interface EndorsementWriter {
  readPermit(): Promise<Result<PermitChip, WriterFailure>>;
  writeEndorsement(permitNumber: string, endorsement: EndorsementRecord): Promise<Result<PermitChip, WriterFailure>>;
}

/** At most this many endorsement records are read (a chip claiming more is damaged). */
export const MAX_RECORDS = 64;

class Abort {
  constructor(readonly failure: WriterFailure) {}
}

function linkFailure(problem: LinkProblem): WriterFailure {
  switch (problem.kind) {
    case 'noReader':
      return { kind: 'noReader', message: problem.message };
    case 'noCard':
      return { kind: 'noCard' };
    case 'cardRemoved':
      return { kind: 'cardRemoved' };
    case 'io':
      return { kind: 'unreadable', message: problem.message };
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** One card conversation: each step either answers or aborts with a failure. */
function conversation(link: CardLink) {
  async function send(command: CommandApdu): Promise<ResponseApdu> {
    const sent = await link.transmit(encodeCommand(command));
    if (!sent.ok) throw new Abort(linkFailure(sent.error));
    const response = decodeResponse(sent.value);
    if (!response.ok) throw new Abort({ kind: 'unreadable', message: 'the card answered less than a status word' });
    return response.value;
  }
  /** Status word → failure, for the usual case (`what` names the command in the message). */
  function refuse(what: string, sw: number): never {
    const meaning = meaningOf(sw);
    const message = `${what}: ${swHex(sw)}`;
    switch (meaning) {
      case 'security':
        throw new Abort({ kind: 'securityRefused', message });
      case 'chipFull':
        throw new Abort({ kind: 'chipFull' });
      case 'writeFailed':
        throw new Abort({ kind: 'writeFailed', message });
      case 'notFound':
      case 'endOfRecords':
      case 'refused':
      case 'ok':
        throw new Abort({ kind: 'unreadable', message });
      default: {
        const unreachable: never = meaning;
        return unreachable;
      }
    }
  }
  async function readChip(): Promise<{ chip: PermitChip; records: number }> {
    const selected = await send(selectApplication());
    if (meaningOf(selected.sw) === 'notFound') throw new Abort({ kind: 'notAPermit', message: 'no permit application (SELECT 6A82)' });
    if (selected.sw !== 0x9000) refuse('SELECT', selected.sw);
    const permitFile = await send(readBinary(SFI_PERMIT));
    if (meaningOf(permitFile.sw) === 'notFound') throw new Abort({ kind: 'notAPermit', message: 'no EF.PERMIT (6A82)' });
    if (permitFile.sw !== 0x9000) refuse('READ BINARY EF.PERMIT', permitFile.sw);
    const permit = decodePermit(permitFile.data);
    if (!permit.ok) throw new Abort({ kind: 'unreadable', message: `EF.PERMIT: ${describeRecordError(permit.error)}` });
    const endorsements: EndorsementRecord[] = [];
    for (let record = 1; ; record++) {
      if (record > MAX_RECORDS) throw new Abort({ kind: 'unreadable', message: `more than ${MAX_RECORDS} endorsement records` });
      const answer = await send(readRecord(SFI_ENDORSEMENTS, record));
      if (meaningOf(answer.sw) === 'endOfRecords') break;
      if (answer.sw !== 0x9000) refuse(`READ RECORD ${record}`, answer.sw);
      const decoded = decodeEndorsement(answer.data);
      if (!decoded.ok) throw new Abort({ kind: 'unreadable', message: `endorsement record ${record}: ${describeRecordError(decoded.error)}` });
      endorsements.push(decoded.value);
    }
    return { chip: { permit: permit.value, endorsements }, records: endorsements.length };
  }
  return { send, refuse, readChip };
}

/** Creates the writer over `transport` (opened by its owner). */
export function createEndorsementWriter(transport: ApduTransport, options: WriterOptions): EndorsementWriter {
  const { timers } = options;
  let busy: Promise<unknown> = Promise.resolve();

  /** Runs `body` on a fresh card link, one operation at a time, under `limitMs`. */
  function withCard<T>(limitMs: number, what: string, body: (link: CardLink) => Promise<T>): Promise<Result<T, WriterFailure>> {
    const run = busy.then(async (): Promise<Result<T, WriterFailure>> => {
      if (!transport.cardPresent) return err({ kind: 'noCard' });
      let timer: unknown;
      let link: CardLink | undefined;
      const timeout = new Promise<Result<T, WriterFailure>>((resolve) => {
        timer = timers.setTimeout(() => resolve(err({ kind: 'timeout', message: `${what} took longer than ${limitMs} ms` })), limitMs);
      });
      const work = (async (): Promise<Result<T, WriterFailure>> => {
        const connected = await transport.connect();
        if (!connected.ok) return err(linkFailure(connected.error));
        link = connected.value;
        try {
          return ok(await body(link));
        } catch (error) {
          if (error instanceof Abort) return err(error.failure);
          return err({ kind: 'unreadable', message: `${what} failed: ${error instanceof Error ? error.message : String(error)}` });
        }
      })();
      try {
        return await Promise.race([work, timeout]);
      } finally {
        timers.clearTimeout(timer);
        await link?.disconnect();
      }
    });
    busy = run.catch(() => undefined);
    return run;
  }

  return {
    readPermit() {
      return withCard(options.readTimeoutMs ?? 5000, 'reading the permit', async (link) => (await conversation(link).readChip()).chip);
    },
    writeEndorsement(permitNumber, endorsement) {
      // Encoding first: an endorsement that breaks the layout never reaches the card.
      let record: Uint8Array;
      try {
        record = encodeEndorsement(endorsement);
      } catch (error) {
        return Promise.resolve(err({ kind: 'writeFailed', message: `endorsement does not fit the record layout: ${error instanceof Error ? error.message : String(error)}` }));
      }
      return withCard(options.writeTimeoutMs ?? 15_000, 'writing the endorsement', async (link) => {
        const card = conversation(link);
        const before = await card.readChip();
        if (before.chip.permit.permitNumber !== permitNumber) throw new Abort({ kind: 'otherPermit' });
        const challenge = await card.send(getChallenge());
        if (challenge.sw !== 0x9000) card.refuse('GET CHALLENGE', challenge.sw);
        if (challenge.data.length !== CHALLENGE_LENGTH) throw new Abort({ kind: 'unreadable', message: `GET CHALLENGE gave ${challenge.data.length} bytes` });
        const authenticated = await card.send(externalAuthenticate(await options.authorise(challenge.data, permitNumber)));
        // A wrong cryptogram (63xx) is the key's fault, not the chip's memory: a security refusal.
        if (authenticated.sw !== 0x9000) throw new Abort({ kind: 'securityRefused', message: `EXTERNAL AUTHENTICATE: ${swHex(authenticated.sw)}` });
        const appended = await card.send(appendRecord(SFI_ENDORSEMENTS, record));
        if (appended.sw !== 0x9000) card.refuse('APPEND RECORD', appended.sw);
        // Read back: the write counts only when the chip holds exactly what was sent.
        const back = await card.send(readRecord(SFI_ENDORSEMENTS, before.records + 1));
        if (back.sw !== 0x9000 || !sameBytes(back.data, record)) throw new Abort({ kind: 'writeFailed', message: `read-back of record ${before.records + 1} differs (${swHex(back.sw)})` });
        return { permit: before.chip.permit, endorsements: [...before.chip.endorsements, endorsement] };
      });
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
