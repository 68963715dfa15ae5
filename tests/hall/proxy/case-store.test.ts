import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyCaseStore } from '../../../hall/server/proxy/cases/case-store';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import { PRINCIPAL_ID, RECORDING, SIGNATURE, openMessage } from './fixtures';
import { registryHarness, tokenOf } from './registry-harness';

let server: LocalPostgres;
beforeAll(async () => {
  server = await startLocalPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const engines: Array<[string, () => Promise<HallDb>]> = [
  ['PGlite (embedded)', () => openPgliteDb()],
  ['PostgreSQL server', () => openPostgresDb({ connectionString: server.connectionString })],
];

const officer = { staffNumber: '100234', name: '王建国' };

describe.each(engines)('proxy cases stored on %s', (_name, open) => {
  let db: HallDb;
  // PGlite's start and migrations take seconds on a busy CI machine.
  beforeAll(async () => {
    db = await open();
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.error));
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('writes every change of a case, masked, and what the officer did to the hall audit', async () => {
    const h = registryHarness({ store: createProxyCaseStore(db) });
    await h.registry.fromKiosk('k1', openMessage());
    const opened = h.lastTo('k1', 'opened');
    if (opened?.type !== 'opened') throw new Error('not opened');
    const { caseId } = opened;
    h.registry.claim(tokenOf(opened.inviteUrl));
    h.registry.principalVerified(caseId);
    h.registry.join(caseId, officer);
    h.registry.recordingStarted(caseId, officer);
    h.registry.recordingStored(caseId, officer, RECORDING);
    h.registry.principalSigned(caseId, SIGNATURE);
    await h.registry.fromKiosk('k1', { type: 'agentSigned', caseId, signatureSha256: 'b'.repeat(64) });
    h.registry.decide(caseId, officer, { approve: true });
    await h.registry.fromKiosk('k1', { type: 'completed', caseId, outcome: 'completed' });
    await h.registry.close();

    const { rows } = await db.query('SELECT * FROM proxy_cases');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      case_id: caseId,
      kiosk_id: 'k1',
      state: 'approved',
      principal_id_masked: '4104**********4564',
      officer_staff_number: '100234',
      principal_signed: true,
      agent_signed: true,
      recording_sha256: RECORDING.sha256,
      decision_approved: true,
      outcome: 'completed',
    });
    expect(Number(rows[0]?.recording_bytes)).toBe(RECORDING.bytes);
    expect(JSON.stringify(rows)).not.toContain(PRINCIPAL_ID);
    expect(JSON.stringify(rows)).not.toContain('13812345678');
    const audit = await db.query<{ username: string; action: string; subject: string }>('SELECT username, action, subject FROM hall_audit ORDER BY id');
    expect(audit.rows).toEqual(
      ['proxyJoin', 'proxyRecordingStart', 'proxyRecordingStored', 'proxyDecision'].map((action) => ({ username: '100234', action, subject: caseId })),
    );
  });
});
