/**
 * A 付款码 the kiosk's scanner reads reaches the session's flow only while a
 * payment step waits (flows.controls.paymentCodeScanned, wired to the
 * scanner's `scanned` in create-host), and pays the step's order.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import { startFlowInstance } from '../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../electron/host/flows/flow-service';
import { buildFlow, paymentStep, type FlowKit, type StepDefinition } from '../../../../electron/host/flows/library';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { createPaymentDesk } from '../../../../electron/host/payment/payment-desk';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../electron/host/session/identity';

const step = (id: string, last = false): StepDefinition => ({
  id,
  kind: 'review',
  labelKey: `svc.pay-test.${id}`,
  build: (wiring) => ({ on: { CONFIRM: last ? wiring.leave({ to: 'done', outcome: 'submitted' }) : wiring.leave({ to: 'next' }) } }),
  view: () => ({ data: { step: 'review', titleKey: `svc.pay-test.${id}`, rows: [], noteKeys: [] } }),
});

function setup() {
  const logger = pino({ level: 'silent' });
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const kit = { serviceId: 'pay-test', payment: createPaymentDesk({ port: configured.port, orderTimeoutSeconds: 60, pollMs: 20, logger }), now: () => new Date() } as unknown as FlowKit;
  const fee = { items: [{ code: 'fee', name: { 'zh-CN': '工本费', en: 'Fee' }, amountFen: 2000, basis: '依据' }], exemptions: [] };
  const built = buildFlow({ steps: [step('start'), paymentStep({ id: 'pay', labelKey: 'flow.steps.payment', fee }), step('submit', true)] }, kit);
  const service: FlowService = {
    id: 'pay-test',
    start: (input) =>
      startFlowInstance({ serviceId: 'pay-test', flowId: input.flowId, machine: built.machine, input: { sessionId: input.sessionId, flowId: input.flowId, identity: input.identity }, path: built.path, view: (s) => built.view(s as never) }),
  };
  const sessions = createSessionStore();
  const runtime = createFlowRuntime({ sessions, bus: createEventBus(() => undefined), logger, services: [service] });
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped('410402199001011230') ?? null });
  if (!started.ok) throw new Error('no session');
  const { sessionId } = started.value;
  const view = async () => {
    const reply = await runtime.handlers['flow.current']({ sessionId });
    if (!reply.ok || !reply.value.view) throw new Error('no flow');
    return reply.value.view;
  };
  return { runtime, sessionId, view };
}

describe('payment code from the scanner to the flow', () => {
  it('is not taken while no payment step waits; while one waits it pays the order and the step passes', async () => {
    const { runtime, sessionId, view } = setup();
    await runtime.handlers['flow.start']({ sessionId, serviceId: 'pay-test' });
    expect(runtime.controls.paymentCodeScanned(sessionId, '138800000000000000')).toBe(false);
    await runtime.handlers['flow.send']({ sessionId, event: { type: 'CONFIRM' } });
    await expect.poll(async () => { const v = await view(); return v.data.step === 'payment' && v.data.state; }).toBe('waiting');
    expect(runtime.controls.paymentCodeScanned(sessionId, '138800000000000000\r\n')).toBe(true);
    await expect.poll(async () => (await view()).stepId).toBe('submit');
    runtime.controls.dispose();
  });
});
