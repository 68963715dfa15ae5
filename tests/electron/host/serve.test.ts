import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { defaultConfig } from '../../../electron/host/config/load';
import { createHost } from '../../../electron/host/create-host';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/serve';
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import { createFakeDevices } from './fake-devices';

const rendererDir = mkdtempSync(join(tmpdir(), 'onedoor-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret');

let server: BrowserHost;
const TOKEN = 'test-token-abcdefghijklmnop';
const devices = createFakeDevices([]);

beforeAll(async () => {
  const host = createHost(defaultConfig(), { logger: pino({ level: 'silent' }), devices });
  await host.start();
  const started = await startBrowserHost({ host, rendererDir, port: 0, maxMessageBytes: 4096, token: TOKEN });
  if (!started.ok) throw new Error(started.error.message);
  server = started.value;
});
afterAll(() => server.close());

type Opened = { ok: true; ws: WebSocket } | { ok: false; status: number | undefined };
function connect(opts: { token?: string; origin?: string; host?: string } = {}): Promise<Opened> {
  const origin = opts.origin ?? `http://127.0.0.1:${server.port}`;
  const url = `ws://127.0.0.1:${server.port}/api${opts.token === undefined ? '' : `?token=${opts.token}`}`;
  const headers: Record<string, string> = opts.host ? { host: opts.host } : {};
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.once('open', () => resolve({ ok: true, ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ ok: false, status: res.statusCode }));
    ws.once('error', () => resolve({ ok: false, status: undefined }));
  });
}
function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}
function whenClosed(ws: WebSocket): Promise<void> {
  return ws.readyState === WebSocket.CLOSED ? Promise.resolve() : new Promise((resolve) => ws.once('close', () => resolve()));
}
/** Everything a socket hears until it is closed. */
function record(ws: WebSocket): string[] {
  const heard: string[] = [];
  ws.on('message', (data) => heard.push(String(data)));
  return heard;
}
const info = { v: PROTOCOL_VERSION, type: 'call', id: 'a', method: 'kiosk.info', params: {} };

describe('browser host', () => {
  it('serves the renderer on loopback with a strict CSP and without the token; the token is only in the launch URL\'s fragment', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.launchUrl).toBe(`${server.url}#token=${TOKEN}`);
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<title>k</title>');
    expect(html).not.toContain(TOKEN);
  });

  it('refuses path traversal and foreign Host headers on HTTP', async () => {
    const traversal = await fetch(`${server.url}..%2fsecret.txt`);
    expect(traversal.status).toBe(404);
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode)).end();
    });
    expect(status).toBe(421);
  });

  it('answers calls over a WebSocket with the token from its own origin', async () => {
    const opened = await connect({ token: TOKEN });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    opened.ws.send(JSON.stringify(info));
    expect(await nextMessage(opened.ws)).toMatchObject({ id: 'a', ok: true });
    opened.ws.close();
    await whenClosed(opened.ws);
  });

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { token: 'nope' }, 401],
    ['a foreign Origin', { token: TOKEN, origin: 'http://evil.example' }, 403],
    ['a foreign Host (DNS rebinding)', { token: TOKEN, host: 'evil.example:80' }, 403],
  ])('refuses a WebSocket with %s', async (_label, opts, status) => {
    const opened = await connect(opts);
    expect(opened).toEqual({ ok: false, status });
  });

  it('answers garbage with an error reply and keeps serving', async () => {
    const opened = await connect({ token: TOKEN });
    if (!opened.ok) throw new Error('not opened');
    opened.ws.send('garbage{');
    expect(await nextMessage(opened.ws)).toMatchObject({ ok: false, error: { code: 'invalidMessage' } });
    opened.ws.send(JSON.stringify(info));
    expect(await nextMessage(opened.ws)).toMatchObject({ ok: true });
    opened.ws.close();
    await whenClosed(opened.ws);
  });

  it('closes a connection that sends more than the size limit, and the host stays up', async () => {
    const opened = await connect({ token: TOKEN });
    if (!opened.ok) throw new Error('not opened');
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    opened.ws.send('x'.repeat(10_000));
    expect(await closed).toBe(1009);
    const again = await connect({ token: TOKEN });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    again.ws.close();
    await whenClosed(again.ws);
  });
});

describe('one renderer at a time', () => {
  it('refuses a second socket while the renderer\'s is live; it hears nothing; once the renderer\'s is gone a new one takes over', async () => {
    const renderer = await connect({ token: TOKEN });
    if (!renderer.ok) throw new Error('not opened');
    const second = await connect({ token: TOKEN });
    expect(second).toEqual({ ok: false, status: 409 });

    renderer.ws.close();
    await whenClosed(renderer.ws);
    const next = await connect({ token: TOKEN });
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    next.ws.send(JSON.stringify(info));
    expect(await nextMessage(next.ws)).toMatchObject({ id: 'a', ok: true });
    next.ws.close();
    await whenClosed(next.ws);
  });

  it('a local process that fetches everything it can reach learns no token, no name and no ID number, while the renderer gets the session', async () => {
    const renderer = await connect({ token: TOKEN });
    if (!renderer.ok) throw new Error('not opened');
    const heardByRenderer = record(renderer.ws);

    // The prowler: every file it can name, then a socket with no token, with every word it read as the token, and with the token's shape guessed.
    const reached: string[] = [];
    for (const path of ['', 'index.html', 'assets/app.js', 'api', 'token', '?token=1']) {
      const res = await fetch(`${server.url}${path}`);
      reached.push(`${res.status} ${await res.text()}`);
    }
    const words = new Set(reached.join(' ').split(/[^A-Za-z0-9_-]+/).filter((w) => w.length > 0));
    const attempts: Array<Promise<Opened>> = [connect(), connect({ token: '' }), ...[...words].map((w) => connect({ token: w }))];
    const opened = await Promise.all(attempts);
    const sockets = opened.flatMap((o) => (o.ok ? [o.ws] : []));
    const heardByProwler = sockets.flatMap((ws) => record(ws));

    // A citizen places a card while the prowler listens.
    const loaded = loadSampleCard('resident-han');
    if (!loaded.ok) throw new Error('sample card missing');
    const { card, ...raw } = loaded.value;
    devices.present({ ...raw, readAt: new Date() });
    await expect.poll(() => heardByRenderer.some((m) => m.includes('session.started'))).toBe(true);

    expect(opened.map((o) => (o.ok ? 'open' : o.status))).toEqual(opened.map(() => 401));
    const prowled = [...reached, ...heardByProwler].join('\n');
    expect(prowled).not.toContain(TOKEN);
    expect(prowled).not.toContain(card.name);
    expect(prowled).not.toContain(card.idNumber);
    // The renderer's own socket hears the session, masked: the header needs no more.
    expect(heardByRenderer.join('\n')).not.toContain(card.name);
    expect(heardByRenderer.join('\n')).not.toContain(card.idNumber);
    renderer.ws.send(JSON.stringify({ v: PROTOCOL_VERSION, type: 'call', id: 'end', method: 'session.end', params: { sessionId: (JSON.parse(heardByRenderer.find((m) => m.includes('session.started'))!) as { payload: { session: { sessionId: string } } }).payload.session.sessionId, reason: 'cancelled' } }));
    await expect.poll(() => heardByRenderer.some((m) => m.includes('"id":"end"'))).toBe(true);
    renderer.ws.close();
    await whenClosed(renderer.ws);
  });
});

describe('a renderer socket that died without closing', () => {
  it('is dropped when it stops answering pings, so a reloaded page can take over', async () => {
    const host = createHost(defaultConfig(), { logger: pino({ level: 'silent' }), devices: createFakeDevices([]) });
    await host.start();
    const started = await startBrowserHost({ host, rendererDir, port: 0, maxMessageBytes: 4096, token: TOKEN, heartbeatMs: 20 });
    if (!started.ok) throw new Error(started.error.message);
    const url = `ws://127.0.0.1:${started.value.port}/api?token=${TOKEN}`;
    const origin = `http://127.0.0.1:${started.value.port}`;
    // A hung page: its socket is open but never answers a ping.
    const hung = new WebSocket(url, { origin, autoPong: false });
    await new Promise((resolve) => hung.once('open', resolve));
    await whenClosed(hung);
    const reloaded = new WebSocket(url, { origin });
    await new Promise((resolve, reject) => {
      reloaded.once('open', resolve);
      reloaded.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    });
    reloaded.close();
    await whenClosed(reloaded);
    await started.value.close();
    await host.stop();
  });
});
