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
import { createFakeDevices } from './fake-devices';

const rendererDir = mkdtempSync(join(tmpdir(), 'onedoor-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret');

let server: BrowserHost;
const TOKEN = 'test-token-abcdefghijklmnop';

beforeAll(async () => {
  const host = createHost(defaultConfig(), { logger: pino({ level: 'silent' }), devices: createFakeDevices([]) });
  await host.start();
  const started = await startBrowserHost({ host, rendererDir, port: 0, maxMessageBytes: 4096, token: TOKEN });
  if (!started.ok) throw new Error(started.message);
  server = started.server;
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
const info = { v: PROTOCOL_VERSION, type: 'call', id: 'a', method: 'kiosk.info', params: {} };

describe('browser host', () => {
  it('serves the renderer on loopback with the launch token and a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain(`<meta name="onedoor-token" content="${TOKEN}">`);
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
  });

  it('closes a connection that sends more than the size limit, and the host stays up', async () => {
    const opened = await connect({ token: TOKEN });
    if (!opened.ok) throw new Error('not opened');
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    opened.ws.send('x'.repeat(10_000));
    expect(await closed).toBe(1009);
    const again = await connect({ token: TOKEN });
    expect(again.ok).toBe(true);
    if (again.ok) again.ws.close();
  });
});
