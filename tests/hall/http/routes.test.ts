import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAllowList } from '../../../electron/contract/hall-link';
import { AlertView, HelpCallView, KioskStaffView, KioskView, StatsAnswer, SupervisedSession } from '../../../hall/contract/console-api';
import { staffIdDigest } from '../../../hall/server/auth/staff-identity';
import { verifySecret } from '../../../hall/server/auth/secrets';
import { ConsoleClient, insertAlert, insertHelpCall, insertKiosk, STAFF_ID_KEY, startHarness, type Harness } from './harness';

let hall: Harness;
let wang: ConsoleClient;
let zhao: ConsoleClient;
let li: ConsoleClient;
beforeAll(async () => {
  hall = await startHarness();
  wang = new ConsoleClient(hall.origin);
  zhao = new ConsoleClient(hall.origin);
  li = new ConsoleClient(hall.origin);
  await wang.login('wang');
  await zhao.login('zhao');
  await li.login('li');
}, 30_000);
afterAll(async () => {
  await hall?.close();
});

describe('kiosks', () => {
  it('lists kiosks with their status, online flag and counts of open alerts and waiting help calls', async () => {
    await insertKiosk(hall.db, 'HB-KIOSK-01');
    await insertKiosk(hall.db, 'HB-KIOSK-02', false);
    await insertAlert(hall.db, 'HB-KIOSK-01', 'a-kiosks-1');
    await insertHelpCall(hall.db, 'HB-KIOSK-01', 'call-kiosks-1');
    const answer = await wang.get('/api/kiosks');
    expect(answer.status).toBe(200);
    const kiosks = KioskView.array().parse(answer.body);
    const one = kiosks.find((k) => k.kioskId === 'HB-KIOSK-01');
    expect(one).toMatchObject({ online: true, lastSeen: '2026-12-03T01:59:00.000Z', openAlerts: 1, waitingHelpCalls: 1, status: { hallName: '城关派出所' } });
    expect(kiosks.find((k) => k.kioskId === 'HB-KIOSK-02')).toMatchObject({ online: false, openAlerts: 0 });
  });

  it('sends a command to an online kiosk with who sent it, audited; an offline or unknown kiosk is refused', async () => {
    const sent = await wang.post('/api/kiosks/HB-KIOSK-01/commands', { type: 'moreTime', seconds: 120 });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ commandId: expect.stringMatching(/^cmd-/) });
    expect(hall.link.commands.at(-1)).toEqual({ kioskId: 'HB-KIOSK-01', command: { type: 'moreTime', seconds: 120 }, by: { username: 'wang', role: 'officer' } });
    const audit = await hall.db.query<{ username: string; subject: string }>(`SELECT username, subject FROM hall_audit WHERE action = 'kioskCommand' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toEqual({ username: 'wang', subject: 'HB-KIOSK-01' });

    expect(await wang.post('/api/kiosks/HB-KIOSK-02/commands', { type: 'endSession' })).toMatchObject({ status: 409, body: { error: 'kioskOffline' } });
    hall.link.offline.add('HB-KIOSK-01'); // the link knows first (the last will not yet stored)
    expect(await wang.post('/api/kiosks/HB-KIOSK-01/commands', { type: 'endSession' })).toMatchObject({ status: 409, body: { error: 'kioskOffline' } });
    hall.link.offline.delete('HB-KIOSK-01');
    expect(await wang.post('/api/kiosks/HB-NOPE/commands', { type: 'endSession' })).toMatchObject({ status: 404, body: { error: 'notFound' } });
  });

  it('refuses malformed commands and bodies with 400 badRequest naming the field, sending nothing', async () => {
    const before = hall.link.commands.length;
    expect(await wang.post('/api/kiosks/HB-KIOSK-01/commands', { type: 'moreTime', seconds: 5 })).toMatchObject({ status: 400, body: { error: 'badRequest', field: 'seconds' } });
    expect(await wang.post('/api/kiosks/HB-KIOSK-01/commands', { type: 'selfDestruct' })).toMatchObject({ status: 400, body: { error: 'badRequest' } });
    expect(await wang.post('/api/kiosks/HB-KIOSK-01/commands', '{"type": "hint", ')).toMatchObject({ status: 400, body: { error: 'badRequest', field: 'body' } });
    expect(await wang.post('/api/kiosks/HB-KIOSK-01/commands', { type: 'hint', text: 'x'.repeat(100_000) })).toMatchObject({ status: 413, body: { error: 'badRequest' } });
    expect(hall.link.commands.length).toBe(before);
  });
});

describe('alerts', () => {
  it('lists open alerts, acknowledges and resolves them once (a second officer gets 409)', async () => {
    const id = await insertAlert(hall.db, 'HB-KIOSK-01', 'a-ack-1');
    const open = AlertView.array().parse((await wang.get('/api/alerts?state=open')).body);
    expect(open.find((a) => a.id === id)).toMatchObject({ kioskId: 'HB-KIOSK-01', kind: 'deviceFault', messageKey: 'staff.alert.printerOut', deviceId: 'receipt-1', state: 'open' });
    const ack = await wang.post(`/api/alerts/${id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ id, state: 'acknowledged', acknowledgedBy: 'wang' });
    expect((await zhao.post(`/api/alerts/${id}/acknowledge`)).body).toEqual({ error: 'conflict' });
    expect((await zhao.post(`/api/alerts/${id}/resolve`)).body).toMatchObject({ state: 'resolved', resolvedBy: 'zhao' });
    expect((await wang.post(`/api/alerts/${id}/resolve`)).status).toBe(409);
    expect(AlertView.array().parse((await wang.get('/api/alerts')).body).some((a) => a.id === id)).toBe(false);
    expect(AlertView.array().parse((await wang.get('/api/alerts?state=all')).body).some((a) => a.id === id)).toBe(true);
    expect((await wang.post('/api/alerts/999999/resolve')).status).toBe(404);
    expect((await wang.get('/api/alerts?state=some')).body).toEqual({ error: 'badRequest', field: 'state' });
  });
});

describe('help calls', () => {
  it('claims a waiting call: the kiosk is sent helpClaimed with the eta, the queue shows who is coming', async () => {
    await insertHelpCall(hall.db, 'HB-KIOSK-01', 'call-claim-1');
    const queue = HelpCallView.array().parse((await wang.get('/api/help-calls')).body);
    expect(queue.find((c) => c.callId === 'call-claim-1')).toMatchObject({ state: 'waiting', reason: 'button', serviceId: 'huzheng.move', step: 'photo', claimedBy: null });
    const claimed = await wang.post('/api/help-calls/call-claim-1/claim', { etaMinutes: 2 });
    expect(claimed.status).toBe(200);
    expect(HelpCallView.parse(claimed.body)).toMatchObject({ state: 'claimed', claimedBy: 'wang', etaMinutes: 2, claimedAt: hall.clock.now.toISOString() });
    expect(hall.link.commands.at(-1)).toEqual({ kioskId: 'HB-KIOSK-01', command: { type: 'helpClaimed', callId: 'call-claim-1', etaMinutes: 2 }, by: { username: 'wang', role: 'officer' } });
  });

  it('refuses a call someone else claimed (409 conflict) but lets the claimer change the eta', async () => {
    const sent = hall.link.commands.length;
    expect(await zhao.post('/api/help-calls/call-claim-1/claim', { etaMinutes: 1 })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(hall.link.commands.length).toBe(sent);
    expect((await wang.post('/api/help-calls/call-claim-1/claim', { etaMinutes: 5 })).body).toMatchObject({ claimedBy: 'wang', etaMinutes: 5 });
    expect(await wang.post('/api/help-calls/call-claim-1/claim', { etaMinutes: 61 })).toMatchObject({ status: 400, body: { field: 'etaMinutes' } });
    expect(await wang.post('/api/help-calls/call-claim-1/claim', {})).toMatchObject({ status: 400, body: { error: 'badRequest', field: 'etaMinutes' } });
    expect((await wang.post('/api/help-calls/no-such-call/claim', { etaMinutes: 1 })).status).toBe(404);
  });

  it('resolves a call: the kiosk is sent helpResolved and the call leaves the open queue', async () => {
    const resolved = await zhao.post('/api/help-calls/call-claim-1/resolve');
    expect(resolved.body).toMatchObject({ state: 'resolved', resolvedAt: hall.clock.now.toISOString() });
    expect(hall.link.commands.at(-1)).toMatchObject({ kioskId: 'HB-KIOSK-01', command: { type: 'helpResolved', callId: 'call-claim-1' } });
    expect(HelpCallView.array().parse((await wang.get('/api/help-calls?state=open')).body).some((c) => c.callId === 'call-claim-1')).toBe(false);
    expect(HelpCallView.array().parse((await wang.get('/api/help-calls?state=all')).body).some((c) => c.callId === 'call-claim-1')).toBe(true);
    expect((await wang.post('/api/help-calls/call-claim-1/claim', { etaMinutes: 1 })).status).toBe(409);
    const audit = await hall.db.query<{ action: string }>(`SELECT action FROM hall_audit WHERE detail->>'callId' = 'call-claim-1' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['helpClaim', 'helpClaim', 'helpResolve']);
  });
});

describe('supervision', () => {
  it('lists what each kiosk citizen is doing, masked', async () => {
    const session = { sessionId: 's-1', serviceId: 'huzheng.move', category: 'huzheng', step: 'photo', stepSince: '2026-12-03T01:59:30.000Z', startedAt: '2026-12-03T01:58:00.000Z', nameMasked: '张*', idNumberMasked: '4104**********1230' };
    await hall.db.query('INSERT INTO supervision (kiosk_id, session, updated_at) VALUES ($1, $2, $3)', ['HB-KIOSK-01', JSON.stringify(session), '2026-12-03T01:59:30.000Z']);
    const list = SupervisedSession.array().parse((await wang.get('/api/supervision')).body);
    expect(list).toEqual([{ kioskId: 'HB-KIOSK-01', session, updatedAt: '2026-12-03T01:59:30.000Z' }]);
  });
});

describe('statistics', () => {
  it('passes a validated query to the stats module and answers its figures; refuses a bad query', async () => {
    const answer = await wang.get('/api/stats?from=2026-06-01&to=2026-11-30&groupBy=category&category=huzheng');
    expect(answer.status).toBe(200);
    expect(StatsAnswer.parse(answer.body).total.completed).toBe(7);
    expect(hall.stats.queries.at(-1)).toEqual({ from: '2026-06-01', to: '2026-11-30', groupBy: 'category', category: 'huzheng' });
    expect(await wang.get('/api/stats?from=2026-06-01&to=2026-11-30&groupBy=year')).toMatchObject({ status: 400, body: { error: 'badRequest', field: 'groupBy' } });
    expect((await wang.get('/api/stats/dropoff?serviceId=huzheng.move&from=2026-06-01&to=2026-11-30')).body).toEqual({ serviceId: 'huzheng.move', steps: [{ step: 'photo', sessions: 3 }] });
    expect((await wang.get('/api/stats/dropoff?from=2026-06-01&to=2026-11-30')).body).toMatchObject({ error: 'badRequest', field: 'serviceId' });
  });

  it('exports CSV as UTF-8 with a byte order mark, as a download', async () => {
    const res = await fetch(`${hall.origin}/api/stats.csv?from=2026-06-01&to=2026-11-30&groupBy=service`, { headers: { cookie: wang.cookie ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('key,sessions\nhuzheng,10\n');
  });
});

describe('kiosk staff (allow-list)', () => {
  const ID = '41040219900101102x';

  it('adds an officer: stores and publishes only the digest, the masked forms and the PIN hash, with a new version', async () => {
    const added = await li.post('/api/staff', { staffNumber: 'P0001', name: '张三丰', idNumber: ID, role: 'officer', pin: '246810' });
    expect(added.status).toBe(200);
    expect(KioskStaffView.parse(added.body)).toMatchObject({ staffNumber: 'P0001', nameMasked: '张**', idNumberMasked: '4104**********102X', role: 'officer' });
    const list = StaffAllowList.parse(hall.link.allowLists.at(-1));
    expect(list.staff).toHaveLength(1);
    const member = list.staff[0];
    expect(member).toMatchObject({ staffNumber: 'P0001', nameMasked: '张**', idNumberMasked: '4104**********102X', idDigest: staffIdDigest(STAFF_ID_KEY, '41040219900101102X') });
    expect(await verifySecret(member?.pinHash ?? '', '246810')).toBe(true);
    const published = JSON.stringify(hall.link.allowLists);
    expect(published).not.toContain('410402199001');
    expect(published).not.toContain('246810');
    expect(published).not.toContain('张三丰');
    const stored = JSON.stringify((await hall.db.query('SELECT * FROM kiosk_staff')).rows) + JSON.stringify((await hall.db.query('SELECT * FROM hall_audit')).rows);
    expect(stored).not.toContain('410402199001');
    expect(stored).not.toContain('246810');
  });

  it('replaces an officer by staff number and removes one, each time publishing a newer whole list', async () => {
    const first = hall.link.allowLists.at(-1)?.version ?? 0;
    await li.post('/api/staff', { staffNumber: 'P0002', name: 'Li Si', idNumber: '110101198505051238', role: 'supervisor', pin: '135790' });
    await li.post('/api/staff', { staffNumber: 'P0001', name: '张三丰', idNumber: ID, role: 'supervisor', pin: '111111' });
    const afterEdit = hall.link.allowLists.at(-1);
    expect(afterEdit?.version).toBe(first + 2);
    expect(afterEdit?.staff.map((s) => [s.staffNumber, s.role])).toEqual([['P0001', 'supervisor'], ['P0002', 'supervisor']]);
    expect(afterEdit?.staff[1]?.nameMasked).toBe('L****');
    expect(KioskStaffView.array().parse((await li.get('/api/staff')).body)).toHaveLength(2);
    expect((await li.delete('/api/staff/P0002')).body).toEqual({});
    expect(hall.link.allowLists.at(-1)?.version).toBe(first + 3);
    expect(hall.link.allowLists.at(-1)?.staff.map((s) => s.staffNumber)).toEqual(['P0001']);
    expect((await li.delete('/api/staff/P0002')).status).toBe(404);
  });

  it('refuses a malformed officer (bad ID number, 5-digit PIN) with the field, storing nothing', async () => {
    const versions = hall.link.allowLists.length;
    expect((await li.post('/api/staff', { staffNumber: 'P0003', name: '王五', idNumber: '4104021990', role: 'officer', pin: '123456' })).body).toEqual({ error: 'badRequest', field: 'idNumber' });
    expect((await li.post('/api/staff', { staffNumber: 'P0003', name: '王五', idNumber: ID, role: 'officer', pin: '12345' })).body).toEqual({ error: 'badRequest', field: 'pin' });
    // The server checks the check character itself: the console's own check is a convenience, not the rule.
    expect((await li.post('/api/staff', { staffNumber: 'P0003', name: '王五', idNumber: '410402199001011231', role: 'officer', pin: '123456' })).body).toEqual({ error: 'badRequest', field: 'idNumber' });
    expect(hall.link.allowLists.length).toBe(versions);
    expect(KioskStaffView.array().parse((await li.get('/api/staff')).body).map((s) => s.staffNumber)).toEqual(['P0001']);
  });
});

describe('the console page', () => {
  it('says how to build the console when it is not built, with the strict headers', async () => {
    const res = await fetch(`${hall.origin}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build:hall');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves the built console, its client routes, and nothing outside its folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hall-console-')), 'hall-console');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>大厅控制台</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const built = await startHarness({ consoleDir: dir });
    try {
      expect(await (await fetch(`${built.origin}/`)).text()).toContain('大厅控制台');
      expect(await (await fetch(`${built.origin}/help-calls`)).text()).toContain('大厅控制台');
      const js = await fetch(`${built.origin}/assets/app.js`);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await fetch(`${built.origin}/assets/missing.js`)).status).toBe(404);
      const { request } = await import('node:http');
      const traversal = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        request(`${built.origin}/..%2f..%2f..%2fetc%2fpasswd`, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject).end();
      });
      expect(traversal.status).toBe(404);
      expect(traversal.body).not.toContain('root:');
    } finally {
      await built.close();
    }
  }, 60_000);
});
