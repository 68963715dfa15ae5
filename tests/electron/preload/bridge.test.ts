import { describe, expect, it } from 'vitest';
import { createBridgeRuntime, type BridgePort } from '../../../electron/preload/bridge';

class FakePort implements BridgePort {
  sent: unknown[] = [];
  closed = false;
  private onMessage: ((data: unknown) => void) | undefined;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  listen(onMessage: (data: unknown) => void) {
    this.onMessage = onMessage;
  }
  close() {
    this.closed = true;
    this.onMessage = undefined;
  }
  receive(data: unknown) {
    this.onMessage?.(data);
  }
}

const call = (id: string) => ({ v: 1, type: 'call', id, method: 'kiosk.info', params: {} });
const reply = (id: string, result: unknown = 'ok') => ({ v: 1, type: 'reply', id, ok: true, result });

describe('onedoor bridge', () => {
  it('has exactly invoke and subscribe', () => {
    const { bridge } = createBridgeRuntime();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('correlates replies by request id, whatever their order', async () => {
    const runtime = createBridgeRuntime();
    const port = new FakePort();
    runtime.attachPort(port);
    const a = runtime.bridge.invoke(call('a'));
    const b = runtime.bridge.invoke(call('b'));
    expect(port.sent).toEqual([call('a'), call('b')]);
    port.receive(reply('b', 2));
    port.receive(reply('a', 1));
    port.receive(reply('zzz', 3)); // unknown ids are dropped
    await expect(a).resolves.toEqual(reply('a', 1));
    await expect(b).resolves.toEqual(reply('b', 2));
  });

  it('queues calls made before the port arrives', async () => {
    const runtime = createBridgeRuntime();
    const pending = runtime.bridge.invoke(call('early'));
    const port = new FakePort();
    runtime.attachPort(port);
    expect(port.sent).toEqual([call('early')]);
    port.receive(reply('early'));
    await expect(pending).resolves.toEqual(reply('early'));
  });

  it('answers malformed and duplicate requests with an error reply', async () => {
    const runtime = createBridgeRuntime();
    runtime.attachPort(new FakePort());
    await expect(runtime.bridge.invoke('nope')).resolves.toMatchObject({ ok: false, id: null, error: { code: 'invalidMessage' } });
    await expect(runtime.bridge.invoke({ id: 7 })).resolves.toMatchObject({ ok: false, error: { code: 'invalidMessage' } });
    void runtime.bridge.invoke(call('dup'));
    await expect(runtime.bridge.invoke(call('dup'))).resolves.toMatchObject({ ok: false, id: 'dup', error: { code: 'invalidMessage' } });
  });

  it('delivers host events and main events to subscribers until they unsubscribe', () => {
    const runtime = createBridgeRuntime();
    const port = new FakePort();
    runtime.attachPort(port);
    const seen: unknown[] = [];
    const unsubscribe = runtime.bridge.subscribe((e) => seen.push(e));
    runtime.bridge.subscribe(() => {
      throw new Error('a broken page listener');
    });
    const devices = { v: 1, type: 'event', event: 'devices.changed', payload: { devices: [] } };
    port.receive(devices);
    const ready = { v: 1, type: 'event', event: 'host.status', payload: { state: 'ready' } };
    runtime.deliverMainEvent(ready);
    runtime.deliverMainEvent('garbage');
    unsubscribe();
    port.receive(devices);
    expect(seen).toEqual([devices, ready]);
  });

  it('fails calls in flight when the host restarts, and resends nothing twice', async () => {
    const runtime = createBridgeRuntime();
    const old = new FakePort();
    runtime.attachPort(old);
    const inFlight = runtime.bridge.invoke(call('x'));
    runtime.deliverMainEvent({ v: 1, type: 'event', event: 'host.status', payload: { state: 'restarting' } });
    expect(old.closed).toBe(true);
    await expect(inFlight).resolves.toMatchObject({ ok: false, id: 'x', error: { code: 'internal', messageKey: 'errors.hostUnavailable' } });

    const waiting = runtime.bridge.invoke(call('y')); // made while restarting
    const fresh = new FakePort();
    runtime.attachPort(fresh);
    expect(fresh.sent).toEqual([call('y')]);
    fresh.receive(reply('y'));
    await expect(waiting).resolves.toEqual(reply('y'));
  });

  it('fails calls sent on a replaced port', async () => {
    const runtime = createBridgeRuntime();
    const old = new FakePort();
    runtime.attachPort(old);
    const inFlight = runtime.bridge.invoke(call('z'));
    runtime.attachPort(new FakePort());
    await expect(inFlight).resolves.toMatchObject({ ok: false, id: 'z' });
    old.receive(reply('z')); // too late, and ignored
  });

  it('ignores non-function listeners', () => {
    const runtime = createBridgeRuntime();
    const unsubscribe = runtime.bridge.subscribe('x' as unknown as () => void);
    expect(unsubscribe).toEqual(expect.any(Function));
    unsubscribe();
  });
});
