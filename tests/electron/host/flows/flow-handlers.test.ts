import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { PROTOCOL_VERSION, type EventEnvelope } from '../../../../electron/contract';
import { createDispatcher, type CallHandlers } from '../../../../electron/host/api/dispatch';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import { flowOf } from '../../../../electron/host/flows/session-flow';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import type { FlowView } from '../../../../electron/contract';
import { kioskFlows, sandbox } from './kiosk-flow-fakes';

const HAN = '410402199001011230';
const MA = '410403195806150041';

function typed(idNumber: string) {
  const identity = identityFromTyped(idNumber);
  if (!identity) throw new Error(`not a valid number: ${idNumber}`);
  return identity;
}

function setup(available = true, gateway: PoliceGateway = sandbox()) {
  const logger = pino({ level: 'silent' });
  const bus = createEventBus(() => undefined);
  const events: EventEnvelope[] = [];
  bus.subscribe((e) => events.push(e));
  const sessions = createSessionStore();
  const runtime = createFlowRuntime({
    sessions,
    bus,
    logger,
    services: kioskFlows({ gateway }).services,
    availability: () => (available ? { available: true } : { available: false, reasonKey: 'service.deviceDown.a4Printer' }),
  });
  const dispatcher = createDispatcher(runtime.handlers as unknown as CallHandlers, (method, error) => {
    throw new Error(`${method}: ${String(error)}`);
  });
  let n = 0;
  const call = async (method: string, params: unknown) => {
    const reply = await dispatcher.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `r${++n}`, method, params });
    return reply;
  };
  const started = sessions.start({ language: 'zh-CN', elderMode: false });
  if (!started.ok) throw new Error('no session');
  return { sessions, bus, events, runtime, call, sessionId: started.value.sessionId };
}

describe('flow handlers', () => {
  it('flow.start, flow.send and flow.current validate and answer with a FlowView', async () => {
    const t = setup();
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    const started = await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    expect(started).toMatchObject({ ok: true, result: { step: 'identify', data: { identity: { source: 'typed', idNumberMasked: '4104**********1230' } } } });
    expect(JSON.stringify(started)).not.toContain('410402199001011230');
    const sent = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    expect(sent).toMatchObject({ ok: true, result: { step: 'consent' } });
    const current = await t.call('flow.current', { sessionId: t.sessionId });
    expect(current).toMatchObject({ ok: true, result: { view: { step: 'consent' } } });
    expect(t.events.some((e) => e.event === 'flow.changed' && (e.payload as { view: { step: string } }).view.step === 'consent')).toBe(true);
  });

  it('the renderer cannot claim a passed face check: FACE_RESULT is not a contract event', async () => {
    const t = setup();
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONSENT', granted: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(flowOf(open)?.view().step).toBe('faceCheck');
    for (const event of [
      { type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 },
      { type: 'FACE_RESULT', outcome: 'passed' },
      { type: 'IDENTITY', identity: null },
      { type: 'CONFIRM', face: 'passed' },
    ]) {
      const reply = await t.call('flow.send', { sessionId: t.sessionId, event });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    }
    expect(flowOf(open)?.view().step).toBe('faceCheck');
    // A contract event the face check does not take: choosing a purpose before the face was checked.
    const refused = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CHOOSE', value: 'other' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalidParams', messageKey: 'flow.eventNotAccepted', details: { step: 'faceCheck' } } });
    // The host's face module can (for the identity the flow fixed); the 户籍 lookup follows, then the purpose.
    expect(t.runtime.controls.faceResult(t.sessionId, { outcome: 'match', similarity: 0.9, attemptsLeft: 2 }, open.identity)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(flowOf(open)?.view()).toMatchObject({ stepId: 'purpose', step: 'choice' });
  });

  it('the runtime controls deliver a face verdict by session id', async () => {
    const t = setup();
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    expect(t.runtime.controls.faceResult(t.sessionId, { outcome: 'match', similarity: 0.9, attemptsLeft: 2 }, open.identity)).toBe(false);
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONSENT', granted: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(t.runtime.controls.faceResult(t.sessionId, { outcome: 'noMatch', attemptsLeft: 1, helpOffered: false }, open.identity)).toBe(true);
    expect(flowOf(open)?.view()).toMatchObject({ step: 'faceCheck', data: { lastOutcome: 'noMatch' } });
  });

  it('syncs an identity typed after the flow started', async () => {
    const t = setup();
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    const blocked = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    expect(blocked).toMatchObject({ ok: true, result: { step: 'identify', data: { problem: 'missing' } } });
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    const sent = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    expect(sent).toMatchObject({ ok: true, result: { step: 'consent' } });
  });

  it('errors: no session, unknown service, unavailable service, no flow', async () => {
    const t = setup();
    expect(await t.call('flow.start', { sessionId: 'nope', serviceId: 'no-criminal-record' })).toMatchObject({ ok: false, error: { code: 'noSession' } });
    expect(await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'passport' })).toMatchObject({ ok: false, error: { messageKey: 'flow.unknownService' } });
    expect(await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } })).toMatchObject({ ok: false, error: { messageKey: 'flow.notStarted' } });
    expect(await t.call('flow.current', { sessionId: t.sessionId })).toMatchObject({ ok: true, result: { view: null } });
    const down = setup(false);
    expect(await down.call('flow.start', { sessionId: down.sessionId, serviceId: 'no-criminal-record' })).toMatchObject({
      ok: false,
      error: { code: 'deviceUnavailable', messageKey: 'service.deviceDown.a4Printer' },
    });
  });

  it('the flow dies with the session', async () => {
    const t = setup();
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    const open = t.sessions.get(t.sessionId);
    const flow = open && flowOf(open);
    t.sessions.end(t.sessionId, 'cancelled');
    t.bus.emit('session.ended', { sessionId: t.sessionId, reason: 'cancelled' });
    expect(open?.data.size).toBe(0);
    expect(flow?.send({ type: 'CONFIRM' })).toBe(false);
    expect(await t.call('flow.current', { sessionId: t.sessionId })).toMatchObject({ ok: false, error: { code: 'noSession' } });
    t.runtime.controls.dispose();
  });

  it('the identity is fixed when the flow leaves identify: the same number changes nothing, another is a conflict', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, typed(MA));
    // At identify the citizen may still change their mind.
    expect(t.sessions.offerIdentity(t.sessionId, typed(HAN))).toEqual({ kind: 'set' });
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    expect(t.sessions.get(t.sessionId)?.identityFixed).toBe(false);
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    const open = t.sessions.get(t.sessionId)!;
    expect(open.identityFixed).toBe(true);
    const fixed = open.identity;
    expect(t.sessions.offerIdentity(t.sessionId, typed(HAN))).toEqual({ kind: 'same' });
    expect(t.sessions.offerIdentity(t.sessionId, typed(MA))).toEqual({ kind: 'conflict' });
    expect(open.identity).toBe(fixed);
    expect(open.identity?.idNumber).toBe(HAN);
  });

  it('a face verdict moves the flow only for the fixed identity the check began on', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    const open = t.sessions.get(t.sessionId)!;
    // A check begun at identify, before anything was fixed…
    const before = open.identityFixed ? open.identity : null;
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONSENT', granted: true } });
    const match = { outcome: 'match', similarity: 0.9, attemptsLeft: 2 } as const;
    // …does not count, nor does a check of another identity.
    expect(t.runtime.controls.faceResult(t.sessionId, match, before)).toBe(false);
    expect(t.runtime.controls.faceResult(t.sessionId, match, typed(MA))).toBe(false);
    expect(flowOf(open)?.view().step).toBe('faceCheck');
    expect(t.runtime.controls.faceResult(t.sessionId, match, open.identity)).toBe(true);
  });

  it('identityChanged ends a running flow with nothing revealed, and a finished one keeps its outcome', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    expect(t.runtime.controls.identityChanged(t.sessionId)).toBe(true);
    const last = t.events.filter((e) => e.event === 'flow.changed').at(-1)?.payload as { view: FlowView };
    expect(last.view.data).toEqual({ step: 'done', outcome: 'identityChanged', outcomeKey: 'flow.outcome.identityChanged' });
    expect(t.runtime.controls.identityChanged(t.sessionId)).toBe(false);
    expect(t.runtime.controls.identityChanged('no-such-session')).toBe(false);
  });

  it('zero latency: a reply computed before a step that finished at once is older than that step’s event, and says so', async () => {
    // A back-end that answers at once (the sandbox's documented test latency, and then some).
    const base = sandbox();
    const instant: PoliceGateway = {
      ...base,
      lookupPerson: (id) => Promise.resolve(base.lookupPerson(id)),
      queryCriminalRecord: (request) => Promise.resolve(base.queryCriminalRecord(request)),
    };
    const t = setup(true, instant);
    t.sessions.offerIdentity(t.sessionId, typed(HAN));
    // What reaches the renderer, in the order it may arrive: events as emitted, each reply when its call settles.
    const arrivals: Array<{ via: 'event' | 'reply'; view: FlowView }> = [];
    t.bus.subscribe((e) => {
      if (e.event === 'flow.changed') arrivals.push({ via: 'event', view: (e.payload as { view: FlowView }).view });
    });
    const send = async (event: unknown) => {
      const reply = await t.call('flow.send', { sessionId: t.sessionId, event });
      if (!reply.ok) throw new Error(JSON.stringify(reply));
      return reply.result as FlowView;
    };
    const started = await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    if (!started.ok) throw new Error(JSON.stringify(started));
    arrivals.push({ via: 'reply', view: started.result as FlowView });
    for (const event of [{ type: 'CONFIRM' }, { type: 'CONSENT', granted: true }]) arrivals.push({ via: 'reply', view: await send(event) });
    const open = t.sessions.get(t.sessionId)!;
    t.runtime.controls.faceResult(t.sessionId, { outcome: 'match', similarity: 0.9, attemptsLeft: 2 }, open.identity);
    await new Promise((r) => setTimeout(r, 10));
    expect(flowOf(open)!.view().stepId).toBe('purpose');
    const purposeReply = await send({ type: 'CHOOSE', value: 'employment' });
    await new Promise((r) => setTimeout(r, 10));
    // The record query finished without waiting: the host is at review, but the reply still says query.
    const current = flowOf(open)!.view();
    expect(current.step).toBe('review');
    expect(purposeReply).toMatchObject({ stepId: 'record', step: 'query' });
    const reviewEvent = arrivals.find((a) => a.via === 'event' && a.view.step === 'review')!;
    expect(purposeReply.flowId).toBe(reviewEvent.view.flowId);
    expect(purposeReply.seq).toBeLessThan(reviewEvent.view.seq);
    // The reply arriving last (as it did over the socket) cannot roll the renderer back: it keeps the highest number.
    arrivals.push({ via: 'reply', view: purposeReply });
    const kept = arrivals.reduce<FlowView | null>((shown, { view }) => (shown && shown.flowId === view.flowId && shown.seq > view.seq ? shown : view), null);
    expect(kept).toEqual(current);
    // And the events alone are in order.
    const seqs = arrivals.filter((a) => a.via === 'event').map((a) => a.view.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
