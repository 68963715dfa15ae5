import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, startHarness, type Harness } from '../http/harness';

let hall: Harness;
beforeAll(async () => {
  hall = await startHarness();
}, 30_000);
afterAll(async () => {
  await hall?.close();
});

describe('console sign-in', () => {
  it('signs in with the right password: HttpOnly SameSite=Strict cookie, a CSRF token, and /api/me knows the officer', async () => {
    const client = new ConsoleClient(hall.origin);
    const answer = await client.login('wang');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ officer: { username: 'wang', displayName: '王警官', role: 'officer' }, csrfToken: expect.any(String) });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hall_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure'); // plain HTTP here
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ officer: { username: 'wang' }, csrfToken: client.csrfToken });
  });

  it('keeps only the SHA-256 of the session token, and the password only as argon2id', async () => {
    const client = new ConsoleClient(hall.origin);
    await client.login('wang');
    const token = (client.cookie ?? '').split('=')[1] ?? '';
    const { rows } = await hall.db.query<{ token_hash: string }>('SELECT token_hash FROM console_sessions');
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const { createHash } = await import('node:crypto');
    expect(rows.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex'))).toBe(true);
    const officers = await hall.db.query<{ password_hash: string }>(`SELECT password_hash FROM officers WHERE username = 'wang'`);
    expect(officers.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown username alike (401 badCredentials)', async () => {
    const client = new ConsoleClient(hall.origin);
    expect((await client.login('zhao', 'wrong-password')).body).toEqual({ error: 'badCredentials' });
    expect((await client.login('nobody', 'wrong-password')).body).toEqual({ error: 'badCredentials' });
    expect((await client.login('nobody')).status).toBe(401);
    // zhao's one failure is forgotten after a right password.
    expect((await client.login('zhao')).status).toBe(200);
  });

  it('locks the account after 5 wrong passwords for 15 minutes, refusing even the right one, then opens again', async () => {
    await hall.db.query(`INSERT INTO officers (username, display_name, role, password_hash) SELECT 'sun', '孙警官', role, password_hash FROM officers WHERE username = 'wang'`);
    const client = new ConsoleClient(hall.origin);
    for (let i = 0; i < 4; i++) expect((await client.login('sun', 'not-my-password')).status).toBe(401);
    const fifth = await client.login('sun', 'not-my-password');
    expect(fifth.status).toBe(423);
    const until = new Date(hall.clock.now.getTime() + 15 * 60_000).toISOString();
    expect(fifth.body).toEqual({ error: 'lockedOut', until });
    const right = await client.login('sun');
    expect(right.status).toBe(423);
    expect(right.body).toEqual({ error: 'lockedOut', until });
    expect(client.cookie).toBeNull();
    const audit = await hall.db.query<{ action: string }>(`SELECT action FROM hall_audit WHERE username = 'sun'`);
    expect(audit.rows.map((r) => r.action)).toContain('loginRefused');

    const saved = hall.clock.now;
    hall.clock.now = new Date(saved.getTime() + 15 * 60_000 + 1000);
    try {
      expect((await client.login('sun')).status).toBe(200);
    } finally {
      hall.clock.now = saved;
    }
  });

  it('ends a session idle for 30 minutes, and any session after 12 hours even when in use', async () => {
    const saved = hall.clock.now;
    try {
      const idle = new ConsoleClient(hall.origin);
      await idle.login('wang');
      hall.clock.now = new Date(saved.getTime() + 29 * 60_000);
      expect((await idle.get('/api/me')).status).toBe(200);
      hall.clock.now = new Date(saved.getTime() + 59 * 60_000); // 30 min after its last use
      expect((await idle.get('/api/me')).body).toEqual({ error: 'signedOut' });

      hall.clock.now = saved;
      const busy = new ConsoleClient(hall.origin);
      await busy.login('wang');
      for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
        hall.clock.now = new Date(saved.getTime() + minutes * 60_000);
        expect((await busy.get('/api/me')).status).toBe(200);
      }
      hall.clock.now = new Date(saved.getTime() + 12 * 60 * 60_000);
      expect((await busy.get('/api/me')).status).toBe(401);
    } finally {
      hall.clock.now = saved;
    }
  });

  it('signs out: the cookie is cleared and the old token opens nothing', async () => {
    const client = new ConsoleClient(hall.origin);
    await client.login('wang');
    const oldCookie = client.cookie;
    expect((await client.post('/api/logout')).status).toBe(200);
    expect(client.cookie).toBeNull();
    client.cookie = oldCookie;
    expect((await client.get('/api/kiosks')).status).toBe(401);
  });
});

describe('request forgery and roles', () => {
  it('refuses a POST without the session CSRF token, or with another session’s (403 csrf)', async () => {
    await hall.db.query(`INSERT INTO kiosks (kiosk_id, online) VALUES ('HB-CSRF-01', true) ON CONFLICT DO NOTHING`);
    const a = new ConsoleClient(hall.origin);
    const b = new ConsoleClient(hall.origin);
    await a.login('wang');
    await b.login('zhao');
    const command = { type: 'hint', text: '请把身份证放在感应区' };
    expect((await a.request('POST', '/api/kiosks/HB-CSRF-01/commands', command, { 'x-csrf-token': '' })).body).toEqual({ error: 'csrf' });
    expect((await a.request('POST', '/api/kiosks/HB-CSRF-01/commands', command, { 'x-csrf-token': b.csrfToken ?? '' })).status).toBe(403);
    expect(hall.link.commands).toHaveLength(0);
    expect((await a.post('/api/kiosks/HB-CSRF-01/commands', command)).status).toBe(200);
    expect(hall.link.commands).toHaveLength(1);
  });

  it('refuses a POST from a foreign Origin, or with none, even with the right token', async () => {
    const client = new ConsoleClient(hall.origin);
    await client.login('wang');
    expect((await client.request('POST', '/api/logout', undefined, { origin: 'http://evil.example' })).body).toEqual({ error: 'csrf' });
    const bare = await fetch(`${hall.origin}/api/logout`, { method: 'POST', headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '' } });
    expect(bare.status).toBe(403);
    // Login is protected too (no signing a console into someone else's account).
    expect((await new ConsoleClient(hall.origin).request('POST', '/api/login', { username: 'wang', password: 'x' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a request whose Host is not the server (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request(`${hall.origin}/api/me`, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(status).toBe(421);
  });

  it('keeps supervisor routes from officers (403 forbidden) and lets supervisors in', async () => {
    const officer = new ConsoleClient(hall.origin);
    await officer.login('wang');
    expect((await officer.get('/api/staff')).body).toEqual({ error: 'forbidden' });
    expect((await officer.post('/api/staff', { staffNumber: 'P0001', name: '张三', idNumber: '410402199001011230', role: 'officer', pin: '123456' })).status).toBe(403);
    await hall.db.query(`INSERT INTO kiosks (kiosk_id, online) VALUES ('HB-ROLE-01', true) ON CONFLICT DO NOTHING`);
    expect((await officer.post('/api/kiosks/HB-ROLE-01/commands', { type: 'outOfService', message: '设备维护中' })).body).toEqual({ error: 'forbidden' });
    const supervisor = new ConsoleClient(hall.origin);
    await supervisor.login('li');
    expect((await supervisor.get('/api/staff')).status).toBe(200);
    expect((await supervisor.post('/api/kiosks/HB-ROLE-01/commands', { type: 'outOfService', message: '设备维护中' })).status).toBe(200);
  });

  it('answers 401 signedOut to every API route without a session', async () => {
    const anonymous = new ConsoleClient(hall.origin);
    for (const path of ['/api/me', '/api/kiosks', '/api/alerts', '/api/help-calls', '/api/supervision', '/api/staff', '/api/stats?from=2026-01-01&to=2026-01-31&groupBy=service']) {
      const answer = await anonymous.get(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body, path).toEqual({ error: 'signedOut' });
    }
    expect((await anonymous.post('/api/help-calls/x/claim', { etaMinutes: 2 })).status).toBe(401);
  });
});
