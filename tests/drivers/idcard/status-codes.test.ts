import { describe, expect, it } from 'vitest';
import { commandName, GA467_COMMANDS } from '../../../drivers/idcard/commands';
import {
  describeSw3,
  formatSamId,
  KNOWN_SW3_CODES,
  SW3,
  sw3Message,
  type Sw3Kind,
} from '../../../drivers/idcard/status-codes';

describe('describeSw3', () => {
  const expected: [number, Sw3Kind][] = [
    [0x90, 'success'],
    [0x9f, 'cardFound'],
    [0x91, 'noContent'],
    [0x10, 'hostError'],
    [0x11, 'hostError'],
    [0x21, 'hostError'],
    [0x23, 'hostError'],
    [0x24, 'hostError'],
    [0x31, 'cardError'],
    [0x32, 'cardError'],
    [0x33, 'cardError'],
    [0x37, 'cardError'],
    [0x3f, 'cardError'],
    [0x40, 'cardError'],
    [0x41, 'transient'],
    [0x47, 'transient'],
    [0x60, 'samError'],
    [0x66, 'samError'],
    [0x80, 'noCard'],
    [0x81, 'noCard'],
  ];

  it.each(expected)('SW3 %i is %s, with Chinese and English text', (code, kind) => {
    const status = describeSw3(code);
    expect(status.code).toBe(code);
    expect(status.kind).toBe(kind);
    expect(status.zh.length).toBeGreaterThan(1);
    expect(status.en.length).toBeGreaterThan(1);
  });

  it('covers every documented code and nothing else', () => {
    expect([...KNOWN_SW3_CODES].sort()).toEqual(expected.map(([c]) => c).sort());
    expect(Object.values(SW3).sort()).toEqual(expected.map(([c]) => c).sort());
  });

  it('falls back to unknown for undocumented codes, vendor-DLL codes included', () => {
    for (const code of [0x00, 0x01, 0x05, 0x42, 0xff]) {
      expect(describeSw3(code)).toMatchObject({ code, kind: 'unknown' });
    }
    expect(sw3Message(0x42)).toBe('SW3 0x42: unknown status 0x42');
    expect(sw3Message(0x60)).toBe('SW3 0x60: SAM self-test failed');
  });
});

describe('formatSamId', () => {
  it('prints little-endian u16.u16-u32-u32-u32 zero-padded', () => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 5, true);
    view.setUint16(2, 1, true);
    view.setUint32(4, 20240101, true);
    view.setUint32(8, 12345, true);
    view.setUint32(12, 4294967295, true);
    expect(formatSamId(bytes)).toBe('05.01-20240101-0000012345-4294967295');
  });

  it('reads a subarray at its own offset', () => {
    const bytes = new Uint8Array(20);
    bytes.set([0x0c, 0x00, 0x22, 0x00], 4);
    expect(formatSamId(bytes.subarray(4))).toBe('12.34-00000000-0000000000-0000000000');
  });

  it('answers undefined for fewer than 16 bytes', () => {
    expect(formatSamId(new Uint8Array(15))).toBeUndefined();
  });
});

describe('commandName', () => {
  it('maps every command back to its name and unknown pairs to undefined', () => {
    for (const [name, c] of Object.entries(GA467_COMMANDS)) expect(commandName(c.cmd, c.para)).toBe(name);
    expect(commandName(0x20, 0x00)).toBeUndefined();
  });
});
