/**
 * A hall HTTP server for tests: a migrated database (PGlite in memory unless
 * given), a fake link that records commands and allow-lists and lets a test
 * report changes, a fake stats module, a settable clock, and a console client
 * that keeps its cookie and CSRF token like the browser console does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskCommand, StaffAllowList } from '../../../electron/contract/hall-link';
import type { StatsQuery } from '../../../hall/contract/console-api';
import { addOfficer } from '../../../hall/server/auth/officers';
import type { CommandBy, HallChange, HallLinkPort, HallStatsPort } from '../../../hall/server/http/ports';
import { startHallHttp, type HallHttp } from '../../../hall/server/http/server';
import type { ProxyDeskPorts } from '../../../hall/server/http/route';
import type { HallDb } from '../../../hall/server/store/hall-db';
import { migrateHallDb } from '../../../hall/server/store/migrations';
import { openPgliteDb } from '../../../hall/server/store/pglite-db';
import { ok } from '../../../domain/result';

export const STAFF_ID_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
export const PASSWORD = 'correct-horse-battery';

export interface FakeLink extends HallLinkPort {
  commands: Array<{ kioskId: string; command: KioskCommand; by: CommandBy }>;
  allowLists: StaffAllowList[];
  offline: Set<string>;
  change(change: HallChange): void;
}

export function fakeLink(): FakeLink {
  const listeners = new Set<(change: HallChange) => void>();
  let n = 0;
  const link: FakeLink = {
    commands: [],
    allowLists: [],
    offline: new Set(),
    async sendCommand(kioskId, command, by) {
      if (link.offline.has(kioskId)) return { ok: false, error: 'kioskOffline' };
      link.commands.push({ kioskId, command, by });
      return ok({ commandId: `cmd-${++n}` });
    },
    publishAllowList(list) {
      link.allowLists.push(list);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(change) {
      for (const listener of listeners) listener(change);
    },
  };
  return link;
}

export function fakeStats(): HallStatsPort & { queries: StatsQuery[] } {
  const queries: StatsQuery[] = [];
  const figures = { sessions: 10, completed: 7, averageSeconds: 120, feeFen: 2000 };
  return {
    queries,
    async summary(q) {
      queries.push(q);
      return { query: q, rows: [{ key: 'huzheng', ...figures }], total: figures, previousPeriod: { ...figures, from: q.from, to: q.to, change: 0 }, yearEarlier: { ...figures, from: q.from, to: q.to, change: null } };
    },
    async dropOff(serviceId) {
      return { serviceId, steps: [{ step: 'photo', sessions: 3 }] };
    },
    async csv(q) {
      queries.push(q);
      return 'key,sessions\nhuzheng,10\n';
    },
  };
}

export interface Harness {
  db: HallDb;
  link: FakeLink;
  stats: ReturnType<typeof fakeStats>;
  http: HallHttp;
  origin: string;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function startHarness(options: { db?: HallDb; consoleDir?: string; liveSweepMs?: number; proxy?: ProxyDeskPorts } = {}): Promise<Harness> {
  const db = options.db ?? (await openPgliteDb());
  const migrated = await migrateHallDb(db);
  if (!migrated.ok) throw new Error(`migration failed: ${JSON.stringify(migrated.error)}`);
  await addOfficer(db, { username: 'wang', displayName: '王警官', role: 'officer', password: PASSWORD });
  await addOfficer(db, { username: 'li', displayName: '李队长', role: 'supervisor', password: PASSWORD });
  await addOfficer(db, { username: 'zhao', displayName: '赵警官', role: 'officer', password: PASSWORD });
  const link = fakeLink();
  const stats = fakeStats();
  const clock = { now: new Date('2026-12-03T02:00:00.000Z') };
  const started = await startHallHttp({
    db, link, stats, staffIdKey: STAFF_ID_KEY, now: () => clock.now,
    host: '127.0.0.1', port: 0, liveSweepMs: options.liveSweepMs, proxy: options.proxy,
    consoleDir: options.consoleDir ?? join(mkdtempSync(join(tmpdir(), 'hall-console-')), 'absent'),
  });
  if (!started.ok) throw new Error(started.error.message);
  const http = started.value;
  return {
    db, link, stats, http, clock,
    origin: `http://127.0.0.1:${http.port}`,
    async close() {
      await http.close();
      await db.close();
    },
  };
}

/** A console in a browser: its cookie, its CSRF token, and the page's Origin on every request. */
export class ConsoleClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(readonly origin: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers; text: string }> {
    const h: Record<string, string> = { origin: this.origin };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) h['content-type'] = 'application/json';
    Object.assign(h, headers);
    const res = await fetch(this.origin + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  async login(username: string, password = PASSWORD) {
    const answer = await this.request('POST', '/api/login', { username, password });
    if (answer.status === 200) this.csrfToken = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}

/** Rows as H1's ingest writes them. */
export async function insertKiosk(db: Pick<HallDb, 'query'>, kioskId: string, online = true): Promise<void> {
  const status = {
    kioskId, hallName: '城关派出所', version: '0.1.0', at: '2026-12-03T01:59:00.000Z', outOfService: null, devices: [], consumables: [],
    session: null, staffSignedIn: null, journalBacklog: 0,
  };
  await db.query('INSERT INTO kiosks (kiosk_id, online, last_seen, status, status_at) VALUES ($1, $2, $3, $4, $3)', [kioskId, online, '2026-12-03T01:59:00.000Z', JSON.stringify(status)]);
}

export async function insertHelpCall(db: Pick<HallDb, 'query'>, kioskId: string, callId: string): Promise<void> {
  await db.query(`INSERT INTO help_calls (call_id, kiosk_id, reason, service_id, step, queued_at) VALUES ($1, $2, 'button', 'huzheng.move', 'photo', '2026-12-03T01:58:00.000Z')`, [callId, kioskId]);
}

export async function insertAlert(db: Pick<HallDb, 'query'>, kioskId: string, alertId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO alerts (kiosk_id, alert_id, kind, message_key, device_id, raised_at) VALUES ($1, $2, 'deviceFault', 'staff.alert.printerOut', 'receipt-1', '2026-12-03T01:57:00.000Z') RETURNING id::text AS id`,
    [kioskId, alertId],
  );
  return rows[0]?.id ?? '';
}
