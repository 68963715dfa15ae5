import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OneDoorBridge } from '../../../electron/contract';
import { createIpcKioskApi, isOneDoorBridge } from '../../../renderer/api/ipc-client';
import { devices, kioskInfo } from '../support/fixtures';

type Request = { v: number; type: string; id: string; method: string; params: unknown };

function fakeBridge(answer: (request: Request) => Promise<unknown>) {
  const listeners = new Set<(event: unknown) => void>();
  const bridge: OneDoorBridge = {
    invoke: (request) => answer(request as Request),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, push: (event: unknown) => listeners.forEach((l) => l(event)), listenerCount: () => listeners.size };
}

describe('IPC KioskApi client', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('recognises the preload bridge', () => {
    expect(isOneDoorBridge({ invoke() {}, subscribe() {} })).toBe(true);
    expect(isOneDoorBridge({ invoke() {} })).toBe(false);
    expect(isOneDoorBridge(undefined)).toBe(false);
  });

  it('sends envelopes and validates the reply', async () => {
    const seen: Request[] = [];
    const { bridge } = fakeBridge(async (req) => {
      seen.push(req);
      return { v: 1, type: 'reply', id: req.id, ok: true, result: kioskInfo };
    });
    const api = createIpcKioskApi(bridge, { onRejected: () => {} });
    await expect(api.call('kiosk.info', {})).resolves.toEqual({ ok: true, value: kioskInfo });
    expect(seen[0]).toMatchObject({ v: 1, type: 'call', method: 'kiosk.info', params: {} });
    expect(api.connectionState()).toBe('connected');
  });

  it('rejects a reply with the wrong id or shape as invalidReply', async () => {
    const rejected: string[] = [];
    const { bridge } = fakeBridge(async () => ({ v: 1, type: 'reply', id: 'someone-else', ok: true, result: kioskInfo }));
    const api = createIpcKioskApi(bridge, { onRejected: (r) => rejected.push(r) });
    await expect(api.call('kiosk.info', {})).resolves.toMatchObject({ ok: false, error: { messageKey: 'errors.invalidReply' } });
    const { bridge: b2 } = fakeBridge(async () => 'garbage');
    await expect(createIpcKioskApi(b2, { onRejected: (r) => rejected.push(r) }).call('kiosk.info', {})).resolves.toMatchObject({ ok: false });
    expect(rejected).toHaveLength(2);
  });

  it('maps a failed invoke to a transport error and a silent host to a timeout', async () => {
    const { bridge } = fakeBridge(() => Promise.reject(new Error('port closed')));
    await expect(createIpcKioskApi(bridge).call('kiosk.info', {})).resolves.toMatchObject({ ok: false, error: { messageKey: 'errors.transport' } });

    const { bridge: silent } = fakeBridge(() => new Promise(() => {}));
    const call = createIpcKioskApi(silent, { timeoutMs: 500 }).call('kiosk.info', {});
    await vi.advanceTimersByTimeAsync(500);
    await expect(call).resolves.toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.timeout' } });
  });

  it('validates events and drops bad ones; close() unsubscribes', () => {
    const rejected: string[] = [];
    const { bridge, push, listenerCount } = fakeBridge(async () => null);
    const api = createIpcKioskApi(bridge, { onRejected: (r) => rejected.push(r) });
    const seen: unknown[] = [];
    api.on('devices.changed', (p) => seen.push(p));
    push({ v: 1, type: 'event', event: 'devices.changed', payload: { devices } });
    push({ v: 1, type: 'event', event: 'devices.changed', payload: { devices: 'no' } });
    push('not an object');
    push({ v: 1, type: 'reply', id: 'x', ok: true, result: null });
    expect(seen).toEqual([{ devices }]);
    expect(rejected).toHaveLength(3);
    api.close();
    expect(listenerCount()).toBe(0);
  });
});
