/**
 * The phone listener over real HTTPS (a certificate from the hall's PKI, a
 * free port) with a fake case registry and face check: what a phone, a
 * second phone and a hostile page can and cannot get.
 */
import { request } from 'node:https';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { issuePhoneCertificate } from '../../../hall/server/proxy/phone/phone-certificate';
import { startPhoneServer, type PhoneServer } from '../../../hall/server/proxy/phone/phone-server';
import { PhoneLive } from '../../../hall/contract/proxy-api';
import { CASE_ID, createFakeHall, EXPIRED_TOKEN, HALL_NAME, PRINCIPAL_ID, PRINCIPAL_NAME, TOKEN, type FakeHall } from './fake-phone-registry';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

let dir: string;
let ca: string;
let server: PhoneServer;
let hall: FakeHall;
let origin: string;

async function start(options: { matchOnTry?: number; maxAttempts?: number } = {}): Promise<void> {
  hall = createFakeHall(options);
  const cert = issuePhoneCertificate(dir, []);
  if (!cert.ok) throw new Error(cert.error);
  const started = await startPhoneServer({ registry: hall.registry, faceCheck: hall.faceCheck, tls: cert.value, host: '127.0.0.1', port: 0, pageDir: join(dir, 'page') });
  if (!started.ok) throw new Error(started.error.message);
  server = started.value;
  origin = server.url;
}

function call(method: string, path: string, options: { body?: unknown; raw?: string; cookie?: string; origin?: string | null } = {}): Promise<Answer> {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const sentOrigin = options.origin === undefined ? origin : options.origin;
  if (sentOrigin !== null) headers.origin = sentOrigin;
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function cookieOf(answer: Answer): string {
  const set = answer.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0]! : String(set);
  return first.split(';')[0]!;
}

async function claimAndVerify(): Promise<string> {
  const claimed = await call('POST', '/phone/api/claim', { body: { token: TOKEN } });
  const cookie = cookieOf(claimed);
  await call('POST', '/phone/api/face/consent', { body: { granted: true }, cookie });
  const challenge = (await call('POST', '/phone/api/face/challenge', { body: {}, cookie })).json as { challengeId: string };
  await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie });
  return cookie;
}

function openSocket(cookie: string | null, socketOrigin: string): Promise<{ ws: WebSocket; messages: unknown[] } | { refused: number }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    const ws = new WebSocket(`${server.url.replace('https', 'wss')}/phone/api/signal`, { ca, origin: socketOrigin, headers });
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'phone-server-'));
  mkdirSync(join(dir, 'page'));
  writeFileSync(join(dir, 'page', 'index.html'), '<!doctype html><title>phone</title>');
  const cert = issuePhoneCertificate(dir, []);
  if (!cert.ok) throw new Error(cert.error);
  ca = readFileSync(join(dir, 'ca.crt'), 'utf8');
});

afterEach(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the phone listener', () => {
  it('serves the page at /p/ with a strict CSP and no caching of the HTML', async () => {
    await start();
    const page = await call('GET', '/p/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>phone</title>');
    expect(page.headers['cache-control']).toBe('no-store');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' wss://${new URL(server.url).host}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await call('GET', '/p/../../etc/passwd')).status).toBe(404);
  });

  it('lets a link be claimed once: the phone gets a Secure HttpOnly SameSite=Strict cookie, a second claim is refused', async () => {
    await start();
    const first = await call('POST', '/phone/api/claim', { body: { token: TOKEN } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ hallName: HALL_NAME, linkExpiresAt: '2026-12-03T10:10:00.000Z', maxFaceAttempts: 3 });
    const set = String(first.headers['set-cookie']);
    expect(set).toMatch(/^proxy_phone=[A-Za-z0-9_-]+;/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/phone']) expect(set).toContain(flag);

    const second = await call('POST', '/phone/api/claim', { body: { token: TOKEN } });
    expect(second.status).toBe(409);
    expect(second.json).toEqual({ error: 'linkUsed' });
    expect(second.headers['set-cookie']).toBeUndefined();

    expect((await call('POST', '/phone/api/claim', { body: { token: EXPIRED_TOKEN } })).json).toEqual({ error: 'linkExpired' });
    expect((await call('POST', '/phone/api/claim', { body: { token: 'U'.repeat(40) } })).json).toEqual({ error: 'linkUnknown' });
  });

  it('reveals nothing about the principal or the case before the face check passes', async () => {
    await start({ matchOnTry: 2 });
    const claimed = await call('POST', '/phone/api/claim', { body: { token: TOKEN } });
    const cookie = cookieOf(claimed);
    expect(claimed.text).not.toContain(PRINCIPAL_NAME);
    expect(claimed.text).not.toContain(CASE_ID);

    const before = await call('GET', '/phone/api/case', { cookie });
    expect(before.status).toBe(403);
    expect(before.json).toEqual({ error: 'notVerified' });

    // No consent yet: no challenge.
    expect((await call('POST', '/phone/api/face/challenge', { body: {}, cookie })).json).toEqual({ error: 'noConsent' });
    await call('POST', '/phone/api/face/consent', { body: { granted: true }, cookie });
    const challenge = (await call('POST', '/phone/api/face/challenge', { body: {}, cookie })).json as { challengeId: string };
    const missed = await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie });
    expect(missed.json).toEqual({ outcome: 'notMatched', reasonKey: null, attemptsLeft: 2 });
    for (const answer of [missed, before]) {
      expect(answer.text).not.toContain(PRINCIPAL_NAME);
      expect(answer.text).not.toContain(PRINCIPAL_ID.slice(-4));
    }
    expect(hall.comparedWith).toEqual([PRINCIPAL_ID]);
    expect((await call('GET', '/phone/api/case', { cookie })).status).toBe(403);

    const matched = await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie });
    expect(matched.json).toEqual({ outcome: 'match' });
    expect(hall.verifiedCalls).toBe(1);
    const after = await call('GET', '/phone/api/case', { cookie });
    expect(after.status).toBe(200);
    expect((after.json as { statement: { principalName: string } }).statement.principalName).toBe(PRINCIPAL_NAME);
    // The check is over: another verify is refused and counts nothing.
    expect((await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie })).json).toEqual({ error: 'badRequest' });
    expect(hall.comparedWith).toHaveLength(2);
    expect(hall.failedCalls).toBe(0);
  });

  it('ends the case when the face check runs out of tries', async () => {
    await start({ matchOnTry: 99, maxAttempts: 1 });
    const cookie = cookieOf(await call('POST', '/phone/api/claim', { body: { token: TOKEN } }));
    await call('POST', '/phone/api/face/consent', { body: { granted: true }, cookie });
    const challenge = (await call('POST', '/phone/api/face/challenge', { body: {}, cookie })).json as { challengeId: string };
    const verdict = await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie });
    expect(verdict.json).toEqual({ outcome: 'notMatched', reasonKey: null, attemptsLeft: 0 });
    expect(hall.failedCalls).toBe(1);
    expect((await call('GET', '/phone/api/case', { cookie })).json).toEqual({ error: 'caseEnded' });
  });

  it('refuses a phone without the cookie, a forged cookie, a foreign origin and hostile bodies', async () => {
    await start();
    expect((await call('GET', '/phone/api/case')).json).toEqual({ error: 'notClaimed' });
    expect((await call('GET', '/phone/api/case', { cookie: 'proxy_phone=forged-secret-000000000' })).json).toEqual({ error: 'notClaimed' });
    // Another site's page posting to the claim: refused before the token is looked at.
    expect((await call('POST', '/phone/api/claim', { body: { token: TOKEN }, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('POST', '/phone/api/claim', { body: { token: TOKEN }, origin: null })).status).toBe(403);

    expect((await call('POST', '/phone/api/claim', { body: { token: TOKEN, caseId: CASE_ID } })).json).toEqual({ error: 'badRequest' });
    expect((await call('POST', '/phone/api/claim', { raw: '{"token":' })).status).toBe(400);
    const huge = await call('POST', '/phone/api/claim', { raw: JSON.stringify({ token: 'x'.repeat(10_000) }) });
    expect(huge.status).toBe(413);

    const cookie = cookieOf(await call('POST', '/phone/api/claim', { body: { token: TOKEN } }));
    expect((await call('POST', '/phone/api/face/consent', { body: { granted: 'yes' }, cookie })).json).toEqual({ error: 'badRequest' });
    expect((await call('POST', '/phone/api/face/frame', { body: { challengeId: 'c', nonce: 'short', jpeg: '' }, cookie })).json).toEqual({ error: 'badRequest' });
    // A signature before the face check: the registry refuses it.
    const strokes = { aspect: 2, strokes: [[{ x: 0.1, y: 0.1, t: 0 }, { x: 0.5, y: 0.5, t: 20 }]] };
    expect((await call('POST', '/phone/api/signature', { body: strokes, cookie })).json).toEqual({ error: 'notVerified' });
    expect((await call('POST', '/phone/api/signature', { body: { aspect: 2, strokes: [[{ x: 5, y: 0, t: 0 }]] }, cookie })).json).toEqual({ error: 'badRequest' });
    expect((await call('GET', '/phone/api/claim')).status).toBe(405);
    expect((await call('GET', '/phone/api/nothing')).status).toBe(404);
  });

  it('refuses a request whose Host is not the listener’s own', async () => {
    await start();
    const answer = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/p/`, { method: 'GET', ca, headers: { host: 'rebound.example' }, servername: 'localhost' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer).toBe(421);
  });

  it('opens the signal socket only for a verified phone from its own origin, relays what it sends as the phone and pushes the case', async () => {
    await start();
    const claimed = await call('POST', '/phone/api/claim', { body: { token: TOKEN } });
    const unverifiedCookie = cookieOf(claimed);
    expect(await openSocket(unverifiedCookie, origin)).toEqual({ refused: 403 });
    expect(await openSocket(null, origin)).toEqual({ refused: 401 });

    await call('POST', '/phone/api/face/consent', { body: { granted: true }, cookie: unverifiedCookie });
    const challenge = (await call('POST', '/phone/api/face/challenge', { body: {}, cookie: unverifiedCookie })).json as { challengeId: string };
    await call('POST', '/phone/api/face/verify', { body: { challengeId: challenge.challengeId }, cookie: unverifiedCookie });
    const cookie = unverifiedCookie;

    expect(await openSocket(cookie, 'https://evil.example')).toEqual({ refused: 403 });

    const opened = await openSocket(cookie, origin);
    if ('refused' in opened) throw new Error(`refused ${opened.refused}`);
    const { ws, messages } = opened;
    await until(() => messages.length >= 1);
    expect(PhoneLive.parse(messages[0])).toMatchObject({ type: 'case', case: { caseId: CASE_ID, state: 'principalVerified' } });
    expect(hall.presence).toEqual(['attached:phone']);

    ws.send(JSON.stringify({ caseId: CASE_ID, to: 'kiosk', body: { kind: 'hello' } }));
    // Not its own case, to itself, an extra field, not JSON: all dropped.
    ws.send(JSON.stringify({ caseId: 'other-case-0001', to: 'kiosk', body: { kind: 'hello' } }));
    ws.send(JSON.stringify({ caseId: CASE_ID, to: 'phone', body: { kind: 'hello' } }));
    ws.send(JSON.stringify({ caseId: CASE_ID, to: 'console', from: 'console', body: { kind: 'bye' } }));
    ws.send('not json');
    ws.send(JSON.stringify({ caseId: CASE_ID, to: 'console', body: { kind: 'bye' } }));
    await until(() => hall.relayed.length >= 2);
    expect(hall.relayed).toEqual([
      { from: 'phone', to: 'kiosk', body: { kind: 'hello' } },
      { from: 'phone', to: 'console', body: { kind: 'bye' } },
    ]);

    expect(hall.signalPhone('kiosk', { kind: 'hello' })).toBe(true);
    hall.setState('inCall');
    await until(() => messages.length >= 3);
    expect(messages.slice(1).map((m) => PhoneLive.parse(m))).toEqual([
      { type: 'signal', signal: { caseId: CASE_ID, from: 'kiosk', body: { kind: 'hello' } } },
      expect.objectContaining({ type: 'case', case: expect.objectContaining({ state: 'inCall' }) }),
    ]);

    ws.close();
    await until(() => hall.presence.length >= 2);
    expect(hall.presence).toEqual(['attached:phone', 'detached:phone']);
    expect(hall.signalPhone('kiosk', { kind: 'hello' })).toBe(false);
  });

  it('answers the phone\'s heartbeat with a pong, and relays nothing for it', async () => {
    await start();
    const cookie = await claimAndVerify();
    const opened = await openSocket(cookie, origin);
    if ('refused' in opened) throw new Error(`refused ${opened.refused}`);
    await until(() => opened.messages.length >= 1);
    opened.ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => opened.messages.length >= 2);
    expect(PhoneLive.parse(opened.messages[1])).toEqual({ type: 'pong' });
    expect(hall.relayed).toEqual([]);
    opened.ws.close();
  });

  it('a phone whose case ended while it was away is told how it ended on its next socket, which then closes', async () => {
    await start();
    const cookie = await claimAndVerify();
    hall.end('dropped', 'principalLeft');
    const opened = await openSocket(cookie, origin);
    if ('refused' in opened) throw new Error(`refused ${opened.refused}`);
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    expect(await closed).toBe(1000);
    expect(opened.messages.map((m) => PhoneLive.parse(m))).toEqual([expect.objectContaining({ type: 'case', case: expect.objectContaining({ state: 'dropped', endReason: 'principalLeft' }) })]);
    expect(hall.presence).toEqual([]);
  });

  it('a phone never verified whose case ended is refused the socket as before', async () => {
    await start();
    const cookie = cookieOf(await call('POST', '/phone/api/claim', { body: { token: TOKEN } }));
    hall.end('expired', 'linkExpired');
    expect(await openSocket(cookie, origin)).toEqual({ refused: 401 });
  });

  it('a reload replaces the older socket without the phone leaving the call', async () => {
    await start();
    const cookie = await claimAndVerify();
    const first = await openSocket(cookie, origin);
    if ('refused' in first) throw new Error('refused');
    const closed = new Promise<number>((resolve) => first.ws.once('close', (code) => resolve(code)));
    const second = await openSocket(cookie, origin);
    if ('refused' in second) throw new Error('refused');
    expect(await closed).toBe(4000);
    expect(hall.signalPhone('console', { kind: 'hello' })).toBe(true);
    await until(() => second.messages.length >= 2);
    expect(second.messages[1]).toEqual({ type: 'signal', signal: { caseId: CASE_ID, from: 'console', body: { kind: 'hello' } } });
    expect(hall.presence).toEqual(['attached:phone']);
    second.ws.close();
  });

  it('leaving ends the case for the phone and clears its cookie', async () => {
    await start();
    const cookie = await claimAndVerify();
    const left = await call('POST', '/phone/api/leave', { cookie });
    expect(left.status).toBe(200);
    expect(String(left.headers['set-cookie'])).toContain('Max-Age=0');
    expect(hall.left).toBe(1);
    expect((await call('GET', '/phone/api/case', { cookie })).json).toEqual({ error: 'caseEnded' });
  });
});
