/**
 * The signature step behind the host's real boundary: SIGN arrives through
 * the dispatcher (the contract's bounds refuse hostile strokes before any
 * handler runs, and the reply never echoes them), passes the step, and the
 * strokes live only in the session's flow: gone when the session ends.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../../../electron/contract';
import { createDispatcher, type CallHandlers } from '../../../../../electron/host/api/dispatch';
import { createEventBus } from '../../../../../electron/host/events';
import { createFlowRuntime } from '../../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../../electron/host/flows/flow-service';
import { buildFlow, identifyStep, reviewStep, signatureOf, signatureStep, type FlowContext, type FlowKit } from '../../../../../electron/host/flows/library';
import { flowOf } from '../../../../../electron/host/flows/session-flow';
import { identityFromTyped } from '../../../../../electron/host/session/identity';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { line, writtenName } from './signatures';

const kit = { serviceId: 'sign-test', audience: ['resident'], maxFaceAttempts: 3, now: () => new Date('2026-12-01T02:00:00Z') } as unknown as FlowKit;
let seen: FlowContext | null = null;
const plan = {
  steps: [
    identifyStep(),
    signatureStep({ id: 'sign', labelKey: 'flow.steps.signature', titleKey: 'svc.sign-test.title', documentKey: 'svc.sign-test.application' }),
    reviewStep({
      labelKey: 'flow.steps.review',
      titleKey: 'svc.sign-test.review',
      backTo: false,
      rows: (context) => {
        seen = context;
        return [{ labelKey: 'svc.sign-test.signed', text: signatureOf(context, 'sign') ? 'yes' : 'no' }];
      },
    }),
    {
      id: 'submit',
      kind: 'review' as const,
      labelKey: 'flow.steps.done',
      build: (wiring: { leave: (route: { to: 'done'; outcome: string }) => object }) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'submitted' }) } }),
      view: () => ({ data: { step: 'review' as const, titleKey: 'svc.sign-test.submit', rows: [], noteKeys: [] } }),
    },
  ],
};

function setup() {
  const built = buildFlow(plan, kit);
  const service: FlowService = {
    id: 'sign-test',
    start: (input) =>
      startFlowInstance({
        serviceId: 'sign-test',
        flowId: input.flowId,
        machine: built.machine,
        input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity },
        path: built.path,
        view: (snapshot) => built.view(snapshot as never),
      }),
  };
  const sessions = createSessionStore();
  const bus = createEventBus(() => undefined);
  const runtime = createFlowRuntime({ sessions, bus, logger: pino({ level: 'silent' }), services: [service] });
  const dispatcher = createDispatcher(runtime.handlers as unknown as CallHandlers, (method, error) => {
    throw new Error(`${method}: ${String(error)}`);
  });
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped('410402199001011230') ?? null });
  if (!started.ok) throw new Error('no session');
  const sessionId = started.value.sessionId;
  let n = 0;
  const call = (method: string, params: unknown) => dispatcher.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `r${++n}`, method, params });
  return { sessions, bus, runtime, sessionId, call };
}

describe('signature step through the host boundary', () => {
  it('hostile strokes are refused by the contract, without echoing them; a signature passes; the session’s end takes the strokes with it', async () => {
    const t = setup();
    await t.call('flow.start', { sessionId: t.sessionId, serviceId: 'sign-test' });
    expect(await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'CONFIRM' } })).toMatchObject({ ok: true, result: { step: 'signature', accepts: ['SIGN'] } });

    const outside = { aspect: 3, strokes: [line(0.2, 0.3, 0.9, 1.2345678)] };
    const huge = { aspect: 3, strokes: Array.from({ length: 65 }, (_, i) => line(0.1, 0.1, 0.9, 0.9, 2, i * 100)) };
    for (const signature of [outside, huge, { aspect: Number.MAX_VALUE, strokes: writtenName().strokes }, { ...writtenName(), image: 'data:image/png;base64,AAAA' }]) {
      const refused = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'SIGN', signature } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
      // Paths and messages only (ARCHITECTURE: never echo input values).
      expect(JSON.stringify(refused)).not.toMatch(/1\.2345678|data:image|1\.79769/);
    }

    const signed = await t.call('flow.send', { sessionId: t.sessionId, event: { type: 'SIGN', signature: writtenName() } });
    expect(signed).toMatchObject({ ok: true, result: { step: 'review', data: { rows: [{ text: 'yes' }] } } });
    expect(JSON.stringify(signed)).not.toContain('strokes');
    expect(signatureOf(seen!, 'sign')).toMatchObject({ signedAt: '2026-12-01T02:00:00.000Z', signature: writtenName() });

    const open = t.sessions.get(t.sessionId)!;
    const flow = flowOf(open);
    t.sessions.end(t.sessionId, 'finished');
    t.bus.emit('session.ended', { sessionId: t.sessionId, reason: 'finished' });
    expect(open.data.size).toBe(0);
    expect(flow?.send({ type: 'CONFIRM' })).toBe(false);
    expect(await t.call('flow.current', { sessionId: t.sessionId })).toMatchObject({ ok: false, error: { code: 'noSession' } });
    t.runtime.controls.dispose();
  });
});
