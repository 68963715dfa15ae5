/**
 * The simulated endorsement writer: a contactless reader (an
 * {@link ApduTransport}) and the cards that may lie on it, each answering the
 * APDUs of docs/endorsement-writer.md byte for byte, so the writer's codec
 * and session run in simulation exactly as on a real reader. The dock places
 * and removes cards, makes the next write fail, and lists what each chip
 * holds ("shown as written").
 */
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../domain/result';
import { createEmitter } from '../transport/transport-events';
import { decodeCommand, encodeResponse, type CommandApdu } from './apdu';
import { CHALLENGE_LENGTH, CRYPTOGRAM_LENGTH, INS, PERMIT_AID, SFI_ENDORSEMENTS, SFI_PERMIT, SW, TEST_WRITE_KEY, WRITE_KEY_REFERENCE, writeCryptogram } from './protocol';
import { decodeEndorsement, encodeEndorsement, encodePermit, type EndorsementRecord, type PermitRecord } from './records';
import type { SampleCard, SampleCardKind } from './sample-permits';
import type { ApduTransport, ApduTransportEvents, CardLink } from './transport';

/** How the next APPEND RECORD goes wrong: the chip's memory fails (6581), or the card is taken away. */
export type WriteFault = 'writeFailed' | 'cardRemoved';

/** A card the simulator answers for. */
export interface SimulatedCard {
  readonly id: string;
  readonly kind: SampleCardKind;
  /** Answers one command APDU (bytes in, bytes out); never throws. */
  answer(command: Uint8Array): Uint8Array;
  /** Power-up: the selection and any write authorisation are lost. */
  reset(): void;
  /** What the chip holds now (decoded), for the dock. */
  readonly permit: PermitRecord | undefined;
  readonly endorsements: EndorsementRecord[];
  /** The next APPEND RECORD answers 6581. */
  failNextWrite(): void;
}

const ATR = Uint8Array.from([0x3b, 0x8f, 0x80, 0x01, 0x80, 0x4f, 0x0c, 0xa0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6a]);

const reply = (sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array => encodeResponse({ data, sw });

/** Makes a card from a sample (or a test's own spec); `key` is the chip's write key. */
export function createSimulatedCard(sample: SampleCard, options: { key?: Uint8Array; random?: (n: number) => Uint8Array } = {}): SimulatedCard {
  const key = options.key ?? TEST_WRITE_KEY;
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const permitBytes = sample.permit ? encodePermit(sample.permit) : undefined;
  const records: Uint8Array[] = sample.endorsements.map(encodeEndorsement);
  let selected = false;
  let authorised = false;
  let challenge: Uint8Array | undefined;
  let failWrite = false;

  function permitFile(): Uint8Array {
    // A damaged chip: the permit file's template is cut short and its bytes flipped.
    if (sample.kind === 'damaged') return Uint8Array.from([0x70, 0x3a, 0x80, 0x01, 0x01, 0x81, 0x09, 0xc3, 0x0f, 0xff]);
    return permitBytes ?? new Uint8Array(0);
  }

  function handle(c: CommandApdu): Uint8Array {
    if (c.cla !== 0x00) return reply(SW.claNotSupported);
    if (c.ins === INS.select) {
      if (c.p1 !== 0x04) return reply(SW.wrongP1P2);
      const isPermitApp = c.data.length === PERMIT_AID.length && c.data.every((b, i) => b === PERMIT_AID[i]);
      selected = isPermitApp && sample.kind !== 'notAPermit';
      authorised = false;
      return reply(selected ? SW.ok : SW.fileNotFound);
    }
    if (!selected) return reply(SW.conditionsNotSatisfied);
    switch (c.ins) {
      case INS.readBinary: {
        if ((c.p1 & 0x80) === 0 || (c.p1 & 0x1f) !== SFI_PERMIT) return reply(SW.fileNotFound);
        const content = permitFile();
        if (c.p2 > content.length) return reply(SW.wrongP1P2);
        return reply(SW.ok, content.slice(c.p2, c.p2 + (c.le ?? 256)));
      }
      case INS.readRecord: {
        if ((c.p2 & 0x07) !== 0x04 || c.p2 >> 3 !== SFI_ENDORSEMENTS) return reply(SW.fileNotFound);
        const record = c.p1 >= 1 ? records[c.p1 - 1] : undefined;
        return record ? reply(SW.ok, record) : reply(SW.recordNotFound);
      }
      case INS.getChallenge: {
        if (c.le !== CHALLENGE_LENGTH) return reply(SW.wrongLength);
        challenge = random(CHALLENGE_LENGTH);
        return reply(SW.ok, challenge);
      }
      case INS.externalAuthenticate: {
        const issued = challenge;
        challenge = undefined; // one try per challenge
        if (c.p2 !== WRITE_KEY_REFERENCE) return reply(SW.wrongP1P2);
        if (!issued) return reply(SW.conditionsNotSatisfied);
        if (c.data.length !== CRYPTOGRAM_LENGTH || !sample.permit) return reply(SW.verificationFailed);
        const expected = writeCryptogram(key, issued, sample.permit.permitNumber);
        authorised = expected.every((b, i) => b === c.data[i]);
        return reply(authorised ? SW.ok : SW.verificationFailed);
      }
      case INS.appendRecord: {
        if (c.p1 !== 0x00 || c.p2 !== SFI_ENDORSEMENTS << 3) return reply(SW.fileNotFound);
        if (!authorised) return reply(SW.securityNotSatisfied);
        authorised = false; // one write per authentication
        if (c.data.length === 0) return reply(SW.wrongLength);
        if (records.length >= sample.capacity) return reply(SW.notEnoughMemory);
        if (failWrite) {
          failWrite = false;
          return reply(SW.memoryFailure);
        }
        records.push(c.data.slice());
        return reply(SW.ok);
      }
      case INS.updateBinary:
        // EF.PERMIT is written once, at personalisation.
        return reply(SW.securityNotSatisfied);
      default:
        return reply(SW.insNotSupported);
    }
  }

  return {
    id: sample.id,
    kind: sample.kind,
    answer(bytes) {
      const command = decodeCommand(bytes);
      return command.ok ? handle(command.value) : reply(SW.wrongLength);
    },
    reset() {
      selected = false;
      authorised = false;
      challenge = undefined;
    },
    get permit() {
      return sample.permit;
    },
    get endorsements() {
      return records.flatMap((bytes) => {
        const decoded = decodeEndorsement(bytes);
        return decoded.ok ? [decoded.value] : [];
      });
    },
    failNextWrite() {
      failWrite = true;
    },
  };
}

/** The simulated reader the cards lie on, with the dock's hands on it. */
export interface SimulatedWriter extends ApduTransport {
  place(card: SimulatedCard): void;
  remove(): void;
  /** The card lying there now. */
  readonly card: SimulatedCard | undefined;
  /** The next APPEND RECORD fails: the chip answers 6581, or the card is taken away before it answers. */
  failNextWrite(fault: WriteFault): void;
  /** The fault armed for the next write, if any. */
  readonly pendingFault: WriteFault | undefined;
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
}

export function createSimulatedWriter(): SimulatedWriter {
  const events = createEmitter<ApduTransportEvents>();
  let plugged = true;
  let open = false;
  let card: SimulatedCard | undefined;
  /** Bumped whenever the card leaves, so a link to it knows. */
  let placement = 0;
  let pendingFault: WriteFault | undefined;

  function remove(): void {
    if (!card) return;
    card = undefined;
    placement += 1;
    events.emit('cardAbsent');
  }

  return {
    description: 'simulated',
    get cardPresent() {
      return plugged && card !== undefined;
    },
    get card() {
      return card;
    },
    get plugged() {
      return plugged;
    },
    async open(): Promise<Result<void, { kind: 'noReader'; message: string }>> {
      if (!plugged) return err({ kind: 'noReader', message: 'simulated writer unplugged' });
      open = true;
      return ok(undefined);
    },
    async close() {
      open = false;
    },
    async connect() {
      if (!plugged || !open) return err({ kind: 'noReader', message: 'simulated writer not connected' });
      const on = card;
      if (!on) return err({ kind: 'noCard', message: 'no card on the simulated writer' });
      on.reset();
      const mine = placement;
      const link: CardLink = {
        atr: ATR,
        async transmit(command) {
          if (!plugged) return err({ kind: 'noReader', message: 'simulated writer unplugged' });
          if (placement !== mine || card !== on) return err({ kind: 'cardRemoved', message: 'the card left the simulated writer' });
          if (pendingFault !== undefined && command[1] === INS.appendRecord) {
            const fault = pendingFault;
            pendingFault = undefined;
            if (fault === 'cardRemoved') {
              remove();
              return err({ kind: 'cardRemoved', message: 'the card left the simulated writer during the write' });
            }
            on.failNextWrite();
          }
          return ok(on.answer(command));
        },
        async disconnect() {
          return undefined;
        },
      };
      return ok(link);
    },
    place(next) {
      if (card) remove();
      card = next;
      placement += 1;
      events.emit('cardPresent');
    },
    remove,
    failNextWrite(fault) {
      pendingFault = fault;
    },
    get pendingFault() {
      return pendingFault;
    },
    unplug() {
      if (!plugged) return;
      plugged = false;
      open = false;
      events.emit('readerLost', 'simulated writer unplugged');
    },
    replug() {
      plugged = true;
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}
