/**
 * The browser host's last-resort error line (an exception out of start-up)
 * goes through the log redaction: a data folder named after a citizen's ID
 * number must not print that number in full.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ID = '11010519491231002X';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('browser host start-up failure', () => {
  it('reports the unexpected error with the ID number masked, and exits 70', () => {
    dir = mkdtempSync(join(tmpdir(), 'onedoor-serve-main-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', ID), 'a file where the data folder should go');
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ simulation: true, dataDir: join(dir, 'd', ID, 'data'), keyStore: { dir: join(dir, 'keys') } }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/host/serve-main.ts'), '--config', config, '--port', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(70);
    expect(run.stderr).toContain('OneDoor stopped on an unexpected error');
    expect(run.stderr).toContain('ENOTDIR');
    expect(run.stderr).toContain('1101**********002X');
    expect(run.stderr + run.stdout).not.toContain(ID);
  }, 60_000);
});
