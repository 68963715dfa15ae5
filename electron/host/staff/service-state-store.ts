/** Keeps the kiosk's service state in the journal (migration 9), so out of service survives a restart. */
import type { Database } from 'better-sqlite3';
import type { OutOfService } from './service-state';

export interface ServiceStateStore {
  load(): OutOfService | null;
  save(state: OutOfService | null): void;
}

export function createServiceStateStore(db: Database): ServiceStateStore {
  const read = db.prepare('SELECT message, since, set_by FROM kiosk_service_state WHERE id = 1');
  const write = db.prepare(
    `INSERT INTO kiosk_service_state (id, message, since, set_by) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET message = excluded.message, since = excluded.since, set_by = excluded.set_by`,
  );
  const clear = db.prepare('DELETE FROM kiosk_service_state WHERE id = 1');
  return {
    load() {
      const row = read.get() as { message: string; since: string; set_by: 'kiosk' | 'hall' } | undefined;
      return row ? { message: row.message, since: row.since, by: row.set_by } : null;
    },
    save(state) {
      if (state) write.run(state.message, state.since, state.by);
      else clear.run();
    },
  };
}
