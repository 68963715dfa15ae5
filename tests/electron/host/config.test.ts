import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../../electron/host/config/load';
import { DEFAULT_HALL_NAME } from '../../../electron/host/config/schema';

const dir = mkdtempSync(join(tmpdir(), 'onedoor-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('kiosk config', () => {
  it('embedded defaults simulate every device with the sandbox back-end and the Hubin hall name', async () => {
    const result = await loadConfigFile(undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.hallName).toBe(DEFAULT_HALL_NAME);
    expect(result.value.hallName).toBe('平顶山市公安局城乡一体化示范区分局湖滨派出所 智慧警务工作站');
    expect(result.value.backend).toEqual({ kind: 'sandbox', timeoutMs: 8000 });
    expect(result.value.devices.idcard.mode).toBe('simulated');
    expect(result.value.devices.idcard.baudRate).toBe(115200);
  });

  it('names the field and the reason for a wrong value', () => {
    const result = parseConfig({ simulation: true, devices: { idcard: { baudRate: 12345 } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('devices.idcard.baudRate');
    expect(result.error.message).toContain('must be one of 115200');
  });

  it('names an unknown field instead of silently ignoring a typo', () => {
    const result = parseConfig({ simulation: true, hallname: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('"hallname"');
  });

  it('requires a path for a real serial reader', () => {
    const result = parseConfig({ simulation: true, devices: { idcard: { mode: 'serial' } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems.join()).toContain('devices.idcard.path');
  });

  it('reports malformed JSON and a missing file without throwing', async () => {
    const bad = await loadConfigFile(file('bad.json', '{ "hallName": '));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('not valid JSON');
    const missing = await loadConfigFile(join(dir, 'nope.json'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('file not found');
  });

  it('accepts a real reader in a config file (beside simulated devices, in simulation)', async () => {
    const result = await loadConfigFile(
      file('real.json', JSON.stringify({ simulation: true, kioskId: 'HB-02', devices: { idcard: { mode: 'serial', path: '/dev/ttyUSB0', autoBaud: true } } })),
    );
    expect(result.ok && result.value.devices.idcard.path).toBe('/dev/ttyUSB0');
  });
});
