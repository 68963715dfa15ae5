/**
 * Review of issue 18: supervisors saving kiosk staff at the same moment on a
 * real PostgreSQL. Kiosks keep only the highest allow-list version, so that
 * version must hold every officer saved before it, and the last list
 * published must be the highest.
 */
import { checkDigit } from '../../../domain/id-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAllowList } from '../../../electron/contract/hall-link';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import { ConsoleClient, startHarness, type Harness } from '../http/harness';

let server: LocalPostgres;
let hall: Harness;
beforeAll(async () => {
  server = await startLocalPostgres();
  hall = await startHarness({ db: await openPostgresDb({ connectionString: server.connectionString }) });
}, 60_000);
afterAll(async () => {
  await hall?.close();
  await server?.stop();
});

describe('kiosk staff saved at the same moment (PostgreSQL)', () => {
  it('the newest allow-list the kiosks get holds every officer saved, even on a slow database', async () => {
    // A slow disk: issuing a version takes 300 ms, so saves that arrive together overlap in the database.
    await hall.db.exec(`
      CREATE FUNCTION slow_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$;
      CREATE TRIGGER slow_version BEFORE INSERT ON allow_list_versions FOR EACH ROW EXECUTE FUNCTION slow_version();`);
    const supervisors = await Promise.all(Array.from({ length: 3 }, async () => {
      const client = new ConsoleClient(hall.origin);
      expect((await client.login('li')).status).toBe(200);
      return client;
    }));
    const numbers = Array.from({ length: 6 }, (_, i) => `R${String(i).padStart(4, '0')}`);
    const saved = await Promise.all(numbers.map((staffNumber, i) =>
      supervisors[i % supervisors.length]!.post('/api/staff', { staffNumber, name: '张三', idNumber: withCheckDigit(`41040219900101${String(100 + i)}`), role: 'officer', pin: '246810' })));
    expect(saved.map((s) => s.status)).toEqual(numbers.map(() => 200));

    const lists = hall.link.allowLists.map((l) => StaffAllowList.parse(l));
    const newest = lists.reduce((a, b) => (b.version > a.version ? b : a));
    expect(newest.staff.map((s) => s.staffNumber)).toEqual(numbers);
    // What the broker retains (the last published) is the newest.
    expect(lists.at(-1)?.version).toBe(newest.version);
  });
});

function withCheckDigit(first17: string): string {
  return first17 + (checkDigit(first17) ?? '');
}
