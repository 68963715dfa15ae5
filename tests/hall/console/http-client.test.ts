import { describe, expect, it } from 'vitest';
import { createHttpApi } from '../../../hall/console/api/http-client';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a list and records what was asked (unit test: the real server is H2's). */
function fakeFetch(answers: (Response | Error)[]): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {} });
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const LOGIN = { officer: { username: 'wang', displayName: '王警官', role: 'supervisor' }, csrfToken: 'tok-123' };
const CALL = { callId: 'h-1', kioskId: 'K-01', reason: 'button', serviceId: null, step: null, queuedAt: '2026-05-01T08:00:00.000Z', state: 'claimed', claimedBy: 'wang', claimedAt: '2026-05-01T08:01:00.000Z', etaMinutes: 5, resolvedAt: null };

describe('console HTTP client', () => {
  it('sends the CSRF token from login on every POST and DELETE, same-origin, and the claim body', async () => {
    const { fetch, sent } = fakeFetch([json(200, LOGIN), json(200, CALL), json(200, {}), json(200, [])]);
    const api = createHttpApi({ fetch });
    expect(await api.login({ username: 'wang', password: 'pw' })).toEqual({ ok: true, value: LOGIN });
    const claimed = await api.claimHelpCall('h-1', 5);
    expect(claimed.ok && claimed.value.etaMinutes).toBe(5);
    await api.removeStaff('J0421');
    await api.kiosks();

    expect(sent.map((request) => `${request.init.method} ${request.url}`)).toEqual(['POST /api/login', 'POST /api/help-calls/h-1/claim', 'DELETE /api/staff/J0421', 'GET /api/kiosks']);
    expect(sent.every((request) => request.init.credentials === 'same-origin')).toBe(true);
    const headers = sent.map((request) => (request.init.headers as Record<string, string>)['x-csrf-token']);
    expect(headers).toEqual([undefined, 'tok-123', 'tok-123', undefined]);
    expect(JSON.parse(String(sent[1]!.init.body))).toEqual({ etaMinutes: 5 });
  });

  it('answers the server error as a value, with the lockout time', async () => {
    const until = '2026-05-01T08:15:00.000Z';
    const { fetch } = fakeFetch([json(401, { error: 'badCredentials' }), json(423, { error: 'lockedOut', until }), json(409, { error: 'kioskOffline' })]);
    const api = createHttpApi({ fetch });
    expect(await api.login({ username: 'wang', password: 'x' })).toEqual({ ok: false, error: { error: 'badCredentials' } });
    expect(await api.login({ username: 'wang', password: 'x' })).toEqual({ ok: false, error: { error: 'lockedOut', until } });
    expect(await api.sendCommand('K-01', { type: 'endSession' })).toEqual({ ok: false, error: { error: 'kioskOffline' } });
  });

  it('turns a dead network, an answer breaking the contract and an HTML error page into values', async () => {
    const { fetch } = fakeFetch([new TypeError('fetch failed'), json(200, [{ kioskId: 'K-01' }]), new Response('<html>502</html>', { status: 502 }), json(418, { error: 'teapot' })]);
    const api = createHttpApi({ fetch });
    expect(await api.kiosks()).toEqual({ ok: false, error: { error: 'network' } });
    expect(await api.kiosks()).toEqual({ ok: false, error: { error: 'badAnswer' } });
    expect(await api.kiosks()).toEqual({ ok: false, error: { error: 'internal' } });
    expect(await api.kiosks()).toEqual({ ok: false, error: { error: 'badAnswer' } });
  });

  it('builds the statistics and CSV addresses from the same query, and escapes path parts', async () => {
    const { fetch, sent } = fakeFetch([json(200, {})]);
    const api = createHttpApi({ fetch });
    const query = { from: '2026-01-01', to: '2026-06-30', groupBy: 'service' as const, serviceId: 'id-card-renewal', kioskId: 'K 01' };
    expect(api.statsCsvUrl(query)).toBe('/api/stats.csv?from=2026-01-01&to=2026-06-30&groupBy=service&serviceId=id-card-renewal&kioskId=K+01');
    await api.resolveAlert('a/1');
    expect(sent[0]!.url).toBe('/api/alerts/a%2F1/resolve');
  });
});
