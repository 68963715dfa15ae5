import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { backoffDelay, createWebSocketKioskApi } from '../../../renderer/api/websocket-client';
import type { ConnectionState } from '../../../renderer/api/types';
import { devices, kioskInfo } from '../support/fixtures';
import { socketFactory } from '../support/fake-socket';

const URL = 'ws://127.0.0.1:8080/api?token=t0k';

function setup(timeoutMs = 10_000) {
  const factory = socketFactory();
  const rejected: string[] = [];
  const states: ConnectionState[] = [];
  const api = createWebSocketKioskApi({
    url: URL,
    createSocket: factory.create,
    timeoutMs,
    backoff: { initialMs: 100, maxMs: 1_000 },
    random: () => 0.5,
    onRejected: (reason) => rejected.push(reason),
  });
  api.onConnectionChange((s) => states.push(s));
  return { api, factory, rejected, states };
}

const reply = (id: string, result: unknown) => ({ v: PROTOCOL_VERSION, type: 'reply', id, ok: true, result });

describe('WebSocket KioskApi client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects to the given URL and reports connecting → connected', () => {
    const { api, factory, states } = setup();
    expect(factory.last().url).toBe(URL);
    expect(api.connectionState()).toBe('connecting');
    factory.last().open();
    expect(api.connectionState()).toBe('connected');
    expect(states).toEqual(['connected']);
  });

  it('sends well-formed request envelopes and correlates replies by id, in any order', async () => {
    const { api, factory } = setup();
    const socket = factory.last();
    socket.open();
    const info = api.call('kiosk.info', {});
    const list = api.call('devices.list', {});
    const [req1, req2] = socket.requests();
    expect(req1).toMatchObject({ v: PROTOCOL_VERSION, type: 'call', method: 'kiosk.info', params: {} });
    expect(req1!.id).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(req1!.id).not.toBe(req2!.id);

    socket.receive(reply(req2!.id, devices));
    socket.receive(reply(req1!.id, kioskInfo));
    await expect(info).resolves.toEqual({ ok: true, value: kioskInfo });
    await expect(list).resolves.toEqual({ ok: true, value: devices });
  });

  it('passes host errors through as values', async () => {
    const { api, factory } = setup();
    factory.last().open();
    const started = api.call('session.start', { language: 'zh-CN', elderMode: false });
    const { id } = factory.last().requests()[0]!;
    factory.last().receive({ v: 1, type: 'reply', id, ok: false, error: { code: 'sessionActive', messageKey: 'errors.sessionActive' } });
    await expect(started).resolves.toEqual({ ok: false, error: { code: 'sessionActive', messageKey: 'errors.sessionActive' } });
  });

  it('rejects malformed host messages without crashing, and still answers later good ones', async () => {
    const { api, factory, rejected } = setup();
    const socket = factory.last();
    socket.open();
    const info = api.call('kiosk.info', {});
    const { id } = socket.requests()[0]!;
    const bad: unknown[] = [
      'not json {',
      'null',
      '42',
      { v: 2, type: 'reply', id, ok: true, result: kioskInfo },
      { v: 1, type: 'reply', id, ok: 'yes', result: kioskInfo },
      { v: 1, type: 'reply', id, ok: false, error: { code: 'nope', messageKey: 'x' } },
      { v: 1, type: 'event', event: 'no.such.event', payload: {} },
      { v: 1, type: 'event', event: 'devices.changed', payload: { devices: [{ id: 'x' }] } },
      { v: 1, type: 'reply', id: 'unknown-id', ok: true, result: {} },
      'x'.repeat(300 * 1024),
    ];
    for (const message of bad) expect(() => socket.receive(message)).not.toThrow();
    socket.onmessage?.({ data: new ArrayBuffer(4) });
    expect(rejected).toHaveLength(bad.length + 1);

    socket.receive(reply(id, kioskInfo));
    await expect(info).resolves.toEqual({ ok: true, value: kioskInfo });
  });

  it('turns a reply whose result breaks the contract into an invalidReply error', async () => {
    const { api, factory } = setup();
    factory.last().open();
    const info = api.call('kiosk.info', {});
    const { id } = factory.last().requests()[0]!;
    factory.last().receive(reply(id, { hallName: 42 }));
    await expect(info).resolves.toEqual({ ok: false, error: { code: 'invalidMessage', messageKey: 'errors.invalidReply' } });
  });

  it('delivers validated events to subscribers until they unsubscribe', () => {
    const { api, factory } = setup();
    factory.last().open();
    const seen: unknown[] = [];
    const off = api.on('devices.changed', (payload) => seen.push(payload));
    factory.last().receive({ v: 1, type: 'event', event: 'devices.changed', payload: { devices } });
    off();
    factory.last().receive({ v: 1, type: 'event', event: 'devices.changed', payload: { devices: [] } });
    expect(seen).toEqual([{ devices }]);
  });

  it('times out a call that gets no reply', async () => {
    const { api, factory } = setup(10_000);
    factory.last().open();
    const info = api.call('kiosk.info', {});
    await vi.advanceTimersByTimeAsync(9_999);
    let settled = false;
    void info.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(info).resolves.toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.timeout' } });
    // A late reply is ignored (and reported), not crashing anything.
    const { id } = factory.last().requests()[0]!;
    expect(() => factory.last().receive(reply(id, kioskInfo))).not.toThrow();
  });

  it('queues calls made while connecting and sends them once open', async () => {
    const { api, factory } = setup();
    const info = api.call('kiosk.info', {});
    expect(factory.last().sent).toHaveLength(0);
    factory.last().open();
    const { id, method } = factory.last().requests()[0]!;
    expect(method).toBe('kiosk.info');
    factory.last().receive(reply(id, kioskInfo));
    await expect(info).resolves.toMatchObject({ ok: true });
  });

  it('fails calls in flight when the link drops, then reconnects with growing backoff', async () => {
    const { api, factory, states } = setup();
    factory.last().open();
    const info = api.call('kiosk.info', {});
    factory.last().drop();
    await expect(info).resolves.toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.connectionLost' } });
    expect(api.connectionState()).toBe('disconnected');

    await vi.advanceTimersByTimeAsync(99);
    expect(factory.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(factory.sockets).toHaveLength(2);
    expect(api.connectionState()).toBe('connecting');

    factory.last().drop(); // second attempt refused: wait 200 ms now
    await vi.advanceTimersByTimeAsync(199);
    expect(factory.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(factory.sockets).toHaveLength(3);
    factory.last().open();
    expect(states).toEqual(['connected', 'disconnected', 'connecting', 'disconnected', 'connecting', 'connected']);

    // A new call goes over the new socket.
    void api.call('devices.list', {});
    expect(factory.last().requests()[0]!.method).toBe('devices.list');
  });

  it('close() stops reconnecting and fails pending calls', async () => {
    const { api, factory } = setup();
    factory.last().open();
    const info = api.call('kiosk.info', {});
    api.close();
    await expect(info).resolves.toMatchObject({ ok: false, error: { messageKey: 'errors.connectionLost' } });
    expect(factory.sockets[0]!.closedWith).toBe(1000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(factory.sockets).toHaveLength(1);
    await expect(api.call('kiosk.info', {})).resolves.toMatchObject({ ok: false });
  });

  it('backoff doubles up to the cap, with jitter of ±20 %', () => {
    const b = { initialMs: 250, maxMs: 5_000 };
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, b, () => 0.5))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(backoffDelay(0, b, () => 0)).toBe(200);
    expect(backoffDelay(0, b, () => 0.999999)).toBe(300);
  });
});
