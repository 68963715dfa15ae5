/**
 * A refusal for good of an application: the sandbox refuses the citizen its
 * data marks, as 422 with a reason code on the wire; the HTTP client reads
 * it as `rejected` (not retried, not a bad answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';

let server: SandboxServer;
const submission = (key: string, idNumber: string) => ({ idempotencyKey: key, serviceId: 'capability-demo', kioskId: 'HB-KIOSK-01', payload: { idNumber } });

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  server = await startSandboxServer({ gateway: createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } }), port: 0 });
});
afterAll(() => server.close());

describe('an application refused for good', () => {
  it('is 422 with the reason on the wire and `rejected` to the client, tried once', async () => {
    const response = await fetch(`${server.url}${GATEWAY_PATHS.submitApplication}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'reject-wire-0001' },
      body: JSON.stringify({ serviceId: 'capability-demo', kioskId: 'K', payload: { idNumber: '410403198808080060' } }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'rejected', reason: 'notEligible' });
    const attempts: unknown[] = [];
    const client = createHttpGateway({ baseUrl: server.url, link: createPlainSandboxLink(), retries: 2, backoff: { baseMs: 5, maxMs: 10 }, onAttemptFailed: (a) => attempts.push(a) });
    expect(await client.submitApplication(submission('reject-http-0001', '410403198808080060'))).toEqual({ ok: false, error: { kind: 'rejected', reason: 'notEligible' } });
    expect(attempts).toEqual([]);
    expect(await client.submitApplication(submission('accept-http-0001', '410402199001011230'))).toMatchObject({ ok: true, value: { duplicate: false } });
  });
});
