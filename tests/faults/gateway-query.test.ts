/**
 * The police back-end failing during the record query, through the whole
 * host with the real HTTP client against the sandbox server: HTTP 500, a slow
 * answer past the client's timeout, and garbage. The citizen is offered a
 * retry while attempts remain, then the counter; the journal records what
 * happened; the outbox delivers each submission once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpGateway } from '../../electron/host/gateway/http-gateway';
import { createPlainSandboxLink } from '../../electron/host/gateway/tls-link';
import { loadSandboxData } from '../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type InjectedFault, type SandboxServer } from '../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../electron/host/gateway/wire-schemas';
import { until } from '../electron/host/integration/host-harness';
import { startFaultHost, toQuery, untilView, type FaultHost } from './fault-host';

const HAN = '410402199001011230'; // resident-han: no record

let sandbox: SandboxGateway;
let server: SandboxServer;
let h: FaultHost | undefined;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0 });
});
afterAll(() => server.close());
afterEach(async () => {
  server.clearFaults();
  await h?.close();
  h = undefined;
});

/** A host whose gateway is the HTTP client (short timeout, one retry per call). */
async function hostOverHttp(): Promise<FaultHost> {
  const gateway = createHttpGateway({ baseUrl: server.url, link: createPlainSandboxLink(), timeoutMs: 250, retries: 1, backoff: { baseMs: 5, maxMs: 10 } });
  return startFaultHost({ gateway });
}

const queries = () => server.requests(GATEWAY_PATHS.queryCriminalRecord);
const outboxRows = (fh: FaultHost) => (fh.journal.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

/** Each idempotency key the back-end accepted was accepted once, however often it was sent. */
function acceptedOnce(): void {
  for (const [key, times] of Object.entries(sandbox.stats().accepted)) expect(times, key).toBe(1);
}

describe('gateway faults during the query step', () => {
  for (const [label, fault, failure] of [
    ['HTTP 500', { mode: 'status', status: 500, times: 2 }, 'unavailable'],
    ['a slow answer past the timeout', { mode: 'slow', ms: 600, times: 2 }, 'timeout'],
  ] as const satisfies ReadonlyArray<readonly [string, InjectedFault, string]>) {
    it(`${label}: the query fails truthfully, a retry is offered, and the retry after the back-end heals prints the certificate once`, async () => {
      h = await hostOverHttp();
      server.inject(GATEWAY_PATHS.queryCriminalRecord, fault);
      const before = queries();
      const sessionId = await toQuery(h, HAN);

      const failed = await untilView(h, sessionId, 'query', (v) => v.stepId === 'record' && v.data.step === 'query' && v.data.state === 'failed');
      expect(failed).toMatchObject({ messageKey: `flow.query.${failure}`, data: { failure, retriesLeft: 2 }, accepts: expect.arrayContaining(['RETRY', 'CONFIRM']) });
      expect(queries() - before).toBe(2); // the client's own attempt and its one retry

      await h.call('flow.send', { sessionId, event: { type: 'RETRY' } });
      await untilView(h, sessionId, 'review');
      await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
      // The host's first certificate renders cold (fonts, the back-end's seal): seconds on a busy machine.
      await untilView(h, sessionId, 'a4Print', (v) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing', 30_000);
      await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
      await untilView(h, sessionId, 'done');
      await h.call('session.end', { sessionId, reason: 'finished' });

      expect(h.printing.simulatorControls!.printed()).toHaveLength(1);
      expect(h.transactions()).toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'certificateIssued', end_reason: 'finished', print_outcome: 'completed' })]);
      const fh = h;
      await until(() => (outboxRows(fh) === 0 ? true : undefined), 'outbox drained');
      acceptedOnce();
    }, 45_000);
  }

  it('garbage every time: no retry left after three attempts, the counter is the way on, journaled as counter with nothing submitted', async () => {
    h = await hostOverHttp();
    server.inject(GATEWAY_PATHS.queryCriminalRecord, { mode: 'garbage', times: 100 });
    const acceptedBefore = Object.keys(sandbox.stats().accepted).length;
    const sessionId = await toQuery(h, HAN);

    for (const retriesLeft of [2, 1]) {
      const failed = await untilView(h, sessionId, 'query', (v) => v.stepId === 'record' && v.data.step === 'query' && v.data.state === 'failed' && v.data.retriesLeft === retriesLeft);
      expect(failed).toMatchObject({ messageKey: 'flow.query.badResponse', data: { failure: 'badResponse' } });
      await h.call('flow.send', { sessionId, event: { type: 'RETRY' } });
    }
    const last = await untilView(h, sessionId, 'query', (v) => v.stepId === 'record' && v.data.step === 'query' && v.data.state === 'failed' && v.data.retriesLeft === 0);
    expect(last.accepts).not.toContain('RETRY');
    expect(last.accepts).toContain('CONFIRM');
    expect(await h.raw('flow.send', { sessionId, event: { type: 'RETRY' } })).toMatchObject({ ok: false, error: { messageKey: 'flow.eventNotAccepted' } });

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    const counter = await untilView(h, sessionId, 'counter', (v) => v.data.step === 'counter' && v.data.ticket.state !== 'printing');
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'flow.counter.reason.queryFailed' });
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await untilView(h, sessionId, 'done');
    await h.call('session.end', { sessionId, reason: 'finished' });

    expect(h.printing.simulatorControls!.printed()).toHaveLength(0);
    expect(h.transactions()).toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'counter', print_outcome: null })]);
    expect(outboxRows(h)).toBe(0);
    expect(Object.keys(sandbox.stats().accepted).length).toBe(acceptedBefore);
  });
});
