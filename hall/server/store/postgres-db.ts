/** {@link HallDb} on a PostgreSQL server through node-postgres (a pool). */
import pg from 'pg';
import type { HallDb } from './hall-db';

export interface PostgresOptions {
  /** `postgres://user:pass@host:port/db` or a socket folder in `host`. */
  connectionString: string;
  /** Pool size (default 10). */
  max?: number;
}

export async function openPostgresDb(options: PostgresOptions): Promise<HallDb> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // Fails here, with the server's message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  pool.on('error', () => undefined); // an idle client's dropped connection; the next query reconnects
  return {
    engine: 'postgres',
    async query(sql, params = []) {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work({
          async query(sql, params = []) {
            const result = await client.query(sql, params as unknown[]);
            return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
