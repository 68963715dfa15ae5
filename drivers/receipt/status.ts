/**
 * Real-time status (`DLE EOT n`, DOMAIN.md §8, following Epson): decoding of
 * the four one-byte replies, the combined {@link PrinterStatus}, and its
 * mapping to the driver's {@link DriverStatus}. Pure functions.
 */
import type { DriverStatus } from '../device';

/** Which `DLE EOT n` was asked. */
export type StatusQuery = 1 | 2 | 3 | 4;

/** The queries in the order the driver sends them. */
export const STATUS_QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

/** Bits that are fixed in every reply: bit0 = 0, bit1 = 1, bit4 = 1, bit7 = 0. */
export const STATUS_FIXED_MASK = 0x93;
/** The values of the fixed bits: an all-clear reply is exactly this, `0x12`. */
export const STATUS_FIXED_VALUE = 0x12;

/** Whether `byte` can be a `DLE EOT` reply at all (its fixed bits are right). */
export function isStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & STATUS_FIXED_MASK) === STATUS_FIXED_VALUE;
}

/** `DLE EOT 1`: printer status. */
export interface PrinterStateReply {
  query: 1;
  /** bit2: drawer kick-out connector pin 3 high. */
  drawerPin3: boolean;
  /** bit3. */
  offline: boolean;
  /** bit5: waiting for online recovery. */
  waitingForRecovery: boolean;
  /** bit6: paper feed button pressed. */
  feedButton: boolean;
}

/** `DLE EOT 2`: offline cause. */
export interface OfflineCauseReply {
  query: 2;
  /** bit2. */
  coverOpen: boolean;
  /** bit3: paper being fed by the feed button. */
  feedingByButton: boolean;
  /** bit5: printing stopped because the paper ran out. */
  stoppedByPaperEnd: boolean;
  /** bit6: an error occurred. */
  error: boolean;
}

/** `DLE EOT 3`: error cause. */
export interface ErrorCauseReply {
  query: 3;
  /** bit3. */
  cutterError: boolean;
  /** bit5. */
  unrecoverable: boolean;
  /** bit6: e.g. print head over temperature; clears itself. */
  autoRecoverable: boolean;
}

/** `DLE EOT 4`: roll paper sensor. */
export interface PaperSensorReply {
  query: 4;
  /** bits 2–3 (0x0C): paper near end. Either bit counts (conservative). */
  nearEnd: boolean;
  /** bits 5–6 (0x60): paper end. Either bit counts (conservative). */
  end: boolean;
}

/** One decoded reply. */
export type StatusReply = PrinterStateReply | OfflineCauseReply | ErrorCauseReply | PaperSensorReply;

const bit = (byte: number, n: number): boolean => ((byte >> n) & 1) === 1;

/** Decodes the reply to `DLE EOT n`; `undefined` when `byte` violates the fixed bits (not a status reply). */
export function decodeStatusByte(query: StatusQuery, byte: number): StatusReply | undefined {
  if (!isStatusByte(byte)) return undefined;
  switch (query) {
    case 1:
      return { query, drawerPin3: bit(byte, 2), offline: bit(byte, 3), waitingForRecovery: bit(byte, 5), feedButton: bit(byte, 6) };
    case 2:
      return { query, coverOpen: bit(byte, 2), feedingByButton: bit(byte, 3), stoppedByPaperEnd: bit(byte, 5), error: bit(byte, 6) };
    case 3:
      return { query, cutterError: bit(byte, 3), unrecoverable: bit(byte, 5), autoRecoverable: bit(byte, 6) };
    case 4:
      return { query, nearEnd: (byte & 0x0c) !== 0, end: (byte & 0x60) !== 0 };
    default: {
      const unreachable: never = query;
      return unreachable;
    }
  }
}

/** Paper supply. */
export type PaperState = 'ok' | 'low' | 'out';

/** The printer's state from the four replies. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paper: PaperState;
  /** Any error: the offline-cause error bit or any error cause. */
  error: boolean;
  cutterError: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
  /** Printing stopped because the paper ran out (a job may be incomplete). */
  stoppedByPaperEnd: boolean;
  /** The four reply bytes, for diagnostics. */
  raw: [number, number, number, number];
}

/** Combines the four replies (bytes already checked with {@link isStatusByte}); `undefined` if any is not a status byte. */
export function combineStatus(raw: readonly [number, number, number, number]): PrinterStatus | undefined {
  const r1 = decodeStatusByte(1, raw[0]);
  const r2 = decodeStatusByte(2, raw[1]);
  const r3 = decodeStatusByte(3, raw[2]);
  const r4 = decodeStatusByte(4, raw[3]);
  if (r1?.query !== 1 || r2?.query !== 2 || r3?.query !== 3 || r4?.query !== 4) return undefined;
  const paper: PaperState = r4.end || r2.stoppedByPaperEnd ? 'out' : r4.nearEnd ? 'low' : 'ok';
  return {
    online: !r1.offline,
    coverOpen: r2.coverOpen,
    paper,
    error: r2.error || r3.cutterError || r3.unrecoverable || r3.autoRecoverable,
    cutterError: r3.cutterError,
    unrecoverable: r3.unrecoverable,
    autoRecoverable: r3.autoRecoverable,
    stoppedByPaperEnd: r2.stoppedByPaperEnd,
    raw: [raw[0], raw[1], raw[2], raw[3]],
  };
}

/** Error codes of `hardwareError` statuses (the `DLE EOT 3` bit that set them). */
export const PRINTER_ERROR_CODES = { cutter: 3, unrecoverable: 5, other: 6 } as const;

/**
 * Maps a printer status to the driver status (XFS-like, DOMAIN.md §7):
 * unrecoverable or cutter error → hardwareError; cover open or paper out →
 * userError; an auto-recoverable error or an unexplained offline → offline;
 * otherwise online with media `present` or `low`.
 */
export function toDriverStatus(status: PrinterStatus): DriverStatus {
  if (status.unrecoverable) return { kind: 'hardwareError', code: PRINTER_ERROR_CODES.unrecoverable, message: 'printer reports an unrecoverable error' };
  if (status.cutterError) return { kind: 'hardwareError', code: PRINTER_ERROR_CODES.cutter, message: 'auto-cutter error (paper jam?)' };
  if (status.coverOpen) return { kind: 'userError', message: 'printer cover open' };
  if (status.paper === 'out') return { kind: 'userError', message: 'printer out of paper', media: 'out' };
  if (status.autoRecoverable) return { kind: 'offline', message: 'auto-recoverable error (e.g. print head temperature); waiting' };
  if (status.error) return { kind: 'hardwareError', code: PRINTER_ERROR_CODES.other, message: 'printer reports an error' };
  if (!status.online) return { kind: 'offline', message: 'printer offline' };
  return { kind: 'online', media: status.paper === 'low' ? 'low' : 'present' };
}

/** Whether a receipt may be sent: online, cover shut, paper present, no error. */
export function canPrint(status: PrinterStatus): boolean {
  return status.online && !status.coverOpen && status.paper !== 'out' && !status.error;
}
