import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import type { BackendOperation } from '../../../../electron/host/gateway/operation';
import { gatewayFailure, gatewayOk, type PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';

// A service's own back-end operations, declared in its folder: the gateway carries them without knowing them.

/** 户籍地 city of a person, as a service might ask for it. */
const residenceCity: BackendOperation<{ idNumber: string }, { city: string; asOf: string }> = {
  name: 'residence-city',
  request: z.object({ idNumber: z.string().regex(/^[0-9Xx]{18}$/) }).strict(),
  response: z.object({ city: z.string().min(1), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  sandbox: ({ idNumber }, world) => {
    const citizen = world.citizen(idNumber);
    if (!citizen?.registeredResidence) return gatewayFailure({ kind: 'notFound' });
    return gatewayOk({ city: citizen.registeredResidence.city, asOf: world.today() });
  },
};

/** A sandbox whose answer breaks its own contract (the number where a city should be). */
const brokenAnswer: BackendOperation<{ idNumber: string }, { city: string }> = {
  name: 'broken-answer',
  request: z.object({ idNumber: z.string() }).strict(),
  response: z.object({ city: z.string().min(1) }),
  sandbox: () => gatewayOk({ city: 42 } as unknown as { city: string }),
};

const crashing: BackendOperation<Record<string, never>, { ok: true }> = {
  name: 'crashing',
  request: z.object({}).strict(),
  response: z.object({ ok: z.literal(true) }),
  sandbox: () => {
    throw new Error('the sandbox fell over');
  },
};

/** Declared by a service, but not served by the back-end it talks to. */
const notServed: BackendOperation<{ x: number }, { y: number }> = {
  name: 'not-served',
  request: z.object({ x: z.number() }),
  response: z.object({ y: z.number() }),
  sandbox: ({ x }) => gatewayOk({ y: x }),
};

function sandbox() {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 }, now: () => new Date('2026-03-02T10:00:00+08:00') });
}

/** The same expectations hold for the embedded sandbox and for the HTTP client against the served one. */
function commonBehaviour(gateway: () => PoliceGateway) {
  it('answers a valid request with the sandbox answer', async () => {
    expect(await gateway().call(residenceCity, { idNumber: '410402199001011230' })).toEqual({ ok: true, value: { city: '平顶山市', asOf: '2026-03-02' } });
  });

  it('passes the sandbox notFound on as a value', async () => {
    // A foreigner has no 户籍.
    expect(await gateway().call(residenceCity, { idNumber: '941124198804120029' })).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('an answer that breaks the operation’s schema is badResponse, as from a real back-end', async () => {
    expect(await gateway().call(brokenAnswer, { idNumber: '410402199001011230' })).toMatchObject({ ok: false, error: { kind: 'badResponse', detail: expect.stringContaining('city') } });
  });

  it('a request that breaks the operation’s schema is refused (badResponse), never answered', async () => {
    expect(await gateway().call(residenceCity, { idNumber: 'not-a-number' })).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
  });
}

describe('back-end operations in the embedded sandbox', () => {
  const g = sandbox();
  commonBehaviour(() => g);

  it('a sandbox that throws is an unavailable back-end, not a throw', async () => {
    expect(await g.call(crashing, {})).toEqual({ ok: false, error: { kind: 'unavailable', status: 500 } });
  });

  it('the answer travels through JSON, as it would over HTTP', async () => {
    const dated: BackendOperation<Record<string, never>, { at: string }> = {
      name: 'dated',
      request: z.object({}),
      response: z.object({ at: z.string() }),
      sandbox: (_request, world) => gatewayOk({ at: world.now() as unknown as string }),
    };
    expect(await g.call(dated, {})).toEqual({ ok: true, value: { at: '2026-03-02T02:00:00.000Z' } });
  });

  it('an operation reads the sandbox’s people but cannot change them', async () => {
    const meddling: BackendOperation<Record<string, never>, { name: string }> = {
      name: 'meddling',
      request: z.object({}),
      response: z.object({ name: z.string() }),
      sandbox: (_request, world) => {
        const citizen = world.citizen('410402199001011230')!;
        citizen.name = '别人';
        return gatewayOk({ name: citizen.name });
      },
    };
    await g.call(meddling, {});
    expect(await g.lookupPerson('410402199001011230')).toMatchObject({ ok: true, value: { name: '陈思远' } });
  });

  it('only the sandbox’s own people are people (no inherited names)', async () => {
    const who: BackendOperation<{ idNumber: string }, { known: boolean }> = {
      name: 'who',
      request: z.object({ idNumber: z.string() }),
      response: z.object({ known: z.boolean() }),
      sandbox: ({ idNumber }, world) => gatewayOk({ known: world.citizen(idNumber) !== undefined }),
    };
    expect(await g.call(who, { idNumber: 'constructor' })).toEqual({ ok: true, value: { known: false } });
    expect(await g.call(who, { idNumber: '__proto__' })).toEqual({ ok: true, value: { known: false } });
    expect(await g.call(who, { idNumber: '32010219920308005x' })).toEqual({ ok: true, value: { known: true } });
  });
});

describe('back-end operations over HTTP (client against the sandbox server)', () => {
  let server: SandboxServer;
  const link = createPlainSandboxLink();
  const client = () => createHttpGateway({ baseUrl: server.url, link, timeoutMs: 500, retries: 1, backoff: { baseMs: 5, maxMs: 5 } });

  beforeAll(async () => {
    server = await startSandboxServer({ gateway: sandbox(), port: 0, operations: [residenceCity, brokenAnswer, crashing] as BackendOperation<unknown, unknown>[] });
  });
  afterAll(() => server.close());

  commonBehaviour(client);

  it('POSTs to /v1/ops/<name>', async () => {
    const before = server.requests('/v1/ops/residence-city');
    await client().call(residenceCity, { idNumber: '410402199001011230' });
    expect(server.requests('/v1/ops/residence-city') - before).toBe(1);
  });

  it('an operation the server does not serve is notFound', async () => {
    expect(await client().call(notServed, { x: 1 })).toEqual({ ok: false, error: { kind: 'notFound' } });
    const response = await fetch(`${server.url}/v1/ops/not-served`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'notFound' });
  });

  it('5xx after the retries is unavailable; a crashing sandbox answers 5xx', async () => {
    server.inject('/v1/ops/residence-city', { mode: 'status', status: 503, times: 2 });
    expect(await client().call(residenceCity, { idNumber: '410402199001011230' })).toEqual({ ok: false, error: { kind: 'unavailable', status: 503 } });
    expect(await client().call(crashing, {})).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('the server refuses an invalid body with 400', async () => {
    const response = await fetch(`${server.url}/v1/ops/residence-city`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"idNumber":1}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalidRequest' });
  });

  it('a name that is no path segment is never sent', async () => {
    const sneaky = { ...residenceCity, name: '../persons/lookup' };
    const before = server.requests('/v1/persons/lookup');
    expect(await client().call(sneaky, { idNumber: '410402199001011230' })).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    expect(server.requests('/v1/persons/lookup')).toBe(before);
  });

  it('a server given two different operations of one name does not start', async () => {
    const impostor = { ...residenceCity };
    await expect(startSandboxServer({ gateway: sandbox(), port: 0, operations: [residenceCity, impostor] as BackendOperation<unknown, unknown>[] })).rejects.toThrow(/twice/);
  });

  it('serves once an operation several services list (a shared back-end call)', async () => {
    const shared = await startSandboxServer({ gateway: sandbox(), port: 0, operations: [residenceCity, residenceCity] as BackendOperation<unknown, unknown>[] });
    try {
      const answer = await fetch(`${shared.url}/v1/ops/${residenceCity.name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber: '410402199001011230' }) });
      expect(answer.status).toBe(200);
    } finally {
      await shared.close();
    }
  });
});
