/**
 * The flows' endorsement writer (`FlowKit.endorsementWriter`, the port in
 * flows/library/endorsement-writer.ts) over the managed device: the chip's
 * records become the port's shapes, the driver's failures its problems. No
 * permit number, name or endorsement reaches the log: only the failure's kind.
 */
import { err, ok, type Result } from '../../../domain/result';
import type { ManagedEndorsementWriter } from '../../../drivers/manager/endorsement-writer-device';
import type { PermitChip, WriterFailure } from '../../../drivers/endorsement/writer';
import type { EndorsementWriterDesk, PermitOnWriter, WriterProblem } from '../flows/library/endorsement-writer';
import type { Logger } from '../log/logger';
import type { DeviceLookup } from '../printing/receipt-printer-of';

/** The endorsement writer `id` of a device layer that hands out its devices. */
export function endorsementWriterOf(source: DeviceLookup, id: string): ManagedEndorsementWriter | undefined {
  const device = typeof source.device === 'function' ? source.device(id) : undefined;
  return device && device.kind === 'endorsementWriter' && 'writeEndorsement' in device ? (device as ManagedEndorsementWriter) : undefined;
}

/** What the desk needs of the device (the managed writer, or a test's fake). */
export type WriterDevicePort = Pick<ManagedEndorsementWriter, 'readPermit' | 'writeEndorsement'>;

/**
 * The port's problem for a driver failure. A permit other than the one the
 * write is for is `notAPermit` (not the permit asked for); a refused write
 * key is `writeFailed` (the chip refused the write); a time limit passed is
 * `unreadable` on a read and `writeFailed` on a write.
 */
export function problemOf(failure: WriterFailure, during: 'read' | 'write'): WriterProblem {
  switch (failure.kind) {
    case 'noReader':
      return 'deviceDown';
    case 'noCard':
      return 'noCard';
    case 'notAPermit':
    case 'otherPermit':
      return 'notAPermit';
    case 'unreadable':
      return 'unreadable';
    case 'cardRemoved':
      return 'cardRemoved';
    case 'securityRefused':
    case 'writeFailed':
      return 'writeFailed';
    case 'chipFull':
      return 'chipFull';
    case 'timeout':
      return during === 'read' ? 'unreadable' : 'writeFailed';
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

const toPermit = (chip: PermitChip): PermitOnWriter => ({ ...chip.permit, endorsements: chip.endorsements.map((e) => ({ ...e })) });

export interface EndorsementWriterDeskOptions {
  /** The writer now; undefined while the kiosk has none. */
  device: () => WriterDevicePort | undefined;
  logger: Logger;
  now: () => Date;
}

export function createEndorsementWriterDesk(options: EndorsementWriterDeskOptions): EndorsementWriterDesk {
  const log = options.logger.child({ component: 'endorsementWriter' });
  function fail(failure: WriterFailure, during: 'read' | 'write'): { ok: false; error: WriterProblem } {
    const problem = problemOf(failure, during);
    // The driver's messages are technical (status words, TLV offsets), never the chip's data.
    log.warn({ during, failure: failure.kind, problem, detail: 'message' in failure ? failure.message : undefined }, 'endorsement writer: not done');
    return err(problem);
  }
  return {
    async readPermit(): Promise<Result<PermitOnWriter, WriterProblem>> {
      const device = options.device();
      if (!device) return err('deviceDown');
      const read = await device.readPermit();
      return read.ok ? ok(toPermit(read.value)) : fail(read.error, 'read');
    },
    async writeEndorsement(permitNumber, endorsement) {
      const device = options.device();
      if (!device) return err('deviceDown');
      const written = await device.writeEndorsement(permitNumber, endorsement);
      if (!written.ok) return fail(written.error, 'write');
      log.info({ endorsements: written.value.endorsements.length }, 'endorsement written and read back');
      // No writer here prints on the card's back yet (the simulator, a bare PC/SC reader).
      return ok({ writtenAt: options.now().toISOString(), printed: false });
    },
  };
}
