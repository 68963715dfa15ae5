import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { createHost } from '../../../electron/host/create-host';
import { createFakeDevices } from './fake-devices';

const since = new Date('2026-11-29T08:00:00Z');
const idcard = { id: 'idcard', kind: 'idcard' as const, simulated: true, status: { kind: 'online' as const, media: 'absent' as const }, since };

function makeHost() {
  const devices = createFakeDevices([idcard]);
  const host = createHost(defaultConfig(), { logger: pino({ level: 'silent' }), devices });
  return { host, devices };
}
const call = (method: string, params: unknown = {}, id = 'r1') => ({ v: PROTOCOL_VERSION, type: 'call', id, method, params });

describe('host dispatch', () => {
  it('answers kiosk.info with the hall name, kiosk id and version', async () => {
    const { host } = makeHost();
    const reply = await host.dispatch(call('kiosk.info'));
    expect(reply).toMatchObject({ id: 'r1', ok: true, result: { hallName: '平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站', kioskId: 'HB-KIOSK-01', protocolVersion: 1 } });
  });

  it('lists devices in contract form and pushes changes as events', async () => {
    const { host, devices } = makeHost();
    const events: unknown[] = [];
    host.onEvent((e) => events.push(e));
    await host.start();
    const reply = await host.dispatch(call('devices.list'));
    expect(reply).toMatchObject({ ok: true, result: [{ id: 'idcard', state: 'online', messageKey: 'devices.state.online' }] });
    devices.set([{ ...idcard, status: { kind: 'noDevice', message: 'cable pulled' } }]);
    expect(events.filter((e) => (e as { event: string }).event === 'devices.changed')).toEqual([expect.objectContaining({ type: 'event', event: 'devices.changed', payload: { devices: [expect.objectContaining({ state: 'noDevice', detail: 'cable pulled' })] } })]);
    await host.stop();
  });

  it('starts and ends a session, refusing a second one meanwhile', async () => {
    const { host } = makeHost();
    const started = await host.dispatch(call('session.start', { language: 'zh-CN', elderMode: true }));
    expect(started.ok).toBe(true);
    const second = await host.dispatch(call('session.start', { language: 'en', elderMode: false }, 'r2'));
    expect(second).toMatchObject({ id: 'r2', ok: false, error: { code: 'sessionActive', messageKey: 'errors.sessionActive' } });
    const sessionId = started.ok ? (started.result as { sessionId: string }).sessionId : '';
    expect(await host.dispatch(call('session.end', { sessionId, reason: 'cancelled' }, 'r3'))).toMatchObject({ ok: true, result: { ended: true } });
    expect(await host.dispatch(call('session.end', { sessionId, reason: 'cancelled' }, 'r4'))).toMatchObject({ ok: false, error: { code: 'noSession' } });
  });

  it.each([
    ['not JSON', '{oops', 'invalidMessage'],
    ['not an envelope', JSON.stringify({ hello: 1 }), 'invalidMessage'],
    ['a wrong protocol version', JSON.stringify({ ...call('kiosk.info'), v: 99 }), 'unsupportedVersion'],
    ['an unknown method', JSON.stringify(call('kiosk.selfDestruct')), 'unknownMethod'],
    ['bad params', JSON.stringify(call('session.start', { language: 'fr', elderMode: 'yes' })), 'invalidParams'],
    ['extra params', JSON.stringify(call('kiosk.info', { sneaky: true })), 'invalidParams'],
    ['an oversized message', 'x'.repeat(300 * 1024), 'invalidMessage'],
  ])('replies with an error to %s and keeps working', async (_label, raw, code) => {
    const { host } = makeHost();
    const reply = await host.dispatch(raw);
    expect(reply).toMatchObject({ type: 'reply', ok: false, error: { code, messageKey: `errors.${code}` } });
    expect((await host.dispatch(call('kiosk.info'))).ok).toBe(true);
  });

  it('never echoes personal input values in error details', async () => {
    const { host } = makeHost();
    const reply = await host.dispatch(call('session.end', { sessionId: 5, reason: '11010519491231002X' }));
    expect(JSON.stringify(reply)).not.toContain('11010519491231002X');
  });
});
