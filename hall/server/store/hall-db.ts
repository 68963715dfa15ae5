/**
 * The hall's database, one interface over both engines: a real PostgreSQL
 * server (`pg`, for a hall and for the fleet) and PGlite (PostgreSQL in
 * WebAssembly, in process: the embedded default for one machine). Same SQL,
 * same migrations ({@link migrateHallDb}); `$1`-style parameters.
 */
export interface HallDb {
  readonly engine: 'postgres' | 'pglite';
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  /** Runs `work` in one transaction (BEGIN … COMMIT; ROLLBACK on a throw), on one connection. */
  transaction<T>(work: (tx: Pick<HallDb, 'query'>) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
