/** {@link HallDb} on PGlite: the embedded default (a folder on disk, or in memory when `dataDir` is omitted). */
import { PGlite } from '@electric-sql/pglite';
import type { HallDb } from './hall-db';

export async function openPgliteDb(dataDir?: string): Promise<HallDb> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one statement at a time; its own transaction() serialises work on its single connection.
  const db: HallDb = {
    engine: 'pglite',
    async query(sql, params = []) {
      const result = await pg.query(sql, params as unknown[]);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
    },
    transaction(work) {
      return pg.transaction(async (tx) =>
        work({
          async query(sql, params = []) {
            const result = await tx.query(sql, params as unknown[]);
            return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
          },
        }),
      );
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
  };
  return db;
}
