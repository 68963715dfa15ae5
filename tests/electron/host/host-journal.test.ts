/**
 * The composition root owns the station journal: it opens
 * `<dataDir>/journal.sqlite` when the host is composed (a journal it cannot
 * open stops the start with the cause named), and closes it at stop, after
 * the devices and printing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../../electron/host/config/schema';
import { createHost } from '../../../electron/host/create-host';
import { openJournal } from '../../../electron/host/journal';
import { createFakeDevices } from './fake-devices';

let dir: string;
const config = () => KioskConfig.parse({ simulation: true });
const logger = pino({ level: 'silent' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-host-journal-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the host and its journal', () => {
  it('refuses to start, naming the journal, when the journal cannot be opened', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    expect(() =>
      createHost(config(), { logger, devices: createFakeDevices([]), dataDir: join(blocker, 'data'), keyDir: join(dir, 'keys') }),
    ).toThrow('OneDoor cannot start: journal: cannotOpen');
  });

  it('opens the journal in the data folder and closes it at stop, with what it wrote kept', async () => {
    const dataDir = join(dir, 'data');
    const host = createHost(config(), { logger, devices: createFakeDevices([]), dataDir, keyDir: join(dir, 'keys') });
    await host.start();
    expect(host.journal.db.open).toBe(true);
    await host.stop();
    expect(host.journal.db.open).toBe(false);

    const reopened = openJournal(join(dataDir, 'journal.sqlite'));
    if (!reopened.ok) throw new Error(reopened.error.kind);
    const actions = reopened.value.db.prepare('SELECT action FROM audit_events ORDER BY id').all();
    reopened.value.close();
    expect(actions).toEqual([{ action: 'host.started' }, { action: 'host.stopped' }]);
  });
});
