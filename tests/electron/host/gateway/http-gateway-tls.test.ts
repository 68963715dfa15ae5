/**
 * The back-end link over TLS against servers and certificates made in the
 * test: mutual TLS with the kiosk's client certificate, and every way the link
 * must fail closed (a server from another CA, a client certificate the server
 * does not trust, a pin mismatch, a redirect, an oversized answer), each with
 * a staff alert that names the failure but carries no personal data.
 */
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../../electron/contract';
import { realKioskConfig } from '../../../helpers/real-kiosk-config';
import { parseConfig } from '../../../../electron/host/config/load';
import type { KioskConfig } from '../../../../electron/host/config/schema';
import { createEventBus } from '../../../../electron/host/events';
import { createGatewayFromConfig } from '../../../../electron/host/gateway/from-config';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';
import { createStaffAlerts } from '../../../../electron/host/staff/alerts';
import { makeTestPki, type Issued, type TestPki } from '../../../helpers/test-pki';

const ID_NUMBER = '410402199001011230';
let pki: TestPki;
const closers: Array<() => Promise<void>> = [];

beforeAll(() => {
  pki = makeTestPki();
});
afterAll(() => pki.remove());
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The sandbox over TLS: `server` presents this certificate and demands a client certificate from `clientCa`. */
async function sandboxOverTls(server: Issued, clientCa: Issued): Promise<SandboxServer> {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  const sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  const started = await startSandboxServer({
    gateway: sandbox,
    port: 0,
    tls: { cert: server.cert, key: server.key, clientCa: clientCa.cert },
  });
  closers.push(() => started.close());
  return started;
}

/** A bare mutual-TLS server (trusted certificate, trusted client CA) answering every request with `handler`. */
async function tlsServer(
  handler: Parameters<typeof createHttpsServer>[1],
): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server: Server = createHttpsServer(
    { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      hits += 1;
      handler?.(req, res);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

type HttpBackend = Extract<KioskConfig['backend'], { kind: 'http' }>;

/** The kiosk's side: the config as an installer writes it, the gateway it builds, and the staff alerts it raised. */
function kiosk(baseUrl: string, over: { client?: Issued; pins?: string[]; maxResponseBytes?: number } = {}) {
  const client = over.client ?? pki.client;
  const parsed = parseConfig(
    realKioskConfig({
      backend: {
        kind: 'http',
        baseUrl,
        timeoutMs: 5000,
        ...(over.maxResponseBytes ? { maxResponseBytes: over.maxResponseBytes } : {}),
        tls: {
          caFile: pki.ca.certFile,
          clientCertFile: client.certFile,
          clientKeyFile: client.keyFile,
          ...(over.pins ? { pins: over.pins } : {}),
        },
      },
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const bus = createEventBus(() => {});
  const events: EventEnvelope[] = [];
  bus.subscribe((e) => events.push(e));
  const alerts = createStaffAlerts({ bus, logger: pino({ level: 'silent' }), kioskId: 'HB-KIOSK-01' });
  const built = createGatewayFromConfig(parsed.value.backend as HttpBackend, { linkWatcher: alerts });
  if ('error' in built) throw new Error(built.error);
  const staffAlerts = () =>
    events.filter((e) => e.event === 'staff.alert').map((e) => e.payload as Record<string, unknown>);
  return { gateway: built.gateway as PoliceGateway, staffAlerts };
}

describe('the back-end link over mutual TLS', () => {
  it('does the calls of the contract with the kiosk certificate against the trusted back-end', async () => {
    const server = await sandboxOverTls(pki.server, pki.ca);
    expect(server.url).toMatch(/^https:\/\//);
    const { gateway, staffAlerts } = kiosk(server.url);
    expect(await gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: true, value: { holder: 'resident' } });
    expect(
      await gateway.submitApplication({
        idempotencyKey: 'tls-submit-1',
        serviceId: 'no-criminal-record',
        kioskId: 'HB-KIOSK-01',
        payload: {},
      }),
    ).toMatchObject({
      ok: true,
      value: { duplicate: false },
    });
    expect(staffAlerts()).toEqual([]);
  });

  it('a server signed by another CA gets no request: the call fails closed and staff are alerted, once', async () => {
    const server = await sandboxOverTls(pki.wrongServer, pki.ca);
    const { gateway, staffAlerts } = kiosk(server.url);
    expect(await gateway.lookupPerson(ID_NUMBER)).toEqual({ ok: false, error: { kind: 'unavailable' } });
    expect(await gateway.verifyFace({ idNumber: ID_NUMBER, probe: new Uint8Array([0xff, 0xd8, 0xff]) })).toMatchObject({
      ok: false,
    });
    expect(server.requests(GATEWAY_PATHS.lookupPerson) + server.requests(GATEWAY_PATHS.verifyFace)).toBe(0);
    expect(staffAlerts()).toEqual([
      expect.objectContaining({ kind: 'backendLinkRefused', deviceKind: 'backend', reason: 'serverUntrusted' }),
    ]);
    expect(JSON.stringify(staffAlerts())).not.toContain(ID_NUMBER);
  });

  it('a client certificate the back-end does not trust is refused: the call fails closed and staff are alerted', async () => {
    const server = await sandboxOverTls(pki.server, pki.ca);
    const { gateway, staffAlerts } = kiosk(server.url, { client: pki.wrongClient });
    expect(await gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(server.requests(GATEWAY_PATHS.lookupPerson)).toBe(0);
    // The server answers with a TLS alert and hangs up; whether the alert or the reset reaches the kiosk first is a race.
    expect(staffAlerts()).toEqual([
      expect.objectContaining({
        kind: 'backendLinkRefused',
        reason: expect.stringMatching(/^(clientCertRejected|handshakeFailed)$/),
      }),
    ]);
  });

  it('the back-end also refuses a kiosk that shows no certificate at all', async () => {
    const server = await sandboxOverTls(pki.server, pki.ca);
    const answer = await fetch(`${server.url}${GATEWAY_PATHS.health}`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(answer).toBe('refused');
  });

  it('a redirect is never followed: its target gets no request, and staff are alerted', async () => {
    const target = await tlsServer((_req, res) => res.end('{}'));
    const redirector = await tlsServer((_req, res) => {
      res.writeHead(307, { location: `${target.url}${GATEWAY_PATHS.verifyFace}` });
      res.end();
    });
    const { gateway, staffAlerts } = kiosk(redirector.url);
    const result = await gateway.verifyFace({ idNumber: ID_NUMBER, probe: new Uint8Array([0xff, 0xd8, 0xff]) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse', detail: expect.stringContaining('307') } });
    expect(redirector.hits()).toBe(1);
    expect(target.hits()).toBe(0);
    expect(staffAlerts()).toEqual([expect.objectContaining({ kind: 'backendLinkRefused', reason: 'redirect' })]);
  });

  it('an answer just over maxResponseBytes, sent without a length, is refused', async () => {
    const over = await tlsServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"name":"${' '.repeat(64 * 1024)}"}`);
    });
    const { gateway, staffAlerts } = kiosk(over.url, { maxResponseBytes: 64 * 1024 });
    expect(await gateway.lookupPerson(ID_NUMBER)).toMatchObject({
      ok: false,
      error: { kind: 'badResponse', detail: 'answer too large' },
    });
    expect(staffAlerts()).toEqual([
      expect.objectContaining({ kind: 'backendLinkRefused', reason: 'responseTooLarge' }),
    ]);
  });

  it('an answer that never ends is cut off at the limit, not waited for', async () => {
    const endless = await tlsServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.write('{"name":"');
      pump();
    });
    const { gateway, staffAlerts } = kiosk(endless.url, { maxResponseBytes: 64 * 1024 });
    expect(await gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    expect(staffAlerts()).toEqual([
      expect.objectContaining({ kind: 'backendLinkRefused', reason: 'responseTooLarge' }),
    ]);
  });

  it('a declared Content-Length beyond the limit is refused', async () => {
    const big = await tlsServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 });
      res.write('{');
    });
    const { gateway } = kiosk(big.url, { maxResponseBytes: 64 * 1024 });
    expect(await gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
  });

  it('with pins, a trusted server whose key is not pinned is refused; the pinned key is accepted', async () => {
    const server = await sandboxOverTls(pki.server, pki.ca);
    const wrongPin = kiosk(server.url, { pins: [pki.spkiPin(pki.wrongServer)] });
    expect(await wrongPin.gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(server.requests(GATEWAY_PATHS.lookupPerson)).toBe(0);
    expect(wrongPin.staffAlerts()).toEqual([
      expect.objectContaining({ kind: 'backendLinkRefused', reason: 'pinMismatch' }),
    ]);

    const pinned = kiosk(server.url, { pins: [pki.spkiPin(pki.wrongServer), pki.spkiPin(pki.server)] });
    expect(await pinned.gateway.lookupPerson(ID_NUMBER)).toMatchObject({ ok: true });
    expect(pinned.staffAlerts()).toEqual([]);
  });

  it("a pin may name the CA's key instead of the server's, so server certificates can be renewed under it", async () => {
    const server = await sandboxOverTls(pki.server, pki.ca);
    expect(await kiosk(server.url, { pins: [pki.spkiPin(pki.ca)] }).gateway.lookupPerson(ID_NUMBER)).toMatchObject({
      ok: true,
    });
    expect(await kiosk(server.url, { pins: [pki.spkiPin(pki.wrongCa)] }).gateway.lookupPerson(ID_NUMBER)).toMatchObject(
      { ok: false },
    );
  });
});

describe('back-end link settings', () => {
  const tls = () => ({
    caFile: pki.ca.certFile,
    clientCertFile: pki.client.certFile,
    clientKeyFile: pki.client.keyFile,
  });

  it('refuses a plain http:// back-end, naming the field', () => {
    const result = parseConfig(
      realKioskConfig({ backend: { kind: 'http', baseUrl: 'http://gateway.example.internal/onedoor', tls: tls() } }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toEqual([expect.stringMatching(/^backend\.baseUrl: .*https/)]);
  });

  it('requires the CA and the kiosk certificate for a real back-end', () => {
    const result = parseConfig(
      realKioskConfig({ backend: { kind: 'http', baseUrl: 'https://gateway.example.internal/onedoor' } }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems.join('\n')).toContain('backend.tls');
  });

  it('refuses a malformed pin, naming it', () => {
    const result = parseConfig(
      realKioskConfig({
        backend: { kind: 'http', baseUrl: 'https://gateway.example.internal', tls: { ...tls(), pins: ['sha256/abc'] } },
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems.join('\n')).toContain('backend.tls.pins[0]');
  });

  it('a certificate file that cannot be read stops the gateway with the field named', () => {
    const parsed = parseConfig(
      realKioskConfig({
        backend: { kind: 'http', baseUrl: 'https://127.0.0.1:1', tls: { ...tls(), caFile: `${pki.dir}/missing.crt` } },
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const built = createGatewayFromConfig(parsed.value.backend);
    expect(built).toEqual({ error: expect.stringContaining('backend.tls.caFile') });
  });
});
