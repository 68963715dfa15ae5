/**
 * The wiring in kiosk-app.ts against a fake `electron` module: what is
 * registered before ready, the window it opens, and the host hand-over
 * and recovery.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      const wrapped: Listener = (...args) => {
        this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapped));
        return listener(...args);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
    }
  }
  class FakeWebContents extends Emitter {
    url = 'app://kiosk/index.html';
    getURL = () => this.url;
    postMessage = vi.fn();
    send = vi.fn();
    setWindowOpenHandler = vi.fn();
    setVisualZoomLevelLimits = vi.fn(async () => {});
    setZoomLevel = vi.fn();
    closeDevTools = vi.fn();
    forcefullyCrashRenderer = vi.fn();
    isDestroyed = () => false;
  }
  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    focus = vi.fn();
    isDestroyed = () => false;
    constructor(public options: Record<string, unknown>) {
      super();
      FakeWindow.all.push(this);
    }
  }
  class FakeUtility extends Emitter {
    static all: FakeUtility[] = [];
    static nextPid = 4000;
    pid = FakeUtility.nextPid++;
    postMessage = vi.fn();
    kill = vi.fn(() => true);
    constructor(public entry: string, public args: string[], public options: Record<string, unknown>) {
      super();
      FakeUtility.all.push(this);
    }
  }
  class FakeChannel {
    static all: FakeChannel[] = [];
    port1 = { name: 'port1' };
    port2 = { name: 'port2' };
    constructor() {
      FakeChannel.all.push(this);
    }
  }
  const session = Object.assign(new Emitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  });
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn(), hasSwitch: vi.fn(() => false) },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    getAppPath: () => '/opt/OneDoor/resources/app.asar',
    whenReady: () => ready,
  });
  return {
    FakeWindow,
    FakeUtility,
    FakeChannel,
    session,
    app,
    resolveReady: () => resolveReady(),
    module: {
      app,
      BrowserWindow: FakeWindow,
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession: session },
      utilityProcess: { fork: vi.fn((entry: string, args: string[], options: Record<string, unknown>) => new FakeUtility(entry, args, options)) },
      MessageChannelMain: FakeChannel,
    },
  };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { startKioskApp } = await import('../../../electron/main/kiosk-app');
const { HOST_PORT_CHANNEL, MAIN_EVENT_CHANNEL } = await import('../../../electron/main/channels');

describe('kiosk app wiring', () => {
  let handle: ReturnType<typeof startKioskApp>;
  const electron = fake.module;
  const statusEvents = (win: InstanceType<typeof fake.FakeWindow>) =>
    win.webContents.send.mock.calls.filter(([channel]) => channel === MAIN_EVENT_CHANNEL).map(([, envelope]) => (envelope as { payload: { state: string } }).payload.state);

  beforeAll(async () => {
    vi.useFakeTimers();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.ONEDOOR_CONFIG = '/etc/onedoor/kiosk.json'; // a packaged kiosk starts only with a config file
    handle = startKioskApp('/opt/OneDoor/resources/app.asar/dist/electron/main');
    fake.resolveReady();
    await vi.advanceTimersByTimeAsync(0);
  });
  afterAll(() => {
    delete process.env.ONEDOOR_CONFIG;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('registers app:// as a privileged standard, secure scheme before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    const privileges = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges as Record<string, unknown>;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('corsEnabled');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('enables the sandbox everywhere, takes the single-instance lock and drops the menu', () => {
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('locks down the default session', () => {
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.session.webRequest.onHeadersReceived).toHaveBeenCalled();
  });

  it('opens one kiosk window on the attract screen', () => {
    expect(fake.FakeWindow.all).toHaveLength(1);
    const win = fake.FakeWindow.all[0]!;
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: expect.stringMatching(/dist[/\\]electron[/\\]preload[/\\]index\.cjs$/),
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('starts the host in a utility process', () => {
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const host = fake.FakeUtility.all[0]!;
    expect(host.entry).toMatch(/dist[/\\]electron[/\\]host[/\\]utility-process-entry\.cjs$/);
    expect(host.args).toEqual(['--config=/etc/onedoor/kiosk.json']);
    expect(host.options).toMatchObject({ serviceName: 'OneDoor host', env: expect.objectContaining({ ONEDOOR_RESOURCES_DIR: expect.stringMatching(/resources$/) }) });
  });

  it('hands the window and the host the two ends of a MessageChannel', () => {
    const win = fake.FakeWindow.all[0]!;
    const host = fake.FakeUtility.all[0]!;
    win.webContents.emit('dom-ready'); // loaded before the host is ready: nothing to hand over yet
    expect(fake.FakeChannel.all).toHaveLength(0);
    host.emit('message', { type: 'ready' });
    expect(fake.FakeChannel.all).toHaveLength(1);
    const channel = fake.FakeChannel.all[0]!;
    expect(host.postMessage).toHaveBeenCalledWith({ type: 'connect' }, [channel.port1]);
    expect(win.webContents.postMessage).toHaveBeenCalledWith(HOST_PORT_CHANNEL, null, [channel.port2]);
    expect(statusEvents(win)).toEqual(['ready']);

    // Every reload gets a fresh channel.
    win.webContents.emit('dom-ready');
    expect(fake.FakeChannel.all).toHaveLength(2);
  });

  it('hands no port to a page outside the app origin, on load or on a host restart, and logs the refusal', () => {
    const win = fake.FakeWindow.all[0]!;
    const host = fake.FakeUtility.all[0]!;
    const stderr = vi.mocked(process.stderr.write);
    stderr.mockClear();
    const channels = fake.FakeChannel.all.length;
    const ports = win.webContents.postMessage.mock.calls.length;
    for (const url of ['https://evil.example/index.html', 'app://kiosk.evil.example/', 'file:///opt/OneDoor/resources/app.asar/dist/renderer/index.html', '']) {
      win.webContents.url = url;
      win.webContents.emit('dom-ready');
      host.emit('message', { type: 'ready' });
    }
    expect(fake.FakeChannel.all).toHaveLength(channels);
    expect(win.webContents.postMessage).toHaveBeenCalledTimes(ports);
    const logged = stderr.mock.calls.map(([line]) => JSON.parse(String(line)) as { msg: string; origin?: string });
    expect(logged.filter((l) => l.msg.includes('refused'))).toHaveLength(8);
    expect(logged.map((l) => l.origin)).toContain('https://evil.example');
    // Back on the app's own page, the hand-over works again.
    win.webContents.url = 'app://kiosk/index.html';
    win.webContents.emit('dom-ready');
    expect(fake.FakeChannel.all).toHaveLength(channels + 1);
  });

  it('restarts a crashed host with backoff, showing "restarting" then "ready"', async () => {
    const win = fake.FakeWindow.all[0]!;
    const first = fake.FakeUtility.all[0]!;
    win.webContents.send.mockClear();
    first.emit('exit', 1);
    expect(statusEvents(win)).toEqual(['restarting']);
    expect(handle!.supervisor.state).toBe('restarting');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fake.FakeUtility.all).toHaveLength(2);
    const second = fake.FakeUtility.all[1]!;
    second.emit('message', { type: 'ready' });
    expect(statusEvents(win)).toEqual(['restarting', 'ready']);
    const channel = fake.FakeChannel.all.at(-1)!;
    expect(second.postMessage).toHaveBeenCalledWith({ type: 'connect' }, [channel.port1]);
    expect(win.webContents.postMessage).toHaveBeenLastCalledWith(HOST_PORT_CHANNEL, null, [channel.port2]);
  });

  it('reloads the attract screen when the renderer dies', async () => {
    const win = fake.FakeWindow.all[0]!;
    win.loadURL.mockClear();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(fake.FakeUtility.all).toHaveLength(2); // the host is left alone
  });

  it('refuses to close the window until the app quits', () => {
    const win = fake.FakeWindow.all[0]!;
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('stops the host cleanly on quit', async () => {
    const host = fake.FakeUtility.all[1]!;
    let prevented = false;
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(host.postMessage).toHaveBeenCalledWith({ type: 'stop' });
    host.emit('exit', 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.app.quit).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.FakeUtility.all).toHaveLength(2); // no restart after quit
  });
});
