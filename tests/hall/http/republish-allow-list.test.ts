import { describe, expect, it } from 'vitest';
import type { StaffAllowList } from '../../../electron/contract/hall-link';
import { republishAllowList } from '../../../hall/server/main';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';

describe('the staff allow-list at hall start', () => {
  it('is published again from the database (a publish that failed after its change was saved reaches the kiosks), and not at all before any was issued', async () => {
    const db = await openPgliteDb();
    try {
      await migrateHallDb(db);
      const sent: StaffAllowList[] = [];
      const link = { publishAllowList: async (list: StaffAllowList) => void sent.push(list) };
      await republishAllowList(db, link);
      expect(sent).toEqual([]);

      await db.query(
        `INSERT INTO kiosk_staff (staff_number, name_masked, id_digest, id_number_masked, role, pin_hash, updated_at) VALUES ('100234', '王**', $1, '4104**********2018', 'officer', '$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', now())`,
        ['ab'.repeat(32)],
      );
      await db.query(`INSERT INTO allow_list_versions (issued_at) VALUES (now()), (now())`);
      await republishAllowList(db, link);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ version: 2, staff: [{ staffNumber: '100234', nameMasked: '王**', idNumberMasked: '4104**********2018' }] });
    } finally {
      await db.close();
    }
  }, 60_000);
});
