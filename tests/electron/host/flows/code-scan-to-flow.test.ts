/**
 * A code the kiosk's scanner reads reaches the session's flow while a form
 * that takes scans is current (flows.controls.codeScanned, wired to the
 * scanner's `scanned` in create-host); and the session's identity is fixed
 * when the flow confirms identify, not merely when it leaves a first step
 * (出入境办理进度查询 starts with a choice and skips identify by receipt).
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/host/events';
import { createFlowRuntime } from '../../../../electron/host/flows/flow-handlers';
import exitEntryProgress from '../../../../electron/host/services/exit-entry-progress';
import { serviceFlow } from '../../../../electron/host/services/service-flow';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { card, testKit } from '../services/flow-kit';

function setup() {
  const { kit } = testKit(exitEntryProgress.id, exitEntryProgress.catalogue.name, exitEntryProgress.catalogue.category, { audience: exitEntryProgress.catalogue.audience });
  const sessions = createSessionStore();
  const runtime = createFlowRuntime({ sessions, bus: createEventBus(() => undefined), logger: pino({ level: 'silent' }), services: [serviceFlow(exitEntryProgress, kit)] });
  // A card on the reader from the attract screen.
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: card('410402199001011230') });
  if (!started.ok) throw new Error('no session');
  const { sessionId } = started.value;
  const view = async () => {
    const reply = await runtime.handlers['flow.current']({ sessionId });
    if (!reply.ok || !reply.value.view) throw new Error('no flow');
    return reply.value.view;
  };
  const send = (event: Parameters<(typeof runtime.handlers)['flow.send']>[0]['event']) => runtime.handlers['flow.send']({ sessionId, event });
  return { runtime, sessions, sessionId, view, send };
}

describe('scanned codes and a later identify, through the host\'s flow runtime', () => {
  it('by receipt: a scan is taken only by the form that asks for it, and the card on the reader is never fixed', async () => {
    const { runtime, sessions, sessionId, view, send } = setup();
    await runtime.handlers['flow.start']({ sessionId, serviceId: 'exit-entry-progress' });
    expect(runtime.controls.codeScanned(sessionId, '41040210000000018301')).toBe(false);
    await send({ type: 'CHOOSE', value: 'receipt' });
    expect((await view()).stepId).toBe('receipt');
    expect(runtime.controls.codeScanned(sessionId, '41040210000000018301\r')).toBe(true);
    expect((await view()).stepId).toBe('holderCheck');
    expect(runtime.controls.codeScanned(sessionId, '41040210000000018301')).toBe(false);
    expect(sessions.get(sessionId)!.identityFixed).toBe(false);
    runtime.controls.dispose();
  });

  it('by ID card: the identity is fixed when identify is confirmed', async () => {
    const { runtime, sessions, sessionId, view, send } = setup();
    await runtime.handlers['flow.start']({ sessionId, serviceId: 'exit-entry-progress' });
    await send({ type: 'CHOOSE', value: 'idCard' });
    expect((await view()).data).toMatchObject({ step: 'identify', identity: { idNumberMasked: '4104**********1230' } });
    expect(sessions.get(sessionId)!.identityFixed).toBe(false);
    await send({ type: 'CONFIRM' });
    expect((await view()).stepId).toBe('consent');
    expect(sessions.get(sessionId)!.identityFixed).toBe(true);
    runtime.controls.dispose();
  });
});
