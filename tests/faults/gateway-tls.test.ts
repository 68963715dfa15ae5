/**
 * The whole host with a configured HTTP back-end whose link it must refuse
 * (a server certificate from another CA): the citizen's identity lookup
 * fails as an unavailable back-end, the back-end gets nothing, and hall staff
 * get one alert (event and audit record) naming the failure, without personal data.
 */
import { passFaceCheck } from '../electron/host/integration/host-harness';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxGateway } from '../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../electron/host/gateway/wire-schemas';
import { makeTestPki, type TestPki } from '../helpers/test-pki';
import type { SessionInfo } from '../../electron/contract';
import { startFaultHost, untilView, type FaultHost } from './fault-host';

const HAN = '410402199001011230';
let pki: TestPki;
let server: SandboxServer;
let h: FaultHost | undefined;

beforeAll(async () => {
  pki = makeTestPki('F-01');
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  const sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0, tls: { cert: pki.wrongServer.cert, key: pki.wrongServer.key, clientCa: pki.ca.cert } });
});
afterAll(async () => {
  await server.close();
  pki.remove();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a back-end link the host must refuse', () => {
  it('the lookup fails as unavailable, nothing reaches the server, and staff get one alert naming the failure', async () => {
    h = await startFaultHost({
      backend: {
        kind: 'http',
        baseUrl: server.url,
        timeoutMs: 2000,
        tls: { caFile: pki.ca.certFile, clientCertFile: pki.client.certFile, clientKeyFile: pki.client.keyFile },
      },
    });
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
    await h.call('identity.typed', { sessionId, idNumber: HAN });
    await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
    // The 户籍 lookup, the first call over the link, comes once the face check passed.
    await untilView(h, sessionId, 'faceCheck');
    await passFaceCheck(h, sessionId);
    const failed = await untilView(h, sessionId, 'query', (v) => v.data.step === 'query' && v.data.state === 'failed');
    expect(failed).toMatchObject({ stepId: 'registration', messageKey: 'flow.query.unavailable', data: { failure: 'unavailable', retriesLeft: 2 }, accepts: expect.arrayContaining(['RETRY', 'CONFIRM']) });
    expect(server.requests(GATEWAY_PATHS.lookupPerson)).toBe(0);

    const alerts = h.events.filter((e) => e.event === 'staff.alert').map((e) => e.payload);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'backendLinkRefused', deviceKind: 'backend', reason: 'serverUntrusted', kioskId: 'F-01' })]);
    const audit = h.journal.db.prepare("SELECT detail FROM audit_events WHERE action = 'staff.alert'").all() as Array<{ detail: string }>;
    expect(audit.map((row) => JSON.parse(row.detail))).toEqual([expect.objectContaining({ kind: 'backendLinkRefused', reason: 'serverUntrusted' })]);
    expect(JSON.stringify({ alerts, audit })).not.toContain(HAN);
  });
});
