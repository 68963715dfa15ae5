/**
 * Down the link: the hall's retained staff allow-list reaches the kiosk's
 * cache (a list older than the one held, or one that is not valid, is
 * ignored); and more time from the hall also pushes back the host's own
 * idle backstop, so the session is not ended under the citizen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hallTopic, type StaffAllowList } from '../../../../electron/contract/hall-link';
import { createEventBus } from '../../../../electron/host/events';
import { createHallLink } from '../../../../electron/host/hall-link/hall-link';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { startLocalMosquitto, type LocalMosquitto } from '../../../../scripts/lib/local-mosquitto';
import { until } from '../integration/host-harness';
import { startHallWatcher, type HallWatcher } from './hall-watcher';

let broker: LocalMosquitto;
let hall: HallWatcher;
let dir: string;
let journal: Journal;

beforeAll(async () => {
  broker = await startLocalMosquitto();
  hall = await startHallWatcher(broker.url);
  dir = mkdtempSync(join(tmpdir(), 'onedoor-hall-allow-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
});
afterAll(async () => {
  journal?.close();
  await hall?.close();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const list = (version: number, staffNumber: string): StaffAllowList => ({
  version,
  issuedAt: '2026-12-03T08:00:00.000Z',
  staff: [{ staffNumber, nameMasked: '王*', idDigest: 'ab'.repeat(32), idNumberMasked: '4104**********1230', role: 'officer', pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' }],
});

describe('the staff allow-list from the hall', () => {
  it('reaches the kiosk cache from the retained message; an older or invalid list is ignored', async () => {
    const received: StaffAllowList[] = [];
    await hall.publish(hallTopic.staff, list(3, 'P0003'), true);
    const link = createHallLink({
      kioskId: 'K-ALLOW', hallName: '湖滨派出所', version: '1.0.0',
      settings: { url: broker.url, username: 'K-ALLOW', password: 'p', caPem: null, statusIntervalSeconds: 10, keepaliveSeconds: 10, source: null, staffIdKey: null },
      bus: createEventBus(() => undefined), db: journal.db, audit: createAuditLog(journal.db), logger: pino({ level: 'silent' }),
      categoryOf: () => null, sessionStartedAt: () => null, devices: () => [],
      allowList: { replace: (l) => received.push(l) },
      commands: { currentSessionId: () => null, hint: () => undefined, moreTime: () => undefined, endSession: () => undefined, setOutOfService: () => undefined, helpAnswered: () => undefined },
    });
    try {
      await link.start();
      await until(() => (received.length === 1 ? true : undefined), 'retained list');
      expect(received[0]?.staff[0]?.staffNumber).toBe('P0003');
      await hall.publish(hallTopic.staff, list(2, 'P0002'), true);
      await hall.publish(hallTopic.staff, { version: 9, staff: 'everyone' }, true);
      await hall.publish(hallTopic.staff, list(4, 'P0004'), true);
      await until(() => (received.length === 2 ? true : undefined), 'newer list');
      expect(received.map((l) => l.version)).toEqual([3, 4]);
    } finally {
      await link.stop();
    }
  });
});

describe('more time and the host backstop', () => {
  it('the backstop waits the extra time once, then ends the session as before', () => {
    vi.useFakeTimers();
    try {
      const ended: string[] = [];
      const sessions = createSessionStore({ backstopMs: 60_000, onBackstop: (s) => ended.push(s.sessionId) });
      const started = sessions.start({ language: 'zh-CN', elderMode: false });
      if (!started.ok) throw new Error(started.error);
      expect(sessions.extend(started.value.sessionId, 120_000)).toBe(true);
      vi.advanceTimersByTime(150_000);
      expect(ended).toEqual([]);
      vi.advanceTimersByTime(31_000);
      expect(ended).toEqual([started.value.sessionId]);
      expect(sessions.extend('gone', 1000)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
