import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import type { GatewayFailure } from '../../../../electron/host/gateway/police-gateway';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';

// The sandbox server over plain HTTP: what the client does with answers. Its TLS is tested in http-gateway-tls.test.ts.
const link = createPlainSandboxLink();

let sandbox: SandboxGateway;
let server: SandboxServer;
const attempts: Array<{ path: string; failure: GatewayFailure }> = [];
const client = (over = {}) =>
  createHttpGateway({ baseUrl: server.url, link, timeoutMs: 300, retries: 2, backoff: { baseMs: 5, maxMs: 20 }, onAttemptFailed: (a) => attempts.push(a), ...over });

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  attempts.length = 0;
});

describe('HTTP gateway against the sandbox server', () => {
  it('does every call of the contract', async () => {
    const g = client();
    expect(await g.lookupPerson('32010219920308005X')).toMatchObject({ ok: true, value: { name: '周明轩', holder: 'resident', registeredResidence: { provinceCode: '32', city: '南京市' } } });
    expect(await g.verifyFace({ idNumber: '410402199001011230', probe: new Uint8Array([0xff, 0xd8, 0xff]) })).toMatchObject({ ok: true, value: { match: true } });
    const answer = await g.queryCriminalRecord({ idNumber: '410402200203100042', purpose: 'settlement', requestKey: 'http-query-1' });
    expect(answer).toMatchObject({ ok: true, value: { result: 'sealedJuvenile' } });
    expect(await g.issueDocumentNumber({ type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', idempotencyKey: 'http-number-1' })).toMatchObject({ ok: true, value: { number: expect.stringMatching(/^WFZ/) } });
    expect(await g.submitApplication({ idempotencyKey: 'http-submit-1', serviceId: 'no-criminal-record', kioskId: 'K', payload: { x: 1 } })).toMatchObject({
      ok: true,
      value: { duplicate: false },
    });
  });

  it('maps 404 to notFound and the back-end timeout (504) to timeout, after retries', async () => {
    const g = client();
    expect(await g.lookupPerson('410404197001010098')).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await g.queryCriminalRecord({ idNumber: '410402199512120076', purpose: 'other', requestKey: 'http-timeout-1' })).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(attempts.filter((a) => a.path === GATEWAY_PATHS.queryCriminalRecord)).toHaveLength(3);
  });

  it('retries 5xx with backoff and succeeds when the server heals', async () => {
    server.inject(GATEWAY_PATHS.lookupPerson, { mode: 'status', status: 503, times: 2 });
    const before = server.requests(GATEWAY_PATHS.lookupPerson);
    expect(await client().lookupPerson('410402199001011230')).toMatchObject({ ok: true });
    expect(server.requests(GATEWAY_PATHS.lookupPerson) - before).toBe(3);
    expect(attempts.map((a) => a.failure)).toEqual([{ kind: 'unavailable', status: 503 }, { kind: 'unavailable', status: 503 }]);
  });

  it('gives up after the retries with unavailable', async () => {
    server.inject(GATEWAY_PATHS.lookupPerson, { mode: 'status', status: 500, times: 5 });
    expect(await client().lookupPerson('410402199001011230')).toEqual({ ok: false, error: { kind: 'unavailable', status: 500 } });
  });

  it('times out a slow answer and retries it', async () => {
    server.inject(GATEWAY_PATHS.lookupPerson, { mode: 'slow', ms: 600, times: 1 });
    const started = Date.now();
    expect(await client().lookupPerson('410402199001011230')).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(attempts[0]?.failure).toEqual({ kind: 'timeout' });
  });

  it('reports garbage as badResponse without retrying', async () => {
    server.inject(GATEWAY_PATHS.queryCriminalRecord, { mode: 'garbage', times: 1 });
    const result = await client().queryCriminalRecord({ idNumber: '410402199001011230', purpose: 'other', requestKey: 'http-garbage-1' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    expect(attempts).toHaveLength(0);
  });

  it('reports a well-formed JSON answer of the wrong shape as badResponse', async () => {
    const wrongShape = createServer((_req, res) => res.end(JSON.stringify({ result: 'maybe', queryDate: 'today' })));
    await new Promise<void>((resolve) => wrongShape.listen(0, '127.0.0.1', resolve));
    const g = createHttpGateway({ baseUrl: `http://127.0.0.1:${(wrongShape.address() as AddressInfo).port}`, link, retries: 0 });
    const result = await g.queryCriminalRecord({ idNumber: '410402199001011230', purpose: 'other', requestKey: 'shape-key-1' });
    wrongShape.close();
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse', detail: expect.stringContaining('result') } });
  });

  it('an unreachable gateway is unavailable, never a throw', async () => {
    const g = createHttpGateway({ baseUrl: 'http://127.0.0.1:1', link, retries: 1, backoff: { baseMs: 1, maxMs: 1 }, timeoutMs: 500 });
    expect(await g.lookupPerson('410402199001011230')).toEqual({ ok: false, error: { kind: 'unavailable' } });
  });

  it('sends the Idempotency-Key: a submission retried after a lost answer is accepted once', async () => {
    // The server does the work but answers too late: the client times out and retries with the same key.
    server.inject(GATEWAY_PATHS.submitApplication, { mode: 'holdAnswer', ms: 600, times: 1 });
    const result = await client().submitApplication({ idempotencyKey: 'http-submit-lost-1', serviceId: 'no-criminal-record', kioskId: 'K', payload: {} });
    expect(result).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(sandbox.stats().accepted['http-submit-lost-1']).toBe(1);
    expect(sandbox.stats().attempts['http-submit-lost-1']).toBe(2);
  });

  it('the server refuses a keyed call without a key', async () => {
    const response = await fetch(`${server.url}${GATEWAY_PATHS.submitApplication}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 's', kioskId: 'k', payload: {} }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'missingIdempotencyKey' });
  });
});
