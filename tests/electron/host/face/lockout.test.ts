import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaceHost, type FaceHost } from './face-harness';

const HAN = '410402199001011230';
const MA = '410403195806150041';
const open: FaceHost[] = [];
const start = (...args: Parameters<typeof startFaceHost>) => {
  const host = startFaceHost(...args);
  open.push(host);
  return host;
};
afterEach(() => {
  for (const host of open.splice(0)) host.close();
});

describe('face lockout per person, across sessions and host restarts', () => {
  it('new sessions do not give new tries: after six failed checks the person is sent to the counter', async () => {
    const h = start();
    const first = await h.session(HAN);
    const session1 = [await h.check(first), await h.check(first), await h.check(first)];
    expect(session1.map((r) => r.attemptsLeft)).toEqual([2, 1, 0]);
    const second = await h.session(HAN);
    const session2 = [await h.check(second), await h.check(second), await h.check(second)];
    // The lockout's count (6) runs out with the sixth failure: no try left, help offered.
    expect(session2.at(-1)).toMatchObject({ outcome: 'noMatch', attemptsLeft: 0, helpOffered: true });
    const third = await h.session(HAN);
    expect(await h.check(third)).toEqual({ outcome: 'refused', reasonKey: 'face.refused.lockedOut', attemptsLeft: 0, helpOffered: true });
    expect(h.compare).toHaveBeenCalledTimes(6);
    // Another person is not affected.
    expect(await h.check(await h.session(MA))).toMatchObject({ outcome: 'noMatch', attemptsLeft: 2 });
  });

  it('counts the tries a session has left against the lockout', async () => {
    const h = start({ configInput: { lockoutFailures: 4 } });
    const first = await h.session(HAN);
    await h.check(first);
    await h.check(first);
    const second = await h.session(HAN);
    expect(await h.check(second)).toMatchObject({ outcome: 'noMatch', attemptsLeft: 1, helpOffered: false });
  });

  it('persists across a host restart, without the ID number, and ends with the window', async () => {
    const h = start({ configInput: { lockoutFailures: 2, lockoutWindowHours: 1 } });
    const sessionId = await h.session(HAN);
    await h.check(sessionId);
    await h.check(sessionId);
    h.close();
    open.splice(open.indexOf(h), 1);
    const restarted = start({ dataDir: h.dataDir, configInput: { lockoutFailures: 2, lockoutWindowHours: 1 }, startMs: Date.parse('2026-05-01T09:30:00.000Z') });
    expect(await restarted.check(await restarted.session(HAN))).toMatchObject({ outcome: 'refused', reasonKey: 'face.refused.lockedOut', attemptsLeft: 0 });
    const rows = restarted.journal.db.prepare('SELECT * FROM face_failures').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(HAN);
    for (const file of readdirSync(h.dataDir).filter((name) => name.startsWith('journal'))) expect(readFileSync(join(h.dataDir, file)).includes(Buffer.from(HAN))).toBe(false);
    restarted.advance(60 * 60_000);
    expect(await restarted.check(await restarted.session(HAN))).toMatchObject({ outcome: 'noMatch', attemptsLeft: 1 });
  });
});
