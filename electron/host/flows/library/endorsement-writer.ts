/**
 * The endorsement writer (签注写卡) as a flow sees it: the electronic
 * 往来港澳通行证 / 往来台湾通行证 card on the kiosk's contactless reader,
 * its chip read (which permit, and the endorsements on it) and a new
 * endorsement written to it and printed on its back. The host's device
 * (electron/host/devices, drivers/endorsement) implements it over PC/SC,
 * or its simulator; a flow reaches it only through `FlowKit.endorsementWriter`.
 */
import type { Result } from '../../../../domain/result';

/** 往来港澳通行证 or 往来台湾通行证: the two permits with a chip. */
export type ChipPermitType = 'hkMacauPermit' | 'taiwanPermit';

/** Where an endorsement lets the holder go. */
export type EndorsementDestination = 'hongKong' | 'macau' | 'taiwan';

/** 一次 / 二次 / 多次有效. */
export type EndorsementEntries = 'single' | 'twice' | 'multiple';

/** One endorsement on the chip (and on the card's back). */
export interface ChipEndorsement {
  destination: EndorsementDestination;
  /** The endorsement's type letter, e.g. L 团队旅游, G 个人旅游, T 探亲, S 商务, D 逗留, Q 其他. */
  type: string;
  entries: EndorsementEntries;
  /** First and last day it may be used (YYYY-MM-DD). */
  validFrom: string;
  validUntil: string;
  /** Days each stay may last. */
  stayDays: number;
  /** The back-end's number of the endorsement (签注编号). */
  number: string;
}

/** What the chip says about the permit on the writer. */
export interface PermitOnWriter {
  permitType: ChipPermitType;
  /** 证件号码, printed on the card and stored on the chip. */
  permitNumber: string;
  /** The holder's name in Chinese characters, as on the chip. */
  name: string;
  birthDate: string;
  validUntil: string;
  endorsements: ChipEndorsement[];
}

/**
 * Why the writer could not do it, in words the flow turns into the
 * citizen's: no card on it, a card that is not a permit or cannot be read,
 * the card taken away during the write, the chip refused the write, no
 * room left on the chip, or the device itself down.
 */
export type WriterProblem = 'noCard' | 'notAPermit' | 'unreadable' | 'cardRemoved' | 'writeFailed' | 'chipFull' | 'deviceDown';

export interface WrittenEndorsement {
  /** The host's time the chip confirmed the write (read back and compared). */
  writtenAt: string;
  /** Whether it was also printed on the card's back (a writer without a printer, or the simulator, says false). */
  printed: boolean;
}

export interface EndorsementWriterDesk {
  /** Reads the permit card lying on the writer now. */
  readPermit(): Promise<Result<PermitOnWriter, WriterProblem>>;
  /** Writes `endorsement` to the chip of the permit `permitNumber` (refused when another card lies there), reads it back and prints it. */
  writeEndorsement(permitNumber: string, endorsement: ChipEndorsement): Promise<Result<WrittenEndorsement, WriterProblem>>;
}
