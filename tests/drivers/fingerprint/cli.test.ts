/** `npm run device -- fingerprint …` against the simulator, and its usage errors. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../drivers/cli/run';
import type { CliIo } from '../../../drivers/cli/io';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), stopRequested: () => new Promise(() => undefined) };
  return { cli, out, err };
}

describe('fingerprint CLI', () => {
  it('info and capture against the simulator: one JSON object each, no template bytes', async () => {
    const a = io();
    expect(await runCli(['fingerprint', 'info', '--simulate', '--json'], a.cli)).toBe(0);
    expect(JSON.parse(a.out[0]!)).toMatchObject({ protocolVersion: 1, serialNumber: 'SIM-FP-0001' });
    const b = io();
    expect(await runCli(['fingerprint', 'capture', '--simulate', '--quality', '40', '--json'], b.cli)).toBe(0);
    expect(JSON.parse(b.out[0]!)).toEqual({ quality: 40, templateBytes: 512, templateSha256Prefix: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('an unreadable finger is a device error (exit 2); bad usage is 64', async () => {
    const a = io();
    expect(await runCli(['fingerprint', 'capture', '--simulate', '--quality', '0'], a.cli)).toBe(2);
    expect(a.err.join('\n')).toMatch(/noTemplate/);
    expect(await runCli(['fingerprint', 'info'], io().cli)).toBe(64);
    expect(await runCli(['fingerprint', 'info', '--vid', '1209'], io().cli)).toBe(64);
    expect(await runCli(['fingerprint', 'scan', '--simulate'], io().cli)).toBe(64);
  });
});
