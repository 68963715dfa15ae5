/**
 * A test double of the endorsement writer (`EndorsementWriterDesk`): a plain
 * object with the sandbox people's sample permit cards, one of which may lie
 * on it; scripted problems come first (a read or write answers the next
 * one); the endorsements written are recorded, per card, as the chip keeps them.
 */
import type { ChipEndorsement, EndorsementWriterDesk, PermitOnWriter, WriterProblem, WrittenEndorsement } from '../../../../electron/host/flows/library';
import type { Result } from '../../../../domain/result';

/** The sample permit cards of the sandbox people (../shared/exit-entry/sandbox.json). */
export const SAMPLE_PERMITS: Readonly<Record<string, Omit<PermitOnWriter, 'endorsements'>>> = {
  C38816402: { permitType: 'hkMacauPermit', permitNumber: 'C38816402', name: '陈思远', birthDate: '1990-01-01', validUntil: '2034-12-31' },
  C51234567: { permitType: 'hkMacauPermit', permitNumber: 'C51234567', name: '吴国强', birthDate: '1980-11-25', validUntil: '2034-06-30' },
  L21234567: { permitType: 'taiwanPermit', permitNumber: 'L21234567', name: '吴国强', birthDate: '1980-11-25', validUntil: '2035-09-30' },
  C60123456: { permitType: 'hkMacauPermit', permitNumber: 'C60123456', name: '郑丽', birthDate: '1992-03-08', validUntil: '2033-10-31' },
  C72345678: { permitType: 'hkMacauPermit', permitNumber: 'C72345678', name: '赵欣', birthDate: '1991-08-15', validUntil: '2035-12-31' },
};

export interface WriterDouble extends EndorsementWriterDesk {
  /** The card on the writer: a sample permit's number, `notAPermit` (e.g. a bank card), or nothing. */
  place(card: string | 'notAPermit' | null): void;
  /** Problems the next reads / writes answer, in order, before the card's own answer. */
  script: { reads: WriterProblem[]; writes: WriterProblem[] };
  /** Every endorsement the chips took, with the permit. */
  written: Array<{ permitNumber: string; endorsement: ChipEndorsement }>;
  /** Calls made, in order. */
  calls: Array<'read' | 'write'>;
}

export function writerDouble(card: string | 'notAPermit' | null = null, writtenAt = '2026-03-02T02:00:00.000Z'): WriterDouble {
  let onWriter = card;
  const chips = new Map<string, ChipEndorsement[]>();
  const double: WriterDouble = {
    script: { reads: [], writes: [] },
    written: [],
    calls: [],
    place(next) {
      onWriter = next;
    },
    async readPermit(): Promise<Result<PermitOnWriter, WriterProblem>> {
      double.calls.push('read');
      const scripted = double.script.reads.shift();
      if (scripted) return { ok: false, error: scripted };
      if (onWriter === null) return { ok: false, error: 'noCard' };
      const permit = onWriter === 'notAPermit' ? undefined : SAMPLE_PERMITS[onWriter];
      if (!permit) return { ok: false, error: 'notAPermit' };
      return { ok: true, value: { ...permit, endorsements: [...(chips.get(permit.permitNumber) ?? [])] } };
    },
    async writeEndorsement(permitNumber, endorsement): Promise<Result<WrittenEndorsement, WriterProblem>> {
      double.calls.push('write');
      const scripted = double.script.writes.shift();
      if (scripted) return { ok: false, error: scripted };
      if (onWriter === null) return { ok: false, error: 'noCard' };
      if (onWriter !== permitNumber) return { ok: false, error: 'notAPermit' };
      chips.set(permitNumber, [...(chips.get(permitNumber) ?? []), endorsement]);
      double.written.push({ permitNumber, endorsement });
      return { ok: true, value: { writtenAt, printed: false } };
    },
  };
  return double;
}
