/**
 * The host follows the config's one simulation switch (issue 12, defect 3):
 * a real kiosk whose config still carries simulated entries for devices it
 * switched off is not "in simulation": it says so to the renderer (which then
 * shows no dock, no dev routes, no idle scaling) and refuses the dock and face
 * enrolment itself.
 */
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { parseConfig } from '../../../electron/host/config/load';
import { createHost, type KioskHost } from '../../../electron/host/create-host';
import { makeTestPki } from '../../helpers/test-pki';
import { createFakeDevices } from './fake-devices';

const since = new Date('2026-11-29T08:00:00Z');
const reader = { id: 'idcard', kind: 'idcard' as const, simulated: false, status: { kind: 'online' as const, media: 'absent' as const }, since };
const call = (method: string, params: unknown = {}) => ({ v: PROTOCOL_VERSION, type: 'call', id: 'r1', method, params });

/** A real kiosk that lacks every device but the reader (whose driver the test replaces). */
const pki = makeTestPki();
afterAll(() => pki.remove());
const REAL_KIOSK = {
  simulation: false,
  backend: {
    kind: 'http',
    baseUrl: 'https://127.0.0.1:9/onedoor/v1',
    tls: { caFile: pki.ca.certFile, clientCertFile: pki.client.certFile, clientKeyFile: pki.client.keyFile },
  },
  devices: { idcard: { mode: 'serial', path: '/dev/ttyUSB0' }, receiptPrinter: { enabled: false }, scanner: { enabled: false }, fingerprint: { enabled: false } },
  printing: { a4: { enabled: false } },
};

let host: KioskHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

function start(input: unknown): KioskHost {
  const parsed = parseConfig(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  host = createHost(parsed.value, { logger: pino({ level: 'silent' }), devices: createFakeDevices([reader]) });
  return host;
}

describe('simulation seams follow the config switch', () => {
  it('a real kiosk with switched-off devices left "simulated" is not in simulation: no dock, no enrolment', async () => {
    const real = start(REAL_KIOSK);
    expect(await real.dispatch(call('kiosk.info'))).toMatchObject({ ok: true, result: { simulation: false, backend: 'http' } });
    expect(await real.dispatch(call('dock.state'))).toMatchObject({ ok: true, result: { enabled: false, devices: [] } });
    expect(await real.dispatch(call('dock.act', { action: 'unplug', deviceId: 'idcard' }))).toMatchObject({ ok: false });
    expect(await real.dispatch(call('dock.enrolFace', { sampleCard: 'resident-han', photoJpegBase64: 'AAAAAAAAAAAA' }))).toMatchObject({
      ok: true,
      result: { outcome: 'refused', reasonKey: 'dock.enrol.notSimulation' },
    });
  });

  it('a simulated kiosk says so and opens its dock, even with a real reader attached', async () => {
    const sim = start({ simulation: true, devices: { idcard: { mode: 'serial', path: '/dev/ttyUSB0' } } });
    expect(await sim.dispatch(call('kiosk.info'))).toMatchObject({ ok: true, result: { simulation: true, backend: 'sandbox' } });
    expect(await sim.dispatch(call('dock.state'))).toMatchObject({ ok: true, result: { enabled: true } });
  });

  it('a simulated kiosk whose config turns the dock off keeps it closed', async () => {
    const sim = start({ simulation: true, dock: { enabled: false } });
    expect(await sim.dispatch(call('dock.state'))).toMatchObject({ ok: true, result: { enabled: false } });
  });
});
