/**
 * The console's 可视化代办 routes against a fake case registry: the session
 * and CSRF rules of every console route, one officer per case, the recording
 * uploads' type and size limits, finish → stored or the case drops, the
 * decision's validation, and the call's signal socket (Origin, session,
 * officer; what it relays and pushes).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { err } from '../../../domain/result';
import type { ConsoleCallLive } from '../../../hall/contract/proxy-api';
import type { LiveMessage } from '../../../hall/contract/console-api';
import { ConsoleClient, startHarness, type Harness } from './harness';
import { caseView, fakeRecordings, fakeRegistry, type FakeRecordings, type FakeRegistry } from '../proxy/fake-registry';

const CASE = 'case-0001-abcdef';
let hall: Harness;
let registry: FakeRegistry;
let recordings: FakeRecordings;
let wang: ConsoleClient;

// One hall for the file (its database and officers take seconds to make); each test starts from fresh cases.
beforeAll(async () => {
  registry = fakeRegistry([]);
  recordings = fakeRecordings();
  hall = await startHarness({ proxy: { registry, recordings } });
  wang = new ConsoleClient(hall.origin);
  await wang.login('wang');
}, 60_000);
beforeEach(() => {
  registry.cases.clear();
  for (const view of [caseView(CASE), caseView('case-0002-closed', { state: 'approved' })]) registry.cases.set(view.caseId, view);
  registry.relayed.length = 0;
  registry.presence.length = 0;
  recordings.stored.length = 0;
  recordings.answer = fakeRecordings().answer;
});
afterAll(async () => {
  await hall.close();
});

async function put(client: ConsoleClient, party: string, bytes: Uint8Array<ArrayBuffer>, contentType = 'video/webm') {
  const res = await fetch(`${hall.origin}/api/proxy/cases/${CASE}/recording/${party}`, {
    method: 'PUT',
    headers: { origin: hall.origin, cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': contentType },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function joinAndRecord(): Promise<void> {
  expect((await wang.post(`/api/proxy/cases/${CASE}/join`)).status).toBe(200);
  expect((await wang.post(`/api/proxy/cases/${CASE}/recording/start`)).status).toBe(200);
}

describe('the proxy desk routes', () => {
  it('lists open cases to a signed-in officer only', async () => {
    const open = await wang.get('/api/proxy/cases');
    expect(open.status).toBe(200);
    expect((open.body as Array<{ caseId: string }>).map((c) => c.caseId)).toEqual([CASE]);
    expect(((await wang.get('/api/proxy/cases?state=all')).body as unknown[]).length).toBe(2);
    const stranger = new ConsoleClient(hall.origin);
    expect((await stranger.get('/api/proxy/cases')).status).toBe(401);
  });

  it('needs the session CSRF token and the console Origin to act', async () => {
    expect((await wang.request('POST', `/api/proxy/cases/${CASE}/join`, undefined, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await wang.request('POST', `/api/proxy/cases/${CASE}/join`, undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect(registry.cases.get(CASE)?.officer).toBeNull();
  });

  it('joins a case as the session officer, with the statement and ICE servers; another officer is refused', async () => {
    const joined = await wang.post(`/api/proxy/cases/${CASE}/join`);
    expect(joined.status).toBe(200);
    const body = joined.body as { case: { state: string; officer: { staffNumber: string } }; statement: { text: string }; iceServers: unknown[] };
    expect(body.case.state).toBe('inCall');
    expect(body.case.officer.staffNumber).toBe('wang');
    expect(body.statement.text).toContain('委托');
    expect(body.iceServers.length).toBe(1);

    const zhao = new ConsoleClient(hall.origin);
    await zhao.login('zhao');
    expect(await zhao.post(`/api/proxy/cases/${CASE}/join`)).toMatchObject({ status: 403, body: { error: 'otherOfficer' } });
    expect(await zhao.post(`/api/proxy/cases/${CASE}/recording/start`)).toMatchObject({ status: 403, body: { error: 'otherOfficer' } });
    expect(await put(zhao, 'phone', new Uint8Array([1, 2, 3]))).toMatchObject({ status: 403, body: { error: 'otherOfficer' } });
    expect(await zhao.post(`/api/proxy/cases/${CASE}/leave`)).toMatchObject({ status: 403, body: { error: 'otherOfficer' } });
    expect(await wang.post('/api/proxy/cases/case-unknown-99/join')).toMatchObject({ status: 404, body: { error: 'notFound' } });
  });

  it('takes each party’s WebM while recording and stores both on finish', async () => {
    expect(await put(wang, 'phone', new Uint8Array([1]))).toMatchObject({ status: 403, body: { error: 'otherOfficer' } });
    await wang.post(`/api/proxy/cases/${CASE}/join`);
    expect(await put(wang, 'phone', new Uint8Array([1]))).toMatchObject({ status: 409, body: { error: 'wrongState' } });
    await joinAndRecord();
    expect(await put(wang, 'phone', new Uint8Array([1, 2, 3]))).toEqual({ status: 200, body: {} });
    // Only the kiosk's is missing: nothing is stored yet.
    expect(await wang.post(`/api/proxy/cases/${CASE}/recording/finish`)).toMatchObject({ status: 409, body: { error: 'recordingMissing' } });
    expect(await put(wang, 'kiosk', new Uint8Array([4, 5]))).toEqual({ status: 200, body: {} });
    const finished = await wang.post(`/api/proxy/cases/${CASE}/recording/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ state: 'recorded', recording: { sha256: 'a'.repeat(64) } });
    expect(recordings.stored).toHaveLength(1);
    const parts = recordings.stored[0]?.parts ?? [];
    expect(parts.map((p) => [p.party, [...p.webm]]).sort()).toEqual([['kiosk', [4, 5]], ['phone', [1, 2, 3]]]);
  });

  it('refuses uploads that are not WebM, not a party, or over 64 MB', async () => {
    await joinAndRecord();
    expect((await put(wang, 'phone', new Uint8Array([1]), 'application/json')).status).toBe(415);
    expect((await put(wang, 'console', new Uint8Array([1]))).status).toBe(400);
    const big = new Uint8Array(64 * 1024 * 1024 + 1);
    expect(await put(wang, 'kiosk', big)).toMatchObject({ status: 413, body: { error: 'tooLarge' } });
    expect(await wang.post(`/api/proxy/cases/${CASE}/recording/finish`)).toMatchObject({ status: 409, body: { error: 'recordingMissing' } });
  });

  it('drops the case with 502 recordingNotStored when the store fails', async () => {
    recordings.answer = err('undecodable');
    await joinAndRecord();
    await put(wang, 'phone', new Uint8Array([1]));
    await put(wang, 'kiosk', new Uint8Array([2]));
    expect(await wang.post(`/api/proxy/cases/${CASE}/recording/finish`)).toMatchObject({ status: 502, body: { error: 'recordingNotStored' } });
    expect(registry.cases.get(CASE)).toMatchObject({ state: 'dropped', endReason: 'recordingNotStored' });
  });

  it('validates the decision: a refusal needs a reason, approval needs signatures', async () => {
    await joinAndRecord();
    await put(wang, 'phone', new Uint8Array([1]));
    await put(wang, 'kiosk', new Uint8Array([2]));
    await wang.post(`/api/proxy/cases/${CASE}/recording/finish`);
    expect(await wang.post(`/api/proxy/cases/${CASE}/decision`, { approve: false })).toMatchObject({ status: 400, body: { error: 'badRequest' } });
    expect(await wang.post(`/api/proxy/cases/${CASE}/decision`, { approve: false, reason: ' ' })).toMatchObject({ status: 400 });
    expect(await wang.post(`/api/proxy/cases/${CASE}/decision`, { approve: true, extra: 1 })).toMatchObject({ status: 400 });
    expect(await wang.post(`/api/proxy/cases/${CASE}/decision`, { approve: true })).toMatchObject({ status: 409, body: { error: 'notSigned' } });
    const view = registry.cases.get(CASE);
    if (view) registry.update({ ...view, agentSigned: true, principalSigned: true });
    expect(await wang.post(`/api/proxy/cases/${CASE}/decision`, { approve: true })).toMatchObject({ status: 200, body: { state: 'approved' } });
  });

  it('pushes every case change on /api/live', async () => {
    const ws = new WebSocket(`${hall.origin.replace('http', 'ws')}/api/live`, { headers: { origin: hall.origin, cookie: wang.cookie ?? '' } });
    const messages: LiveMessage[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
    await new Promise((resolve) => ws.once('open', resolve));
    await wang.post(`/api/proxy/cases/${CASE}/join`);
    await expect.poll(() => messages.find((m) => m.type === 'proxyCase')).toMatchObject({ type: 'proxyCase', case: { caseId: CASE, state: 'inCall' } });
    ws.close();
  });
});

describe('the call signal socket', () => {
  function open(caseId: string, headers: Record<string, string>): Promise<{ ws: WebSocket; messages: ConsoleCallLive[] } | { refused: number }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`${hall.origin.replace('http', 'ws')}/api/proxy/signal?caseId=${caseId}`, { headers });
      const messages: ConsoleCallLive[] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data)) as ConsoleCallLive));
      ws.once('open', () => resolve({ ws, messages }));
      ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
      ws.once('error', () => resolve({ refused: -1 }));
    });
  }

  it('is refused without the console Origin, without a session, and to an officer who did not join', async () => {
    await wang.post(`/api/proxy/cases/${CASE}/join`);
    expect(await open(CASE, { origin: 'http://evil.example', cookie: wang.cookie ?? '' })).toEqual({ refused: 403 });
    expect(await open(CASE, { origin: hall.origin })).toEqual({ refused: 401 });
    const zhao = new ConsoleClient(hall.origin);
    await zhao.login('zhao');
    expect(await open(CASE, { origin: hall.origin, cookie: zhao.cookie ?? '' })).toEqual({ refused: 403 });
    expect(await open('bad id!', { origin: hall.origin, cookie: wang.cookie ?? '' })).toEqual({ refused: 400 });
    expect(registry.presence).toEqual([]);
  });

  it('relays the officer’s signals stamped as console, delivers the others’, and says who is present', async () => {
    await wang.post(`/api/proxy/cases/${CASE}/join`);
    const opened = await open(CASE, { origin: hall.origin, cookie: wang.cookie ?? '' });
    if ('refused' in opened) throw new Error(`refused ${opened.refused}`);
    const { ws, messages } = opened;
    await expect.poll(() => messages[0]).toMatchObject({ type: 'case', case: { caseId: CASE, state: 'inCall' } });
    expect(registry.presence).toEqual([`attached ${CASE} console`]);

    ws.send(JSON.stringify({ caseId: CASE, to: 'kiosk', body: { kind: 'hello' } }));
    ws.send(JSON.stringify({ caseId: 'case-0002-closed', to: 'phone', body: { kind: 'hello' } }));
    ws.send(JSON.stringify({ caseId: CASE, to: 'console', body: { kind: 'hello' } }));
    ws.send(JSON.stringify({ caseId: CASE, to: 'phone', body: { kind: 'nonsense' } }));
    ws.send('not json');
    ws.send(JSON.stringify({ caseId: CASE, to: 'phone', body: { kind: 'bye' } }));
    await expect.poll(() => registry.relayed.length).toBe(2);
    expect(registry.relayed).toEqual([
      { caseId: CASE, from: 'console', to: 'kiosk', body: { kind: 'hello' } },
      { caseId: CASE, from: 'console', to: 'phone', body: { kind: 'bye' } },
    ]);

    registry.deliverTo(CASE, { caseId: CASE, from: 'phone', body: { kind: 'hello' } });
    await expect.poll(() => messages.find((m) => m.type === 'signal')).toEqual({ type: 'signal', signal: { caseId: CASE, from: 'phone', body: { kind: 'hello' } } });

    // The registry's TURN refresh for the console reaches the officer's socket.
    const fresh = [{ urls: ['turn:127.0.0.1:3478?transport=udp'], username: '1796263200:case-0001-abcdef:console', credential: 'c2VjcmV0' }];
    registry.refreshConsoleIce(CASE, fresh);
    await expect.poll(() => messages.find((m) => m.type === 'iceServers')).toEqual({ type: 'iceServers', caseId: CASE, iceServers: fresh });

    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.close();
    await closed;
    await expect.poll(() => registry.presence).toEqual([`attached ${CASE} console`, `detached ${CASE} console`]);
  });

  it('closes when the officer signs out', async () => {
    await wang.post(`/api/proxy/cases/${CASE}/join`);
    const other = new ConsoleClient(hall.origin);
    await other.login('wang');
    const opened = await open(CASE, { origin: hall.origin, cookie: other.cookie ?? '' });
    if ('refused' in opened) throw new Error(`refused ${opened.refused}`);
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    expect((await other.post('/api/logout')).status).toBe(200);
    expect(await closed).toBe(4001);
  });

  it('closes once the officer’s session has expired (idle 30 minutes), and the officer counts as gone', async () => {
    const quickRegistry = fakeRegistry([caseView(CASE)]);
    const quick = await startHarness({ liveSweepMs: 100, proxy: { registry: quickRegistry, recordings: fakeRecordings() } });
    try {
      const officer = new ConsoleClient(quick.origin);
      await officer.login('wang');
      expect((await officer.post(`/api/proxy/cases/${CASE}/join`)).status).toBe(200);
      const ws = new WebSocket(`${quick.origin.replace('http', 'ws')}/api/proxy/signal?caseId=${CASE}`, { headers: { origin: quick.origin, cookie: officer.cookie ?? '' } });
      const firstCase = new Promise((resolve) => ws.once('message', resolve));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await firstCase;
      expect(quickRegistry.presence).toEqual([`attached ${CASE} console`]);
      quick.clock.now = new Date(quick.clock.now.getTime() + 30 * 60_000);
      expect(await closed).toBe(4001);
      await expect.poll(() => quickRegistry.presence).toEqual([`attached ${CASE} console`, `detached ${CASE} console`]);
    } finally {
      await quick.close();
    }
  }, 60_000);
});
