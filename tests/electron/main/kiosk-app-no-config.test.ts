/**
 * A packaged kiosk with no config file does not start (issue 12, defect 3):
 * it would otherwise run the embedded simulation in a hall. It tells the
 * installer where it looked and exits with EX_CONFIG, before any host or window.
 */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  app: { isPackaged: true, exit: vi.fn(), enableSandbox: vi.fn(), requestSingleInstanceLock: vi.fn(() => true), commandLine: { hasSwitch: vi.fn(() => false), appendSwitch: vi.fn() } },
  dialog: { showErrorBox: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  utilityProcess: { fork: vi.fn() },
}));
vi.mock('electron', () => ({ ...fake, default: fake }));

const { startKioskApp } = await import('../../../electron/main/kiosk-app');

describe('a packaged kiosk without a config file', () => {
  it('refuses to start, says where it looked, and starts no host', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const saved = process.env.ONEDOOR_CONFIG;
    delete process.env.ONEDOOR_CONFIG;
    try {
      expect(startKioskApp('/opt/OneDoor/resources/app.asar/dist/electron/main')).toBeUndefined();
    } finally {
      if (saved !== undefined) process.env.ONEDOOR_CONFIG = saved;
      vi.restoreAllMocks();
    }
    expect(fake.app.exit).toHaveBeenCalledWith(78);
    const [, message] = fake.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain('no config file');
    expect(message).toContain(process.platform === 'win32' ? 'config.json' : '/etc/onedoor/config.json');
    expect(fake.utilityProcess.fork).not.toHaveBeenCalled();
    expect(fake.app.enableSandbox).not.toHaveBeenCalled();
  });
});
