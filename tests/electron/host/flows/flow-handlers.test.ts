import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { PROTOCOL_VERSION, type EventEnvelope } from '../../../../electron/contract';
import { createDispatcher, type CallHandlers } from '../../../../electron/host/api/dispatch';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import { deliverFaceResult, flowOf } from '../../../../electron/host/flows/session-flow';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { createNoCriminalRecordService } from '../../../../electron/host/services/no-criminal-record/service';
import { fakeCertificatePrinter, fakeTicketPrinter, recordingQueue, sandbox } from '../services/no-criminal-record/fixtures';

function setup(available = true) {
  const logger = pino({ level: 'silent' });
  const bus = createEventBus(() => undefined);
  const events: EventEnvelope[] = [];
  bus.subscribe((e) => events.push(e));
  const sessions = createSessionStore();
  const service = createNoCriminalRecordService({
    gateway: sandbox(),
    certificatePrinter: fakeCertificatePrinter(),
    ticketPrinter: fakeTicketPrinter(),
    applications: recordingQueue(),
    kioskId: 'HB-KIOSK-01',
    windows: { certificates: '2号窗口', exitEntry: '3号窗口' },
    maxFaceAttempts: 3,
  });
  const runtime = createFlowRuntime({
    sessions,
    bus,
    logger,
    services: [service],
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
  return { sessions, bus, events, runtime, call, sessionId: started.session.sessionId };
}

describe('flow handlers', () => {
  it('flow.start, flow.send and flow.current validate and answer with a FlowView', async () => {
    const t = setup();
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    open.identity = identityFromTyped('410402199001011230') ?? null;
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
    open.identity = identityFromTyped('410402199001011230') ?? null;
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
    const refused = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'PURPOSE', purpose: 'other' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalidParams', messageKey: 'flow.eventNotAccepted', details: { step: 'faceCheck' } } });
    // The host's face module can.
    expect(deliverFaceResult(open, { outcome: 'match', similarity: 0.9, attemptsLeft: 2 })).toBe(true);
    expect(flowOf(open)?.view().step).toBe('choosePurpose');
  });

  it('the runtime controls deliver a face verdict by session id', async () => {
    const t = setup();
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    open.identity = identityFromTyped('410402199001011230') ?? null;
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    expect(t.runtime.controls.faceResult(t.sessionId, { outcome: 'match', similarity: 0.9, attemptsLeft: 2 })).toBe(false);
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONSENT', granted: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(t.runtime.controls.faceResult(t.sessionId, { outcome: 'noMatch', similarity: 0.2, attemptsLeft: 1, helpOffered: false })).toBe(true);
    expect(flowOf(open)?.view()).toMatchObject({ step: 'faceCheck', data: { lastOutcome: 'noMatch' } });
  });

  it('syncs an identity typed after the flow started', async () => {
    const t = setup();
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'no-criminal-record' });
    const blocked = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } });
    expect(blocked).toMatchObject({ ok: true, result: { step: 'identify', data: { problem: 'missing' } } });
    const open = t.sessions.get(t.sessionId);
    if (!open) throw new Error('no session');
    open.identity = identityFromTyped('410402199001011230') ?? null;
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
});
