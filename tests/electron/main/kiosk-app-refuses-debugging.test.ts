/**
 * A packaged kiosk started with a debugging switch exits before it registers
 * anything, opens a window or starts the host.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const switches = new Set<string>();
  const app = {
    isPackaged: true,
    exit: vi.fn(),
    quit: vi.fn(),
    on: vi.fn(),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn(), hasSwitch: vi.fn((name: string) => switches.has(name)) },
    requestSingleInstanceLock: vi.fn(() => true),
    getAppPath: () => '/opt/OneDoor/resources/app.asar',
    whenReady: () => new Promise<void>(() => {}),
  };
  const module = {
    app,
    BrowserWindow: vi.fn(),
    Menu: { setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: {} },
    utilityProcess: { fork: vi.fn() },
    MessageChannelMain: vi.fn(),
  };
  return { app, module, switches };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { startKioskApp } = await import('../../../electron/main/kiosk-app');

describe('a packaged kiosk and debugging switches', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    fake.switches.clear();
    vi.clearAllMocks();
    vi.restoreAllMocks();
  });

  it('refuses --remote-debugging-port: logs why and exits before doing anything', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.argv = ['/opt/OneDoor/onedoor', '--remote-debugging-port=9222'];
    fake.switches.add('remote-debugging-port');
    expect(startKioskApp('/opt/OneDoor/resources/app.asar/dist/electron/main')).toBeUndefined();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.module.utilityProcess.fork).not.toHaveBeenCalled();
    expect(fake.module.BrowserWindow).not.toHaveBeenCalled();
    expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toContain('remote-debugging-port');
  });

  it('refuses --inspect given on the command line', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.argv = ['/opt/OneDoor/onedoor', '--inspect=9229'];
    expect(startKioskApp('/opt/OneDoor/resources/app.asar/dist/electron/main')).toBeUndefined();
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('starts normally without them', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.argv = ['/opt/OneDoor/onedoor', '--config=/etc/onedoor/config.json'];
    startKioskApp('/opt/OneDoor/resources/app.asar/dist/electron/main');
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
  });
});
