/** `npm run device -- endorsement read …`: a permit and its endorsements from the simulator; clear messages for no reader, no card, an unknown card and a damaged one. */
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../domain/result';
import { runEndorsement } from '../../../drivers/cli/endorsement';
import type { CliIo } from '../../../drivers/cli/io';
import { runCli } from '../../../drivers/cli/run';
import type { ApduTransport } from '../../../drivers/endorsement/transport';

function io() {
  const out: string[] = [];
  const errors: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void errors.push(t), stopRequested: () => new Promise(() => undefined) };
  return { cli, out, errors };
}

const reader = (over: Partial<ApduTransport>): ApduTransport => ({
  description: 'pcsc:Mock PICC',
  cardPresent: false,
  open: async () => ok(undefined),
  close: async () => undefined,
  connect: async () => err({ kind: 'noCard', message: 'none' }),
  on: () => () => undefined,
  ...over,
});

describe('endorsement CLI', () => {
  it('reads a simulated permit and lists its endorsements, the name masked', async () => {
    const a = io();
    expect(await runCli(['endorsement', 'read', '--simulate', '--card', 'C51234567'], a.cli)).toBe(0);
    expect(a.out[0]).toMatch(/^往来港澳通行证 C51234567 {2}吴\*\* {2}born 1980-11-25 {2}valid until \d{4}-\d{2}-\d{2}\n1 endorsement\(s\) on the chip:\n {2}1\. hongKong G single .* 7 days\/stay no\. HG2025000123$/);
    const b = io();
    expect(await runCli(['endorsement', 'read', '--simulate', '--json'], b.cli)).toBe(0);
    expect(JSON.parse(b.out[0]!)).toMatchObject({ permitType: 'hkMacauPermit', permitNumber: 'C38816402', name: '陈**', endorsements: [] });
  });

  it('says what is wrong: unknown card, damaged chip, no reader, no card', async () => {
    const bank = io();
    expect(await runCli(['endorsement', 'read', '--simulate', '--card', 'bank-card'], bank.cli)).toBe(2);
    expect(bank.errors.at(-1)).toBe('error: unknown card, not an electronic permit (no permit application (SELECT 6A82))');
    const damaged = io();
    expect(await runCli(['endorsement', 'read', '--simulate', '--card', 'damaged'], damaged.cli)).toBe(2);
    expect(damaged.errors.at(-1)).toMatch(/^error: the permit's chip could not be read: EF.PERMIT: TLV truncated/);
    const none = io();
    expect(await runEndorsement(['read', '--reader', 'PICC'], none.cli, { pcsc: () => reader({ open: async () => err({ kind: 'noReader', message: 'no PC/SC reader named "PICC" (no reader listed)' }) }) })).toBe(2);
    expect(none.errors).toEqual(['error: no reader: no PC/SC reader named "PICC" (no reader listed)']);
    const empty = io();
    expect(await runEndorsement(['read', '--reader', 'PICC', '--timeout-ms', '150'], empty.cli, { pcsc: () => reader({}) })).toBe(3);
    expect(empty.errors.at(-1)).toBe('error: no card on the reader in time');
  });

  it('refuses bad usage with 64', async () => {
    expect(await runCli(['endorsement', 'read'], io().cli)).toBe(64);
    expect(await runCli(['endorsement', 'read', '--simulate', '--card', 'nobody'], io().cli)).toBe(64);
    expect(await runCli(['endorsement', 'read', '--reader', 'PICC', '--card', 'C38816402'], io().cli)).toBe(64);
    expect(await runCli(['endorsement', 'write'], io().cli)).toBe(64);
  });
});
