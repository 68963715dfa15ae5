/** `devices.endorsementWriter`: simulated by default in simulation, absent = none on a real kiosk, pcsc with a reader name, a malformed entry refused naming the field. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../electron/host/config/load';
import { realKioskConfig } from '../../../helpers/real-kiosk-config';

const REAL_BACKEND = {
  backend: {
    kind: 'http',
    baseUrl: 'https://gateway.example.internal/onedoor/v1',
    tls: { caFile: '/etc/onedoor/tls/ca.crt', clientCertFile: '/etc/onedoor/tls/kiosk.crt', clientKeyFile: '/etc/onedoor/tls/kiosk.key' },
  },
};

function problems(input: unknown): string[] {
  const result = parseConfig(input);
  return result.ok ? [] : result.error.problems;
}

const writerOf = (input: unknown) => {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(result.error.problems.join('; '));
  return result.value.devices.endorsementWriter;
};

describe('devices.endorsementWriter', () => {
  it('is the simulated writer in a simulated kiosk that names none', () => {
    expect(writerOf({ simulation: true })).toEqual({ id: 'endorsementWriter', enabled: true, mode: 'simulated', readTimeoutMs: 5000, writeTimeoutMs: 15_000, simulator: {} });
  });

  it('is absent on a real kiosk that names none (the kiosk has no writer)', () => {
    expect(writerOf(realKioskConfig(REAL_BACKEND))).toBeUndefined();
  });

  it('takes a PC/SC reader by name on a real kiosk', () => {
    const devices = { ...(realKioskConfig({}).devices as object), endorsementWriter: { mode: 'pcsc', reader: 'PICC', keyFile: '/etc/onedoor/writer.key' } };
    expect(writerOf(realKioskConfig({ ...REAL_BACKEND, devices }))).toMatchObject({ mode: 'pcsc', reader: 'PICC', keyFile: '/etc/onedoor/writer.key' });
  });

  it('refuses a malformed entry with a message naming the field', () => {
    expect(problems({ simulation: true, devices: { endorsementWriter: { mode: 'pcsc' } } })).toEqual([expect.stringMatching(/^devices\.endorsementWriter\.reader: a PC\/SC endorsement writer needs "reader"/)]);
    expect(problems({ simulation: true, devices: { endorsementWriter: { mode: 'nfc' } } })).toEqual(['devices.endorsementWriter.mode: must be "simulated" or "pcsc"']);
    expect(problems({ simulation: true, devices: { endorsementWriter: { mode: 'simulated', readTimeoutMs: 5 } } })).toEqual([expect.stringMatching(/^devices\.endorsementWriter\.readTimeoutMs: /)]);
    expect(problems({ simulation: true, devices: { endorsementWriter: { mode: 'simulated', simulator: { initialCard: 'someone' } } } })).toEqual([expect.stringMatching(/^devices\.endorsementWriter\.simulator\.initialCard: a sample permit number/)]);
    expect(problems({ simulation: true, devices: { endorsementWriter: { mode: 'simulated', colour: 'red' } } })).toEqual([expect.stringMatching(/^devices\.endorsementWriter: /)]);
  });

  it('refuses a simulated writer on a real kiosk', () => {
    const devices = { ...(realKioskConfig({}).devices as object), endorsementWriter: { mode: 'simulated' } };
    expect(problems(realKioskConfig({ ...REAL_BACKEND, devices }))).toEqual([expect.stringMatching(/^devices\.endorsementWriter\.mode: is "simulated"/)]);
  });
});
