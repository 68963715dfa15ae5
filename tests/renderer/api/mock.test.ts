import { describe, expect, it } from 'vitest';
import { FIXTURE_SERVICE_ID, fixtureWording } from '../../../renderer/api/fixture-service';
import { createMockKioskApi, fail, fixtureServiceHandlers, ok } from '../../../renderer/api/mock';
import { kioskInfo } from '../support/fixtures';

describe('strict mock KioskApi', () => {
  it('throws on a call without a handler, and records it', () => {
    const api = createMockKioskApi({});
    expect(() => api.call('kiosk.info', {})).toThrow(/Unexpected KioskApi call "kiosk.info"/);
    expect(api.unexpectedCalls).toEqual([{ method: 'kiosk.info', params: {} }]);
  });

  it('throws on params the host would reject', () => {
    const api = createMockKioskApi({ 'session.start': () => fail('internal') });
    // @ts-expect-error deliberately wrong params
    expect(() => api.call('session.start', { language: 'fr', elderMode: false })).toThrow(/params the host would reject/);
  });

  it('rejects handler results that break the contract', async () => {
    // @ts-expect-error deliberately wrong result
    const api = createMockKioskApi({ 'kiosk.info': () => ok<'kiosk.info'>({ hallName: 1 }) });
    await expect(api.call('kiosk.info', {})).rejects.toThrow(/contract rejects/);
  });

  it('answers from handlers and logs calls', async () => {
    const api = createMockKioskApi({ 'kiosk.info': () => ok<'kiosk.info'>(kioskInfo) });
    await expect(api.call('kiosk.info', {})).resolves.toEqual({ ok: true, value: kioskInfo });
    api.setHandler('session.end', async () => fail('noSession'));
    await expect(api.call('session.end', { sessionId: 'x', reason: 'cancelled' })).resolves.toMatchObject({ ok: false, error: { code: 'noSession', messageKey: 'errors.noSession' } });
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 'x', reason: 'cancelled' }]);
  });

  it('emits validated events and refuses invalid ones', () => {
    const api = createMockKioskApi();
    const seen: unknown[] = [];
    const off = api.on('host.status', (p) => seen.push(p));
    api.emit('host.status', { state: 'restarting' });
    // @ts-expect-error deliberately wrong payload
    expect(() => api.emit('host.status', { state: 'exploded' })).toThrow(/contract rejects/);
    off();
    expect(api.listenerCount('host.status')).toBe(0);
    expect(seen).toEqual([{ state: 'restarting' }]);
  });

  it('reports connection changes', () => {
    const api = createMockKioskApi({}, 'connecting');
    const states: string[] = [];
    api.onConnectionChange((s) => states.push(s));
    api.setConnectionState('connected');
    api.setConnectionState('connected');
    api.setConnectionState('disconnected');
    expect(states).toEqual(['connected', 'disconnected']);
    expect(api.connectionState()).toBe('disconnected');
  });

  it('serves the fixture service: its wording and first view, and refuses a service it does not know', async () => {
    const api = createMockKioskApi(fixtureServiceHandlers());
    await expect(api.call('service.wording', { serviceId: FIXTURE_SERVICE_ID })).resolves.toEqual({ ok: true, value: fixtureWording });
    await expect(api.call('flow.start', { sessionId: 's-1', serviceId: FIXTURE_SERVICE_ID })).resolves.toMatchObject({
      ok: true,
      value: { serviceId: FIXTURE_SERVICE_ID, step: 'identify', stepId: 'identify' },
    });
    await expect(api.call('service.wording', { serviceId: 'elsewhere' })).resolves.toMatchObject({
      ok: false,
      error: { messageKey: 'flow.unknownService' },
    });
  });
});
