import { describe, expect, it } from 'vitest';
import { launchConfig, resolveConfigPath, systemConfigPath } from '../../../electron/main/config-path';
import { bundlePaths, isDevelopment } from '../../../electron/main/kiosk-app';
import { vi } from 'vitest';

vi.mock('electron', () => ({}));

describe('config path', () => {
  const none = () => false;
  it('prefers --config, then ONEDOOR_CONFIG, then the system file', () => {
    expect(resolveConfigPath({ argv: ['x', '--config=/a.json'], env: { ONEDOOR_CONFIG: '/b.json' }, platform: 'linux', exists: none })).toBe('/a.json');
    expect(resolveConfigPath({ argv: ['x'], env: { ONEDOOR_CONFIG: '/b.json' }, platform: 'linux', exists: none })).toBe('/b.json');
    expect(resolveConfigPath({ argv: ['x'], env: {}, platform: 'linux', exists: (p) => p === '/etc/onedoor/config.json' })).toBe('/etc/onedoor/config.json');
    expect(resolveConfigPath({ argv: ['x'], env: {}, platform: 'linux', exists: none })).toBeUndefined();
  });

  it('takes --config FILE as README writes it, so a real kiosk\'s file is never passed over for the simulation defaults', () => {
    expect(resolveConfigPath({ argv: ['x', '.', '--config', '/etc/onedoor/kiosk.json'], env: {}, platform: 'linux', exists: none })).toBe('/etc/onedoor/kiosk.json');
    expect(launchConfig({ argv: ['x', '--config', '/k.json'], env: {}, platform: 'linux', exists: none, packaged: false })).toEqual({ kind: 'file', path: '/k.json' });
    expect(resolveConfigPath({ argv: ['x', '--config'], env: {}, platform: 'linux', exists: none })).toBeUndefined();
  });

  it('uses ProgramData on Windows', () => {
    expect(systemConfigPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\OneDoor\\config.json');
  });
});

describe('development mode', () => {
  it('is never on in a packaged app', () => {
    expect(isDevelopment(true, { NODE_ENV: 'development' })).toBe(false);
    expect(isDevelopment(false, {})).toBe(false);
    expect(isDevelopment(false, { NODE_ENV: 'development' })).toBe(true);
  });

  it('finds the bundles next to main', () => {
    const paths = bundlePaths('/app/dist/electron/main', '/app');
    expect(paths.preload.replaceAll('\\', '/')).toBe('/app/dist/electron/preload/index.cjs');
    expect(paths.hostEntry.replaceAll('\\', '/')).toBe('/app/dist/electron/host/utility-process-entry.cjs');
    expect(paths.renderer.replaceAll('\\', '/')).toBe('/app/dist/renderer');
    expect(paths.resources.replaceAll('\\', '/')).toBe('/app/resources');
    expect(bundlePaths('/o/resources/app.asar/dist/electron/main', '/o/resources/app.asar', '/o/resources').resources.replaceAll('\\', '/')).toBe('/o/resources/resources');
  });
});

describe('a packaged kiosk without a config file', () => {
  const none = () => false;
  it('refuses to start and says where it looked', () => {
    const launch = launchConfig({ argv: ['x'], env: {}, platform: 'linux', exists: none, packaged: true });
    expect(launch.kind).toBe('missing');
    if (launch.kind !== 'missing') return;
    expect(launch.message).toContain('--config FILE');
    expect(launch.message).toContain('ONEDOOR_CONFIG');
    expect(launch.message).toContain('/etc/onedoor/config.json');
    const windows = launchConfig({ argv: ['x'], env: { ProgramData: 'C:\\ProgramData' }, platform: 'win32', exists: none, packaged: true });
    expect(windows.kind === 'missing' && windows.message).toContain('C:\\ProgramData\\OneDoor\\config.json');
  });

  it('starts with the file it finds; only development runs the embedded simulation', () => {
    expect(launchConfig({ argv: ['x', '--config=/a.json'], env: {}, platform: 'linux', exists: none, packaged: true })).toEqual({ kind: 'file', path: '/a.json' });
    expect(launchConfig({ argv: ['x'], env: {}, platform: 'linux', exists: (p) => p === '/etc/onedoor/config.json', packaged: true })).toEqual({ kind: 'file', path: '/etc/onedoor/config.json' });
    expect(launchConfig({ argv: ['x'], env: {}, platform: 'linux', exists: none, packaged: false })).toEqual({ kind: 'developmentDefaults' });
  });
});
