/**
 * The hall's face comparison over the police gateway's HTTP interface,
 * against the real sandbox gateway server (`npm run sandbox-gateway`) on a
 * free loopback port, with its fault injection, and over mutual TLS with
 * certificates made in the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayFaceComparison } from '../../../hall/server/proxy/face/gateway-comparison';
import { createSandboxGateway } from '../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../../electron/host/gateway/wire-schemas';
import { makeTestPki, type TestPki } from '../../helpers/test-pki';

const HAN = '410402199001011230'; // the sandbox answers "match" without a face model
const NO_MATCH = '440305199306060016'; // typed only: the face does not match the data
const probe = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
let server: SandboxServer;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  server = await startSandboxServer({ gateway: createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } }), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
});

const comparison = (more: Partial<Parameters<typeof createGatewayFaceComparison>[0]> = {}) => createGatewayFaceComparison({ baseUrl: server.url, retryDelayMs: 10, ...more });

describe('the police gateway face comparison, as the hall calls it', () => {
  it("answers the gateway's match and non-match", async () => {
    expect(await comparison()({ idNumber: HAN, probe })).toEqual({ ok: true, value: { match: true, score: 0.93 } });
    const other = await comparison()({ idNumber: NO_MATCH, probe });
    expect(other.ok && other.value.match).toBe(false);
  });

  it('a person the gateway does not know is notFound', async () => {
    expect(await comparison()({ idNumber: '110101190001010000', probe })).toEqual({ ok: false, error: 'notFound' });
  });

  it('a gateway that fails once is asked again; one that keeps failing, or answers garbage, is unavailable', async () => {
    server.inject(GATEWAY_PATHS.verifyFace, { mode: 'status', status: 503, times: 1 });
    expect(await comparison()({ idNumber: HAN, probe })).toEqual({ ok: true, value: { match: true, score: 0.93 } });
    server.inject(GATEWAY_PATHS.verifyFace, { mode: 'status', status: 503, times: 5 });
    expect(await comparison()({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
    server.clearFaults();
    server.inject(GATEWAY_PATHS.verifyFace, { mode: 'garbage', times: 1 });
    expect(await comparison({ retries: 0 })({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
    server.clearFaults();
  });

  it('a gateway that does not answer in time is unavailable', async () => {
    server.inject(GATEWAY_PATHS.verifyFace, { mode: 'slow', ms: 1_500, times: 1 });
    expect(await comparison({ timeoutMs: 200, retries: 0 })({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
    server.clearFaults();
  });

  it('nobody listening is unavailable', async () => {
    const nobody = createGatewayFaceComparison({ baseUrl: 'http://127.0.0.1:9', retries: 0 });
    expect(await nobody({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
  });

  it('refuses plain http to anything but loopback, and https without the TLS settings', () => {
    expect(() => createGatewayFaceComparison({ baseUrl: 'http://gateway.example' })).toThrow(RangeError);
    expect(() => createGatewayFaceComparison({ baseUrl: 'https://gateway.example' })).toThrow(RangeError);
  });
});

describe('over mutual TLS', () => {
  let pki: TestPki;
  let tlsServer: SandboxServer;
  beforeAll(async () => {
    pki = makeTestPki();
    const loaded = loadSandboxData();
    if ('error' in loaded) throw new Error(loaded.error);
    tlsServer = await startSandboxServer({ gateway: createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } }), port: 0, tls: { cert: pki.server.cert, key: pki.server.key, clientCa: pki.ca.cert } });
  });
  afterAll(async () => {
    await tlsServer?.close();
    pki?.remove();
  });

  it('compares with the hall\'s client certificate against a gateway of the trusted CA', async () => {
    const compare = createGatewayFaceComparison({ baseUrl: tlsServer.url, tls: { ca: pki.ca.cert, cert: pki.client.cert, key: pki.client.key } });
    expect(await compare({ idNumber: HAN, probe })).toEqual({ ok: true, value: { match: true, score: 0.93 } });
  });

  it('a gateway of another CA, or a client certificate the gateway does not trust, is unavailable', async () => {
    const otherCa = createGatewayFaceComparison({ baseUrl: tlsServer.url, retries: 0, tls: { ca: pki.wrongCa.cert, cert: pki.client.cert, key: pki.client.key } });
    expect(await otherCa({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
    const untrustedClient = createGatewayFaceComparison({ baseUrl: tlsServer.url, retries: 0, tls: { ca: pki.ca.cert, cert: pki.wrongClient.cert, key: pki.wrongClient.key } });
    expect(await untrustedClient({ idNumber: HAN, probe })).toEqual({ ok: false, error: 'unavailable' });
  });
});
