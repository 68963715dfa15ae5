import { describe, expect, it, vi } from 'vitest';
import type { ConfigResult } from '../../../electron/host/config/load';
import { configPathFromArgv, runUtilityHost, type ParentPortLike, type UtilityHost, type UtilityPort } from '../../../electron/host/utility-process-entry';
import type { EventEnvelope } from '../../../electron/contract';

class FakePort implements UtilityPort {
  sent: unknown[] = [];
  closed = false;
  started = false;
  private handlers: Record<string, Array<(e?: { data: unknown }) => void>> = {};
  on(event: 'message' | 'close', listener: (e: { data: unknown }) => void): unknown {
    (this.handlers[event] ??= []).push(listener as (e?: { data: unknown }) => void);
    return this;
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  start() {
    this.started = true;
  }
  close() {
    this.closed = true;
  }
  receive(data: unknown) {
    for (const h of this.handlers.message ?? []) h({ data });
  }
}

function setup(config: ConfigResult = { ok: true, config: {} as never }, startError?: Error) {
  let parentListener: ((e: { data: unknown; ports: UtilityPort[] }) => void) | undefined;
  const toMain: unknown[] = [];
  const parentPort: ParentPortLike = {
    on: (_event, listener) => (parentListener = listener),
    postMessage: (m) => toMain.push(m),
  };
  const eventListeners: Array<(e: EventEnvelope) => void> = [];
  const host: UtilityHost & { stop: ReturnType<typeof vi.fn> } = {
    start: vi.fn(async () => {
      if (startError) throw startError;
    }),
    stop: vi.fn(async () => {}),
    dispatch: vi.fn(async (message: unknown) => ({ v: 1, type: 'reply', id: (message as { id: string }).id, ok: true, result: 'pong' })),
    onEvent: (listener) => {
      eventListeners.push(listener);
      return () => {};
    },
  };
  const exit = vi.fn();
  const logError = vi.fn();
  const running = runUtilityHost({ parentPort, configPath: '/etc/onedoor/config.json', loadConfig: vi.fn(async () => config), makeHost: () => host, exit, logError });
  const connect = (port: FakePort) => parentListener!({ data: { type: 'connect' }, ports: [port] });
  const emitEvent = (e: EventEnvelope) => eventListeners.forEach((l) => l(e));
  return { running, toMain, host, exit, logError, connect, emitEvent, parent: (data: unknown) => parentListener!({ data, ports: [] }) };
}

describe('host utility process entry', () => {
  it('reports ready after the host started and answers calls on the renderer port', async () => {
    const t = setup();
    const early = new FakePort();
    t.connect(early); // the window loaded before the host was up
    await t.running;
    expect(t.toMain).toEqual([{ type: 'ready' }]);
    expect(early.started).toBe(true);
    early.receive({ v: 1, type: 'call', id: 'r1', method: 'kiosk.info', params: {} });
    await vi.waitFor(() => expect(early.sent).toEqual([{ v: 1, type: 'reply', id: 'r1', ok: true, result: 'pong' }]));
  });

  it('routes host events to the latest renderer port only', async () => {
    const t = setup();
    await t.running;
    const first = new FakePort();
    const second = new FakePort();
    t.connect(first);
    t.connect(second);
    expect(first.closed).toBe(true);
    const event: EventEnvelope = { v: 1, type: 'event', event: 'devices.changed', payload: { devices: [] } };
    t.emitEvent(event);
    expect(second.sent).toEqual([event]);
    expect(first.sent).toEqual([]);
  });

  it('stops the host and exits 0 when main asks', async () => {
    const t = setup();
    await t.running;
    t.parent({ type: 'stop' });
    await vi.waitFor(() => expect(t.exit).toHaveBeenCalledWith(0));
    expect(t.host.stop).toHaveBeenCalledTimes(1);
  });

  it('exits with EX_CONFIG on a bad config, naming the problem', async () => {
    const t = setup({ ok: false, message: 'Invalid config: devices.idcard.port: required', problems: [] });
    await t.running;
    expect(t.exit).toHaveBeenCalledWith(78);
    expect(t.toMain).toEqual([{ type: 'fatal', message: 'Invalid config: devices.idcard.port: required' }]);
    expect(t.logError.mock.calls[0]![0]).toContain('devices.idcard.port');
  });

  it('exits non-zero when the host fails to start, so main restarts it', async () => {
    const t = setup(undefined, new Error('serial port busy'));
    await t.running;
    expect(t.exit).toHaveBeenCalledWith(70);
    expect(t.toMain).not.toContainEqual({ type: 'ready' });
  });

  it('reads --config from argv', () => {
    expect(configPathFromArgv(['node', 'entry', '--config=/etc/onedoor/config.json'])).toBe('/etc/onedoor/config.json');
    expect(configPathFromArgv(['node', 'entry', '--config='])).toBeUndefined();
    expect(configPathFromArgv(['node', 'entry'])).toBeUndefined();
  });
});
