import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { ConfigResult } from '../../../electron/host/config/load';
import { createLogger } from '../../../electron/host/log/logger';
import { configPathFromArgv, runUtilityHost, type ParentPortLike, type UtilityHost, type UtilityPort } from '../../../electron/host/utility-process-entry';
import { onCrashLogAndExit } from '../../../electron/host/log/crash';
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

/** The entry's logger, as the utility process makes it, writing into `lines`. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

function setup(config: ConfigResult = { ok: true, value: {} as never }, startError?: Error, dispatchError?: Error) {
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
    dispatch: vi.fn(async (message: unknown) => {
      if (dispatchError) throw dispatchError;
      return { v: 1, type: 'reply', id: (message as { id: string }).id, ok: true, result: 'pong' };
    }),
    onEvent: (listener) => {
      eventListeners.push(listener);
      return () => {};
    },
  };
  const exit = vi.fn();
  const { logger, lines } = capturedLogger();
  const running = runUtilityHost({ parentPort, configPath: '/etc/onedoor/config.json', loadConfig: vi.fn(async () => config), makeHost: () => host, exit, logger });
  const connect = (port: FakePort) => parentListener!({ data: { type: 'connect' }, ports: [port] });
  const emitEvent = (e: EventEnvelope) => eventListeners.forEach((l) => l(e));
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { running, toMain, host, exit, logged, lines, connect, emitEvent, parent: (data: unknown) => parentListener!({ data, ports: [] }) };
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
    const t = setup({ ok: false, error: { message: 'Invalid config: devices.idcard.port: required', problems: [] } });
    await t.running;
    expect(t.exit).toHaveBeenCalledWith(78);
    expect(t.toMain).toEqual([{ type: 'fatal', message: 'Invalid config: devices.idcard.port: required' }]);
    expect(t.logged()[0]).toMatchObject({ level: 50, msg: expect.stringContaining('devices.idcard.port') });
  });

  it('exits non-zero when the host fails to start, so main restarts it', async () => {
    const t = setup(undefined, new Error('serial port busy'));
    await t.running;
    expect(t.exit).toHaveBeenCalledWith(70);
    expect(t.toMain).not.toContainEqual({ type: 'ready' });
  });

  it('logs a failed start through the redacting logger, and tells main without the ID number', async () => {
    const t = setup(undefined, new Error('card 11010519491231002X rejected: {"name":"王喆"}'));
    await t.running;
    expect(t.lines.join('')).not.toContain('11010519491231002X');
    expect(t.lines.join('')).not.toContain('王喆');
    expect(t.logged()[0]).toMatchObject({ msg: 'OneDoor host failed to start', err: { message: expect.stringContaining('1101**********002X') } });
    expect(JSON.stringify(t.toMain)).not.toContain('11010519491231002X');
    expect(JSON.stringify(t.toMain)).not.toContain('王喆');
  });

  it('logs a failed call through the redacting logger, stack included', async () => {
    const t = setup(undefined, undefined, new Error('no record for 11010519491231002X'));
    await t.running;
    const port = new FakePort();
    t.connect(port);
    port.receive({ v: 1, type: 'call', id: 'r1', method: 'kiosk.info', params: {} });
    await vi.waitFor(() => expect(t.lines).toHaveLength(1));
    expect(t.lines[0]).not.toContain('11010519491231002X');
    expect(t.logged()[0]).toMatchObject({ msg: 'dispatch failed', err: { stack: expect.stringContaining('1101**********002X') } });
  });

  it('a crash is logged redacted, stack included, and exits 70', () => {
    const { logger, lines } = capturedLogger();
    const processLike = new EventEmitter();
    const exit = vi.fn();
    onCrashLogAndExit(processLike, logger, exit);
    processLike.emit('uncaughtException', new TypeError('cannot read card 11010519491231002X'));
    processLike.emit('unhandledRejection', 'rejected for 11010519491231002X');
    expect(exit.mock.calls).toEqual([[70], [70]]);
    expect(lines.join('')).not.toContain('11010519491231002X');
    const [crash, rejection] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(crash).toMatchObject({ level: 60, msg: 'OneDoor host crashed', err: { type: 'TypeError', stack: expect.stringContaining('1101**********002X') } });
    expect(rejection).toMatchObject({ level: 60, err: 'rejected for 1101**********002X' });
  });

  it('reads --config from argv', () => {
    expect(configPathFromArgv(['node', 'entry', '--config=/etc/onedoor/config.json'])).toBe('/etc/onedoor/config.json');
    expect(configPathFromArgv(['node', 'entry', '--config='])).toBeUndefined();
    expect(configPathFromArgv(['node', 'entry'])).toBeUndefined();
  });
});
