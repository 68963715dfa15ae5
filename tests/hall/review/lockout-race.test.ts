/**
 * Review of issue 18: wrong passwords sent all at once lock the console
 * account like wrong passwords sent one by one. Before the fix, the sixth of
 * seven simultaneous wrong passwords unlocked the account the fifth had
 * locked, so a guesser sending passwords in parallel was never stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, startHarness, type Harness } from '../http/harness';

let hall: Harness;
beforeAll(async () => {
  hall = await startHarness();
}, 60_000);
afterAll(async () => {
  await hall?.close();
});

async function copyOfficer(username: string): Promise<void> {
  await hall.db.query(`INSERT INTO officers (username, display_name, role, password_hash) SELECT $1, '测试', role, password_hash FROM officers WHERE username = 'wang'`, [username]);
}

describe('console lockout under simultaneous wrong passwords', () => {
  it.each([7, 9, 12])('locks the account after %i wrong passwords sent at once, and the right password is then refused', async (n) => {
    const username = `race${n}`;
    await copyOfficer(username);
    const guesses = await Promise.all(Array.from({ length: n }, () => new ConsoleClient(hall.origin).login(username, 'not-my-password')));
    expect(guesses.map((g) => g.status).filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(guesses.some((g) => g.status === 423)).toBe(true);

    const right = await new ConsoleClient(hall.origin).login(username);
    expect(right.status).toBe(423);
    expect(right.body).toEqual({ error: 'lockedOut', until: new Date(hall.clock.now.getTime() + 15 * 60_000).toISOString() });
  });
});
