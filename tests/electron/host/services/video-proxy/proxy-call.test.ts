/**
 * 可视化代办 at the kiosk with a fake hall: the agent's flow (card, consent,
 * the service, the principal) opens a case over the kiosk's proxy side,
 * follows the hall's updates, signs, and on approval the chosen service
 * starts for the principal with identify, consent and the face check passed
 * by the mandate. Refused, unavailable, BACK, the session ending and the
 * signalling relay as the agent (and the hall) would notice them.
 */
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FlowView } from '../../../../../electron/contract';
import { ProxyUp, type ProxyCaseView, type ProxyDown } from '../../../../../electron/contract/proxy';
import { createEventBus } from '../../../../../electron/host/events';
import { createFlowRuntime } from '../../../../../electron/host/flows/flow-handlers';
import { flowOf } from '../../../../../electron/host/flows/session-flow';
import { createKioskProxy, proxySignalHandlers, type ProxyChannel } from '../../../../../electron/host/proxy';
import { serviceFlow } from '../../../../../electron/host/services/service-flow';
import { NcrSettings } from '../../../../../electron/host/services/no-criminal-record/definition';
import noCriminalRecord from '../../../../../electron/host/services/no-criminal-record';
import videoProxy from '../../../../../electron/host/services/video-proxy';
import { SERVICE_CATALOGUE } from '../../../../../electron/host/services/catalogue';
import { COUNTER_SERVICES } from '../../../../../electron/host/services/counter-services';
import { card, testKit, typed } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const AGENT = '410402199001011230'; // 陈思远, the agent at the kiosk
const PRINCIPAL = '32010219920308005X'; // 周明轩, the principal on the phone
const MOBILE = '13800138000';
const CASE = 'case-0001-abcd';
const SHA = 'a'.repeat(64);

function fakeChannel() {
  const sent: ProxyUp[] = [];
  let online = true;
  const channel: ProxyChannel = {
    online: () => online,
    publish: (message) => {
      if (!online) return false;
      sent.push(ProxyUp.parse(message));
      return true;
    },
  };
  return { channel, sent, setOnline: (value: boolean) => (online = value) };
}

function caseView(state: ProxyCaseView['state'], over: Partial<ProxyCaseView> = {}): ProxyCaseView {
  return {
    caseId: CASE,
    kioskId: 'K-TEST',
    serviceId: 'no-criminal-record',
    serviceName: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' },
    state,
    agent: { nameMasked: '陈**', idNumberMasked: '4104**********1230' },
    principal: { nameMasked: null, idNumberMasked: '3201**********005X' },
    officer: null,
    principalSigned: false,
    agentSigned: false,
    recording: null,
    decision: null,
    endReason: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    linkExpiresAt: '2026-12-01T02:10:00.000Z',
    ...over,
  };
}

const RECORDING = { sha256: 'b'.repeat(64), bytes: 1000, durationSeconds: 30, storedAt: '2026-12-01T02:05:00.000Z', keepUntil: '2027-12-01T02:05:00.000Z' };

function setup() {
  const vp = testKit('video-proxy', videoProxy.catalogue.name, 'proxy', { audience: videoProxy.catalogue.audience });
  const ncr = testKit('no-criminal-record', noCriminalRecord.catalogue.name, 'certificates', { audience: noCriminalRecord.catalogue.audience });
  const logger = pino({ level: 'silent' });
  const bus = createEventBus(() => undefined);
  const events: Array<{ event: string; payload: unknown }> = [];
  bus.subscribe((envelope) => events.push({ event: envelope.event, payload: envelope.payload }));
  const sessions = vp.sessions;
  const sessionId = vp.sessionId;
  const hall = fakeChannel();
  const proxy = createKioskProxy({
    kioskId: 'K-TEST',
    sessions,
    bus,
    logger,
    services: () => [noCriminalRecord, videoProxy].filter((module) => module.catalogue.proxy).map((module) => ({ id: module.id, name: module.catalogue.name })),
  });
  proxy.attach(hall.channel);
  const completed: Array<{ caseId: string; outcome: string }> = [];
  const runtime = createFlowRuntime({
    sessions,
    bus,
    logger,
    services: [serviceFlow(videoProxy, { ...vp.kit, proxy }), serviceFlow(noCriminalRecord, { ...ncr.kit, settings: NcrSettings.parse({}) })],
    onMandateRunEnded: (_sessionId, mandate, outcome) => completed.push({ caseId: mandate.caseId, outcome }),
  });
  const handlers = runtime.handlers;
  const send = async (event: Parameters<(typeof handlers)['flow.send']>[0]['event']): Promise<FlowView> => {
    const result = await handlers['flow.send']({ sessionId, event });
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const current = (): FlowView => {
    const session = sessions.get(sessionId);
    const flow = session && flowOf(session);
    if (!flow) throw new Error('no flow');
    return flow.view();
  };
  const down = (message: ProxyDown) => proxy.receive(JSON.stringify(message));
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  /** The agent's card, consent, the service and the principal: the call step, its open sent to the hall. */
  const toCall = async () => {
    sessions.offerIdentity(sessionId, card(AGENT));
    const started = await handlers['flow.start']({ sessionId, serviceId: 'video-proxy' });
    if (!started.ok) throw new Error('not started');
    expect(started.value.step).toBe('identify');
    expect((await send({ type: 'CONFIRM' })).step).toBe('consent');
    const choice = await send({ type: 'CONSENT', granted: true });
    expect(choice.data.step === 'choice' && choice.data.options.map((option) => option.value)).toEqual(['no-criminal-record']);
    expect((await send({ type: 'CHOOSE', value: 'no-criminal-record' })).step).toBe('form');
    const call = await send({ type: 'SUBMIT_FORM', values: { idNumber: PRINCIPAL, mobile: MOBILE } });
    expect(call.step).toBe('proxyCall');
    return call;
  };
  const openRequest = () => {
    const open = hall.sent.find((message) => message.type === 'open');
    if (open?.type !== 'open') throw new Error('no open');
    return open;
  };
  const opened = () =>
    down({ type: 'opened', requestId: openRequest().requestId, caseId: CASE, inviteUrl: 'https://hall.example/p/one-time-token', sms: 'sent', iceServers: [{ urls: ['stun:hall.example:3478'] }], case: caseView('invited') });

  /** As the host ends a session (idle included): the store wipes it, then `session.ended` on the bus. */
  const endSession = (reason: 'timeout' | 'cancelled') => {
    sessions.end(sessionId, reason);
    bus.emit('session.ended', { sessionId, reason });
  };

  return { endSession, sessions, sessionId, hall, proxy, runtime, handlers, send, current, down, tick, toCall, openRequest, opened, events, completed };
}

const phase = (view: FlowView) => (view.data.step === 'proxyCall' ? view.data.phase : null);

describe('可视化代办 at the kiosk', () => {
  it('is a kiosk flow in the catalogue, no longer a counter-only line', () => {
    expect(COUNTER_SERVICES.map((service) => service.id)).not.toContain('video-proxy');
    expect(SERVICE_CATALOGUE.find((service) => service.id === 'video-proxy')).toMatchObject({ kioskFlow: true, category: 'proxy', name: { 'zh-CN': '可视化代办' } });
  });

  it('refuses a typed number for the agent, saying so, and refuses the agent’s own number as the principal’s', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, typed(AGENT));
    await t.handlers['flow.start']({ sessionId: t.sessionId, serviceId: 'video-proxy' });
    const refused = await t.send({ type: 'CONFIRM' });
    expect(refused.data.step === 'identify' && refused.data.problem).toBe('cardRequired');
    expect(refused.messageKey).toBe('svc.video-proxy.identify.cardRequired');

    const u = setup();
    u.sessions.offerIdentity(u.sessionId, card(AGENT));
    await u.handlers['flow.start']({ sessionId: u.sessionId, serviceId: 'video-proxy' });
    await u.send({ type: 'CONFIRM' });
    await u.send({ type: 'CONSENT', granted: true });
    await u.send({ type: 'CHOOSE', value: 'no-criminal-record' });
    const own = await u.send({ type: 'SUBMIT_FORM', values: { idNumber: AGENT, mobile: MOBILE } });
    expect(own.data.step === 'form' && own.data.errors).toEqual({ idNumber: 'svc.video-proxy.principal.ownNumber' });
    expect(u.hall.sent).toEqual([]);
  });

  it('declining the recording sends the agent to the counter', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, card(AGENT));
    await t.handlers['flow.start']({ sessionId: t.sessionId, serviceId: 'video-proxy' });
    await t.send({ type: 'CONFIRM' });
    const counter = await t.send({ type: 'CONSENT', granted: false });
    expect(counter.data.step === 'counter' && counter.data.reasonKey).toBe('svc.video-proxy.counter.declined');
  });

  it('opens a case, follows the hall to approval, signs, and runs the chosen service for the principal under the mandate', async () => {
    const t = setup();
    const opening = await t.toCall();
    expect(phase(opening)).toBe('opening');
    const open = t.openRequest();
    expect(open).toMatchObject({ serviceId: 'no-criminal-record', agent: { idNumberMasked: '4104**********1230', nameMasked: '陈**' }, principal: { idNumber: PRINCIPAL, mobile: MOBILE } });

    t.opened();
    const waiting = t.current();
    expect(phase(waiting)).toBe('waitingForPrincipal');
    expect(waiting.data.step === 'proxyCall' && waiting.data.invite?.url).toBe('https://hall.example/p/one-time-token');

    t.down({ type: 'case', case: caseView('principalJoined') });
    expect(phase(t.current())).toBe('principalChecking');
    // The link is spent once the principal opened it: no QR code any more.
    expect(t.current().data.step === 'proxyCall' && (t.current().data as { invite: unknown }).invite).toBeNull();
    t.down({ type: 'case', case: caseView('inCall') });
    expect(phase(t.current())).toBe('inCall');
    t.down({ type: 'case', case: caseView('recording') });
    t.down({ type: 'case', case: caseView('recorded', { recording: RECORDING }) });
    expect(phase(t.current())).toBe('signing');
    expect(t.current().accepts).toContain('SIGN');

    await t.send({ type: 'SIGN', signature: writtenName() });
    const signed = t.hall.sent.find((message) => message.type === 'agentSigned');
    expect(signed).toMatchObject({ type: 'agentSigned', caseId: CASE });

    t.down({ type: 'case', case: caseView('recorded', { recording: RECORDING, agentSigned: true, principalSigned: true }) });
    expect(phase(t.current())).toBe('awaitingDecision');
    // An update for another case changes nothing.
    t.down({ type: 'case', case: caseView('refused', { caseId: 'another-case-01' }) });
    expect(phase(t.current())).toBe('awaitingDecision');

    t.down({ type: 'case', case: caseView('approved', { recording: RECORDING, agentSigned: true, principalSigned: true, decision: { approved: true, reason: null, at: '2026-12-01T02:06:00.000Z' } }) });
    await t.tick();
    const session = t.sessions.get(t.sessionId)!;
    const run = flowOf(session)!;
    expect(run.serviceId).toBe('no-criminal-record');
    const first = await waitFor(() => {
      const view = run.view();
      return view.step === 'query' ? undefined : view;
    });
    // Identify, consent and the face check were passed by the mandate: the principal's own service goes on past them.
    expect(['identify', 'consent', 'faceCheck']).not.toContain(first.step);
    expect(first.stepId).toBe('purpose');
    // The session's own identity stays the agent's card.
    expect(session.identity?.idNumber).toBe(AGENT);
    expect(session.identityFixed).toBe(true);
    expect(t.events.some((e) => e.event === 'flow.changed' && (e.payload as { view: FlowView }).view.serviceId === 'no-criminal-record')).toBe(true);
  });

  it('the host refuses a run by proxy for a service that does not allow it', async () => {
    const t = setup();
    t.sessions.offerIdentity(t.sessionId, card(AGENT));
    t.sessions.fixIdentity(t.sessionId);
    const refused = t.runtime.controls.startWithMandate(t.sessionId, {
      serviceId: 'video-proxy',
      identity: card(PRINCIPAL),
      mandate: { caseId: CASE, agent: { nameMasked: '陈**', idNumberMasked: '4104**********1230' }, principalIdNumberMasked: '3201**********005X', recordingSha256: SHA, approvedAt: '2026-12-01T02:06:00.000Z' },
    });
    expect(refused).toEqual({ ok: false, error: 'notProxyAllowed' });
  });

  it('a refused case ends with why, and nothing is done', async () => {
    const t = setup();
    await t.toCall();
    t.opened();
    t.down({ type: 'case', case: caseView('refused', { decision: { approved: false, reason: '委托人不同意', at: '2026-12-01T02:06:00.000Z' }, endReason: 'refusedByOfficer' }) });
    const ended = t.current();
    expect(phase(ended)).toBe('ended');
    expect(ended.data.step === 'proxyCall' && ended.data.endReason).toBe('refusedByOfficer');
    const done = await t.send({ type: 'CONFIRM' });
    expect(done.data.step === 'done' && done.data.outcome).toBe('proxyEnded');
    expect(flowOf(t.sessions.get(t.sessionId)!)?.serviceId).toBe('video-proxy');
  });

  it('an expired link and a dropped call end with their reasons', async () => {
    for (const [state, reason] of [
      ['expired', 'linkExpired'],
      ['dropped', 'principalLeft'],
    ] as const) {
      const t = setup();
      await t.toCall();
      t.opened();
      t.down({ type: 'case', case: caseView(state, { endReason: state === 'dropped' ? reason : null }) });
      expect(t.current().data.step === 'proxyCall' && t.current().data).toMatchObject({ phase: 'ended', endReason: reason });
    }
  });

  it('holds the host\'s idle backstop while the agent waits on the principal or the officer, not while the agent is to sign or after the end', async () => {
    const t = setup();
    const holds: boolean[] = [];
    const hold = t.sessions.holdIdle.bind(t.sessions);
    t.sessions.holdIdle = (sessionId, held) => {
      holds.push(held);
      return hold(sessionId, held);
    };
    await t.toCall();
    t.opened();
    expect(holds.at(-1)).toBe(true); // waiting for the principal to open the link
    for (const state of ['principalJoined', 'principalVerified', 'inCall', 'recording'] as const) {
      t.down({ type: 'case', case: caseView(state) });
      expect(holds.at(-1), state).toBe(true);
    }
    t.down({ type: 'case', case: caseView('recorded', { recording: RECORDING }) });
    expect(phase(t.current())).toBe('signing');
    expect(holds.at(-1)).toBe(false); // the agent acts: the countdown and the backstop run
    t.down({ type: 'case', case: caseView('expired') });
    expect(holds.at(-1)).toBe(false);
  });

  it('says at once that the hall is unavailable when the link is down, and RETRY opens again', async () => {
    const t = setup();
    t.hall.setOnline(false);
    await t.toCall();
    await t.tick();
    const refused = t.current();
    expect(refused.data.step === 'proxyCall' && refused.data).toMatchObject({ phase: 'openRefused', openRefusedReason: 'unavailable' });
    expect(refused.accepts).toEqual(expect.arrayContaining(['RETRY', 'BACK']));
    t.hall.setOnline(true);
    expect(phase(await t.send({ type: 'RETRY' }))).toBe('opening');
    t.opened();
    expect(phase(t.current())).toBe('waitingForPrincipal');
  });

  it('the hall link going down mid-call sends the agent to the counter', async () => {
    const t = setup();
    await t.toCall();
    t.opened();
    t.proxy.linkChanged(false);
    const counter = t.current();
    expect(counter.data.step === 'counter' && counter.data.reasonKey).toBe('svc.video-proxy.counter.hallLost');
  });

  it('BACK cancels the case with the hall', async () => {
    const t = setup();
    await t.toCall();
    t.opened();
    const back = await t.send({ type: 'BACK' });
    expect(back.step).toBe('form');
    expect(t.hall.sent.filter((message) => message.type === 'cancel')).toEqual([{ type: 'cancel', caseId: CASE, reason: 'agentCancelled' }]);
    expect(t.proxy.caseOf(t.sessionId)).toBeNull();
  });

  it('a case opened for no request of this kiosk (a late or replayed answer) is cancelled, so its link dies', () => {
    const t = setup();
    t.down({ type: 'opened', requestId: 'request-nobody-made', caseId: 'case-stray-0001', inviteUrl: 'https://hall.example/p/stray', sms: 'sent', iceServers: [], case: { ...caseView('invited'), caseId: 'case-stray-0001' } });
    expect(t.hall.sent).toEqual([{ type: 'cancel', caseId: 'case-stray-0001', reason: 'agentCancelled' }]);
    expect(t.proxy.caseOf(t.sessionId)).toBeNull();
  });

  it('the session ending cancels the live case and wipes everything of the call', async () => {
    const t = setup();
    await t.toCall();
    t.opened();
    t.down({ type: 'case', case: caseView('inCall') });
    expect(t.proxy.caseOf(t.sessionId)?.state).toBe('inCall');
    const { sessionId } = t;
    t.endSession('timeout');
    expect(t.hall.sent.filter((message) => message.type === 'cancel')).toEqual([{ type: 'cancel', caseId: CASE, reason: 'kioskSessionEnded' }]);
    expect(t.proxy.caseOf(sessionId)).toBeNull();
    // A late signal for the case reaches nobody.
    const before = t.events.length;
    t.down({ type: 'signal', caseId: CASE, from: 'phone', body: { kind: 'hello' } });
    expect(t.events.length).toBe(before);
  });

  it('relays signalling only for the session’s live case', async () => {
    const t = setup();
    await t.toCall();
    t.opened();
    const handler = proxySignalHandlers(t.proxy)['proxy.signal'];
    const other = await handler({ sessionId: t.sessionId, caseId: 'another-case-01', to: 'phone', body: { kind: 'hello' } });
    expect(other.ok).toBe(false);
    const sent = await handler({ sessionId: t.sessionId, caseId: CASE, to: 'console', body: { kind: 'hello' } });
    expect(sent).toEqual({ ok: true, value: { sent: true } });
    expect(t.hall.sent.filter((message) => message.type === 'signal')).toEqual([{ type: 'signal', caseId: CASE, to: 'console', body: { kind: 'hello' } }]);

    t.down({ type: 'signal', caseId: 'another-case-01', from: 'phone', body: { kind: 'bye' } });
    t.down({ type: 'signal', caseId: CASE, from: 'phone', body: { kind: 'hello' } });
    expect(t.events.filter((e) => e.event === 'proxy.signal').map((e) => e.payload)).toEqual([{ sessionId: t.sessionId, caseId: CASE, from: 'phone', body: { kind: 'hello' } }]);

    t.down({ type: 'case', case: caseView('dropped', { endReason: 'officerLeft' }) });
    const late = await handler({ sessionId: t.sessionId, caseId: CASE, to: 'phone', body: { kind: 'hello' } });
    expect(late.ok).toBe(false);
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
