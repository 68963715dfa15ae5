/**
 * The electronic permit card's application as OneDoor models it
 * (docs/endorsement-writer.md): the real 往来港澳通行证 / 往来台湾通行证 chip
 * layout is not public, so this is a plausible ISO/IEC 7816-4 design, the
 * same on the PC/SC adapter and in the simulator.
 *
 * - Application selected by AID (proprietary, `F0…`: unregistered, ISO/IEC 7816-5).
 * - EF.PERMIT (SFI 1): transparent, the permit's data as template 70, read-only.
 * - EF.ENDORSEMENTS (SFI 2): linear variable records, one endorsement (template 71) each.
 * - A write needs GET CHALLENGE then EXTERNAL AUTHENTICATE with the writer's key.
 */
import { createHmac } from 'node:crypto';
import type { CommandApdu } from './apdu';

/** `F0` + "EPERMIT" in ASCII: a proprietary AID (first nibble F), not a registered RID. */
export const PERMIT_AID = Uint8Array.from([0xf0, 0x45, 0x50, 0x45, 0x52, 0x4d, 0x49, 0x54]);
export const SFI_PERMIT = 0x01;
export const SFI_ENDORSEMENTS = 0x02;
/** Key reference of the endorsement write key (P2 of EXTERNAL AUTHENTICATE). */
export const WRITE_KEY_REFERENCE = 0x01;
export const CHALLENGE_LENGTH = 8;
export const CRYPTOGRAM_LENGTH = 16;

export const INS = {
  select: 0xa4,
  readBinary: 0xb0,
  readRecord: 0xb2,
  appendRecord: 0xe2,
  updateBinary: 0xd6,
  getChallenge: 0x84,
  externalAuthenticate: 0x82,
} as const;

export const SW = {
  ok: 0x9000,
  /** Warning: verification failed, no information given (a wrong cryptogram). */
  verificationFailed: 0x6300,
  /** Memory failure (EEPROM write did not take). */
  memoryFailure: 0x6581,
  wrongLength: 0x6700,
  securityNotSatisfied: 0x6982,
  conditionsNotSatisfied: 0x6985,
  wrongData: 0x6a80,
  fileNotFound: 0x6a82,
  recordNotFound: 0x6a83,
  notEnoughMemory: 0x6a84,
  wrongP1P2: 0x6b00,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
} as const;

/** What a status word means to the writer. */
export type SwMeaning = 'ok' | 'notFound' | 'endOfRecords' | 'security' | 'chipFull' | 'writeFailed' | 'refused';

/** Classifies a status word; anything unexpected is `refused` (the caller names the command). */
export function meaningOf(sw: number): SwMeaning {
  if (sw === SW.ok) return 'ok';
  if (sw === SW.fileNotFound) return 'notFound';
  if (sw === SW.recordNotFound) return 'endOfRecords';
  if (sw === SW.securityNotSatisfied) return 'security';
  if (sw === SW.notEnoughMemory) return 'chipFull';
  // 63 00 / 63 Cx: verification failed (the write key's cryptogram, or a write that did not verify); 65 81 memory failure.
  if (sw === SW.memoryFailure || (sw & 0xff00) === 0x6300) return 'writeFailed';
  return 'refused';
}

const command = (ins: number, p1: number, p2: number, data: Uint8Array = new Uint8Array(0), le?: number): CommandApdu => ({ cla: 0x00, ins, p1, p2, data, ...(le === undefined ? {} : { le }) });

/** SELECT by DF name (AID), first occurrence, no FCI returned. */
export const selectApplication = (): CommandApdu => command(INS.select, 0x04, 0x0c, PERMIT_AID);
/** READ BINARY of the short EF `sfi` from offset 0 (P1 = 1000 0xxx: SFI in the low bits), up to 256 bytes. */
export const readBinary = (sfi: number): CommandApdu => command(INS.readBinary, 0x80 | sfi, 0x00, undefined, 256);
/** READ RECORD number `record` (1-based) of the short EF `sfi` (P2 = SFI << 3 | 100: P1 is the record number). */
export const readRecord = (sfi: number, record: number): CommandApdu => command(INS.readRecord, record, (sfi << 3) | 0x04, undefined, 256);
/** APPEND RECORD to the short EF `sfi` (P2 = SFI << 3). */
export const appendRecord = (sfi: number, record: Uint8Array): CommandApdu => command(INS.appendRecord, 0x00, sfi << 3, record);
export const getChallenge = (): CommandApdu => command(INS.getChallenge, 0x00, 0x00, undefined, CHALLENGE_LENGTH);
export const externalAuthenticate = (cryptogram: Uint8Array): CommandApdu => command(INS.externalAuthenticate, 0x00, WRITE_KEY_REFERENCE, cryptogram);

/**
 * The cryptogram that proves the writer holds the write key: the first 16
 * bytes of HMAC-SHA-256(key, challenge ‖ permit number in ASCII). Binding the
 * permit number means a cryptogram for one card opens no other.
 */
export function writeCryptogram(key: Uint8Array, challenge: Uint8Array, permitNumber: string): Uint8Array {
  const mac = createHmac('sha256', key).update(challenge).update(Buffer.from(permitNumber, 'ascii')).digest();
  return new Uint8Array(mac.subarray(0, CRYPTOGRAM_LENGTH));
}

/** The simulator's and the test cards' write key (never a real card's): "ONEDOOR-TEST-KEY". */
export const TEST_WRITE_KEY = Uint8Array.from(Buffer.from('ONEDOOR-TEST-KEY', 'ascii'));
