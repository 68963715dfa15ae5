/**
 * Review of issue 18: a kiosk that puts a full ID number into a free-text
 * field (an audit detail, a subject, a help call's step, a supervised step)
 * does not get it into the hall database: the hall masks it on arrival.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpCallMessage, SupervisionMessage } from '../../../electron/contract/hall-link';
import { ingestKioskMessage } from '../../../hall/server/link/ingest';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import * as fx from '../link/fixtures';

const FULL = '41040219900101123X';
const FULL_LOWER = '410402199001011230';
let db: HallDb;
beforeAll(async () => {
  db = await openPgliteDb();
  const migrated = await migrateHallDb(db);
  if (!migrated.ok) throw new Error('migration failed');
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const ctx = () => ({ db, kioskId: 'HB-KIOSK-07', now: new Date('2026-12-03T10:00:00.000Z'), retained: false });

async function everything(): Promise<string> {
  const tables = ['journal_audit', 'journal_sessions', 'help_calls', 'supervision', 'alerts', 'kiosks', 'hall_audit'];
  const dumps = await Promise.all(tables.map(async (t) => JSON.stringify((await db.query(`SELECT * FROM ${t}`)).rows)));
  return dumps.join('\n');
}

describe('full ID numbers a kiosk sends by mistake', () => {
  it('are stored masked in journal audit rows, help calls and supervision', async () => {
    const audit = { ...fx.auditRow('a-900'), subject: `reprint for ${FULL}`, detail: { note: `citizen ${FULL_LOWER} asked`, nested: [{ id: FULL }] } };
    const journal = await ingestKioskMessage(ctx(), 'journal', fx.batch('b-900', [audit]));
    expect(journal.ok).toBe(true);
    const help = await ingestKioskMessage(ctx(), 'help', HelpCallMessage.parse({ type: 'raised', callId: 'call-900', reason: 'button', serviceId: null, step: `id-${FULL}`, queuedAt: fx.AT }));
    expect(help.ok).toBe(true);
    const session = { sessionId: 's-900', serviceId: 'huzheng.move-in', category: 'huzheng', step: `typed ${FULL}`, stepSince: fx.AT, startedAt: fx.AT, nameMasked: '张*', idNumberMasked: null };
    const supervision = await ingestKioskMessage(ctx(), 'supervision', SupervisionMessage.parse({ type: 'session', session, at: fx.AT }));
    expect(supervision.ok).toBe(true);

    const stored = await everything();
    expect(stored).not.toContain('199001011');
    expect(stored).toContain('4104**********123X');
    const row = (await db.query<{ detail: { note: string } }>(`SELECT detail FROM journal_audit WHERE row_id = 'a-900'`)).rows[0];
    expect(row?.detail.note).toBe('citizen 4104**********1230 asked');
  });
});
