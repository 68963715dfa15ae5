import { describe, expect, it } from 'vitest';
import {
  canPrint,
  combineStatus,
  decodeStatusByte,
  isStatusByte,
  toDriverStatus,
  type PrinterStatus,
  type StatusQuery,
} from '../../../drivers/receipt/status';

const ALL_CLEAR = 0x12;

describe('DLE EOT reply decoding (DOMAIN.md §8, Epson)', () => {
  it('accepts exactly the bytes with bit1 = 1, bit4 = 1, bit0 = 0, bit7 = 0, for every n', () => {
    for (const n of [1, 2, 3, 4] as StatusQuery[]) {
      for (let b = 0; b < 256; b++) {
        const fixedOk = (b & 0x01) === 0 && (b & 0x02) === 0x02 && (b & 0x10) === 0x10 && (b & 0x80) === 0;
        expect(decodeStatusByte(n, b) !== undefined, `n=${n} b=${b.toString(16)}`).toBe(fixedOk);
        expect(isStatusByte(b)).toBe(fixedOk);
      }
    }
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x13)).toBe(false); // bit0 set
    expect(isStatusByte(0x10)).toBe(false); // bit1 clear
    expect(isStatusByte(0x02)).toBe(false); // bit4 clear
    expect(isStatusByte(0x92)).toBe(false); // bit7 set
  });

  it('n=1: bit3 offline, bit5 waiting for online recovery, bit6 feed button', () => {
    expect(decodeStatusByte(1, ALL_CLEAR)).toEqual({ query: 1, drawerPin3: false, offline: false, waitingForRecovery: false, feedButton: false });
    expect(decodeStatusByte(1, ALL_CLEAR | 0x04)).toMatchObject({ drawerPin3: true, offline: false });
    expect(decodeStatusByte(1, ALL_CLEAR | 0x08)).toMatchObject({ offline: true, waitingForRecovery: false });
    expect(decodeStatusByte(1, ALL_CLEAR | 0x20)).toMatchObject({ offline: false, waitingForRecovery: true });
    expect(decodeStatusByte(1, ALL_CLEAR | 0x40)).toMatchObject({ feedButton: true, offline: false });
  });

  it('n=2: bit2 cover open, bit3 feed by button, bit5 stopped for paper end, bit6 error', () => {
    expect(decodeStatusByte(2, ALL_CLEAR)).toEqual({ query: 2, coverOpen: false, feedingByButton: false, stoppedByPaperEnd: false, error: false });
    expect(decodeStatusByte(2, ALL_CLEAR | 0x04)).toMatchObject({ coverOpen: true, error: false });
    expect(decodeStatusByte(2, ALL_CLEAR | 0x08)).toMatchObject({ feedingByButton: true, coverOpen: false });
    expect(decodeStatusByte(2, ALL_CLEAR | 0x20)).toMatchObject({ stoppedByPaperEnd: true, error: false });
    expect(decodeStatusByte(2, ALL_CLEAR | 0x40)).toMatchObject({ error: true, stoppedByPaperEnd: false });
  });

  it('n=3: bit3 auto-cutter error, bit5 unrecoverable, bit6 auto-recoverable (not the RN module’s mapping)', () => {
    expect(decodeStatusByte(3, ALL_CLEAR)).toEqual({ query: 3, cutterError: false, unrecoverable: false, autoRecoverable: false });
    expect(decodeStatusByte(3, ALL_CLEAR | 0x08)).toEqual({ query: 3, cutterError: true, unrecoverable: false, autoRecoverable: false });
    expect(decodeStatusByte(3, ALL_CLEAR | 0x20)).toEqual({ query: 3, cutterError: false, unrecoverable: true, autoRecoverable: false });
    expect(decodeStatusByte(3, ALL_CLEAR | 0x40)).toEqual({ query: 3, cutterError: false, unrecoverable: false, autoRecoverable: true });
  });

  it('n=4: 0x0C near end, 0x60 paper end, 0 present (not the other way round)', () => {
    expect(decodeStatusByte(4, ALL_CLEAR)).toEqual({ query: 4, nearEnd: false, end: false });
    expect(decodeStatusByte(4, ALL_CLEAR | 0x0c)).toEqual({ query: 4, nearEnd: true, end: false });
    expect(decodeStatusByte(4, ALL_CLEAR | 0x60)).toEqual({ query: 4, nearEnd: false, end: true });
    expect(decodeStatusByte(4, ALL_CLEAR | 0x6c)).toEqual({ query: 4, nearEnd: true, end: true });
    // A single bit of a pair counts (conservative).
    expect(decodeStatusByte(4, ALL_CLEAR | 0x04)).toMatchObject({ nearEnd: true });
    expect(decodeStatusByte(4, ALL_CLEAR | 0x40)).toMatchObject({ end: true });
  });
});

describe('combined status and driver status', () => {
  const status = (raw: [number, number, number, number]): PrinterStatus => {
    const s = combineStatus(raw);
    if (!s) throw new Error('not a status');
    return s;
  };

  it('all clear is online with paper present', () => {
    const s = status([0x12, 0x12, 0x12, 0x12]);
    expect(s).toMatchObject({ online: true, coverOpen: false, paper: 'ok', error: false });
    expect(canPrint(s)).toBe(true);
    expect(toDriverStatus(s)).toEqual({ kind: 'online', media: 'present' });
  });

  it('paper near end is online with media low and still prints', () => {
    const s = status([0x12, 0x12, 0x12, 0x1e]);
    expect(s.paper).toBe('low');
    expect(canPrint(s)).toBe(true);
    expect(toDriverStatus(s)).toEqual({ kind: 'online', media: 'low' });
  });

  it('paper out (n=4 or n=2 bit5) is a userError and cannot print', () => {
    for (const raw of [[0x1a, 0x12, 0x12, 0x72], [0x1a, 0x32, 0x12, 0x12]] as Array<[number, number, number, number]>) {
      const s = status(raw);
      expect(s.paper).toBe('out');
      expect(canPrint(s)).toBe(false);
      expect(toDriverStatus(s)).toMatchObject({ kind: 'userError', message: expect.stringContaining('paper') });
    }
  });

  it('cover open is a userError', () => {
    const s = status([0x1a, 0x16, 0x12, 0x12]);
    expect(s).toMatchObject({ online: false, coverOpen: true });
    expect(toDriverStatus(s)).toMatchObject({ kind: 'userError', message: expect.stringContaining('cover') });
  });

  it('cutter and unrecoverable errors are hardware errors; auto-recoverable is offline', () => {
    expect(toDriverStatus(status([0x1a, 0x52, 0x1a, 0x12]))).toMatchObject({ kind: 'hardwareError', code: 3 });
    expect(toDriverStatus(status([0x1a, 0x52, 0x32, 0x12]))).toMatchObject({ kind: 'hardwareError', code: 5 });
    expect(toDriverStatus(status([0x3a, 0x52, 0x52, 0x12]))).toMatchObject({ kind: 'offline' });
    expect(toDriverStatus(status([0x1a, 0x12, 0x12, 0x12]))).toMatchObject({ kind: 'offline' });
    expect(status([0x1a, 0x52, 0x1a, 0x12]).error).toBe(true);
  });

  it('refuses any quadruple holding a byte that is not a status reply', () => {
    expect(combineStatus([0x12, 0x12, 0x12, 0x00])).toBeUndefined();
    expect(combineStatus([0x92, 0x12, 0x12, 0x12])).toBeUndefined();
  });
});
