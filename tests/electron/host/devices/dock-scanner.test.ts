/** The simulated code scanner through the whole host: dock.act scan → `scanner.scanned`, the code never in the log. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EventEnvelope } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function startHost(): Promise<{ host: KioskHost; events: EventEnvelope[]; logs: string[]; call: (method: string, params: unknown) => Promise<{ ok: boolean; result?: unknown; error?: { code: string } }> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-scanner-'));
  const config = KioskConfig.parse({
    simulation: true,
    kioskId: 'T-01',
    backend: { kind: 'sandbox', latency: { minMs: 0, maxMs: 0 } },
    devices: { idcard: { simulator: { paceBaud: 0 } } },
  });
  const logs: string[] = [];
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );
  const host = createHost(config, { logger, dataDir, keyDir: `${dataDir}-keys`, printing: { simulator: { msPerPage: 0, startDelayMs: 0 } } });
  const events: EventEnvelope[] = [];
  host.onEvent((event) => events.push(event));
  await host.start();
  cleanup = async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-keys`, { recursive: true, force: true });
  };
  let n = 0;
  const call = async (method: string, params: unknown) =>
    (await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `s${++n}`, method, params })) as { ok: boolean; result?: unknown; error?: { code: string } };
  return { host, events, logs, call };
}

describe('host: simulated code scanner', () => {
  it('is simulated and enabled by default, listed by devices.list and dock.state', async () => {
    const { call } = await startHost();
    await until(async () => {
      const devices = (await call('devices.list', {})).result as Array<{ id: string; kind: string; state: string }>;
      return devices.some((d) => d.id === 'scanner' && d.kind === 'scanner' && d.state === 'online') ? true : undefined;
    }, 'scanner online');
    const state = (await call('dock.state', {})).result as { devices: Array<{ id: string; kind: string; plugged: boolean }> };
    expect(state.devices).toContainEqual({ id: 'scanner', kind: 'scanner', plugged: true });
  });

  it('dock.act scan → scanner.scanned {deviceId, text}; the text is never logged', async () => {
    const { events, logs, call } = await startHost();
    await until(async () => {
      const devices = (await call('devices.list', {})).result as Array<{ id: string; state: string }>;
      return devices.some((d) => d.id === 'scanner' && d.state === 'online') ? true : undefined;
    }, 'scanner online');
    const text = 'OD-PAY-2026-0001';
    expect(await call('dock.act', { action: 'scan', deviceId: 'scanner', text })).toMatchObject({ ok: true, result: { done: true } });
    const event = await until(() => events.find((e) => e.event === 'scanner.scanned'), 'scanner.scanned');
    expect(event.payload).toEqual({ deviceId: 'scanner', text });
    expect(logs.join('')).toContain('"length":16');
    expect(logs.join('')).not.toContain(text);
  });

  it('refuses a scan on a device that is not a scanner, with the cable pulled, and over 4096 characters', async () => {
    const { call } = await startHost();
    expect((await call('dock.act', { action: 'scan', deviceId: 'idcard', text: 'x' })).ok).toBe(false);
    expect((await call('dock.act', { action: 'unplug', deviceId: 'scanner' })).ok).toBe(true);
    expect(await call('dock.act', { action: 'scan', deviceId: 'scanner', text: 'x' })).toMatchObject({ ok: false, error: { code: 'deviceUnavailable' } });
    expect(await call('dock.act', { action: 'scan', deviceId: 'scanner', text: 'x'.repeat(4097) })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
  });
});
