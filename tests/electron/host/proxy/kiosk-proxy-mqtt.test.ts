/**
 * The kiosk's MQTT proxy side against a real Mosquitto: a whole host
 * (simulated devices) on the hall link and a fake hall client on the proxy
 * topics. The agent's flow reaches the call; the hall receives the open (the
 * principal's number is the one full number sent, by design) and answers
 * `opened`; the kiosk shows the invite, relays signalling both ways for its
 * case only, and the session ending cancels the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { startLocalMosquitto, type LocalMosquitto } from '../../../../scripts/lib/local-mosquitto';
import type { EventEnvelope, FlowView, SessionInfo } from '../../../../electron/contract';
import { ProxyUp, proxyTopic, type ProxyCaseView, type ProxyDown } from '../../../../electron/contract/proxy';
import { startHarness, until, untilStep } from '../integration/host-harness';

const KIOSK = 'K-PROXY';
const PRINCIPAL = '32010219920308005X';
const CASE = 'case-mqtt-0001';

let broker: LocalMosquitto;
let hall: MqttClient;
const ups: ProxyUp[] = [];

beforeAll(async () => {
  broker = await startLocalMosquitto();
  hall = await mqtt.connectAsync(broker.url, { clientId: `fake-hall-${process.pid}` });
  await hall.subscribeAsync(proxyTopic.up(KIOSK), { qos: 1 });
  hall.on('message', (_topic, payload) => {
    // The hall validates what a kiosk sends, as the real one does.
    ups.push(ProxyUp.parse(JSON.parse(payload.toString())));
  });
});
afterAll(async () => {
  await hall?.endAsync();
  await broker?.stop();
});

const toKiosk = (message: ProxyDown) => hall.publishAsync(proxyTopic.down(KIOSK), JSON.stringify(message), { qos: 1 });

function caseView(state: ProxyCaseView['state']): ProxyCaseView {
  return {
    caseId: CASE,
    kioskId: KIOSK,
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
    createdAt: new Date().toISOString(),
    linkExpiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
}

describe('the kiosk’s proxy side on the hall link', () => {
  it('opens a case with the hall, shows the invite, relays signalling for its case, and cancels it when the session ends', async () => {
    const h = await startHarness({ kioskId: KIOSK, hall: { url: broker.url, username: KIOSK, password: 'test-password', keepaliveSeconds: 10, statusIntervalSeconds: 2 } });
    try {
      await until(() => (h.host.hallLink.state() === 'online' ? true : undefined), 'online');
      await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' });
      const started = await until(() => h.events.find((e) => e.event === 'session.started'), 'session.started');
      const { sessionId } = (started.payload as { session: SessionInfo }).session;
      const send = (event: unknown) => h.call<FlowView>('flow.send', { sessionId, event });

      await h.call('flow.start', { sessionId, serviceId: 'video-proxy' });
      await send({ type: 'CONFIRM' });
      await send({ type: 'CONSENT', granted: true });
      await send({ type: 'CHOOSE', value: 'no-criminal-record' });
      await send({ type: 'SUBMIT_FORM', values: { idNumber: PRINCIPAL, mobile: '13800138000' } });

      const open = await until(() => ups.find((up) => up.type === 'open'), 'open at the hall');
      if (open.type !== 'open') throw new Error('not an open');
      expect(open).toMatchObject({ serviceId: 'no-criminal-record', agent: { idNumberMasked: '4104**********1230' }, principal: { idNumber: PRINCIPAL } });
      // The agent's own number never leaves the kiosk in full.
      expect(JSON.stringify(open)).not.toContain('410402199001011230');

      await toKiosk({ type: 'opened', requestId: open.requestId, caseId: CASE, inviteUrl: 'https://hall.example/p/one-time', sms: 'sent', iceServers: [], case: caseView('invited') });
      const waiting = await untilStep(h, sessionId, 'proxyCall', (view) => view.data.step === 'proxyCall' && view.data.phase === 'waitingForPrincipal');
      expect(waiting.data.step === 'proxyCall' && waiting.data.invite?.url).toBe('https://hall.example/p/one-time');

      // Signalling: the renderer's for its case goes up; another case's is refused.
      expect(await h.call('proxy.signal', { sessionId, caseId: CASE, to: 'phone', body: { kind: 'hello' } })).toEqual({ sent: true });
      const refused = await h.raw('proxy.signal', { sessionId, caseId: 'another-case-1', to: 'phone', body: { kind: 'hello' } });
      expect(refused.ok).toBe(false);
      await until(() => ups.find((up) => up.type === 'signal'), 'signal at the hall');
      expect(ups.filter((up) => up.type === 'signal')).toEqual([{ type: 'signal', caseId: CASE, to: 'phone', body: { kind: 'hello' } }]);
      // And the hall's for it comes down as an event.
      await toKiosk({ type: 'signal', caseId: CASE, from: 'console', body: { kind: 'hello' } });
      const relayed = await until(() => h.events.find((e: EventEnvelope) => e.event === 'proxy.signal'), 'proxy.signal event');
      expect(relayed.payload).toEqual({ sessionId, caseId: CASE, from: 'console', body: { kind: 'hello' } });

      await h.call('session.end', { sessionId, reason: 'timeout' });
      const cancel = await until(() => ups.find((up) => up.type === 'cancel'), 'cancel at the hall');
      expect(cancel).toEqual({ type: 'cancel', caseId: CASE, reason: 'kioskSessionEnded' });
    } finally {
      await h.close();
    }
  });

  it('after the officer approves, runs the chosen service for the principal in the same session, past identify, consent and the face check', async () => {
    const h = await startHarness({ kioskId: KIOSK, hall: { url: broker.url, username: KIOSK, password: 'test-password', keepaliveSeconds: 10, statusIntervalSeconds: 2 } });
    const from = ups.length;
    const CASE2 = 'case-mqtt-0002';
    const view2 = (state: ProxyCaseView['state'], over: Partial<ProxyCaseView> = {}): ProxyCaseView => ({ ...caseView(state), caseId: CASE2, ...over });
    try {
      await until(() => (h.host.hallLink.state() === 'online' ? true : undefined), 'online');
      await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' });
      const started = await until(() => h.events.find((e) => e.event === 'session.started'), 'session.started');
      const { sessionId } = (started.payload as { session: SessionInfo }).session;
      const send = (event: unknown) => h.call<FlowView>('flow.send', { sessionId, event });
      await h.call('flow.start', { sessionId, serviceId: 'video-proxy' });
      await send({ type: 'CONFIRM' });
      await send({ type: 'CONSENT', granted: true });
      await send({ type: 'CHOOSE', value: 'no-criminal-record' });
      await send({ type: 'SUBMIT_FORM', values: { idNumber: PRINCIPAL, mobile: '13800138000' } });
      const open = await until(() => ups.slice(from).find((up) => up.type === 'open'), 'open at the hall');
      if (open.type !== 'open') throw new Error('not an open');
      await toKiosk({ type: 'opened', requestId: open.requestId, caseId: CASE2, inviteUrl: 'https://hall.example/p/two', sms: 'sent', iceServers: [], case: view2('invited') });
      const recording = { sha256: 'd'.repeat(64), bytes: 2000, durationSeconds: 25, storedAt: new Date().toISOString(), keepUntil: new Date(Date.now() + 86_400_000).toISOString() };
      await toKiosk({ type: 'case', case: view2('recorded', { recording, principalSigned: true }) });
      await untilStep(h, sessionId, 'proxyCall', (view) => view.data.step === 'proxyCall' && view.data.phase === 'signing');
      await send({ type: 'SIGN', signature: { aspect: 2, strokes: [[{ x: 0.1, y: 0.5, t: 0 }, { x: 0.5, y: 0.2, t: 100 }, { x: 0.9, y: 0.8, t: 200 }], [{ x: 0.1, y: 0.9, t: 300 }, { x: 0.9, y: 0.1, t: 400 }]] } });
      const signed = await until(() => ups.slice(from).find((up) => up.type === 'agentSigned'), 'agentSigned at the hall');
      expect(signed).toMatchObject({ caseId: CASE2 });
      await toKiosk({ type: 'case', case: view2('approved', { recording, principalSigned: true, agentSigned: true, decision: { approved: true, reason: null, at: new Date().toISOString() } }) });
      const principalRun = await until(async () => {
        const { view } = await h.call<{ view: FlowView | null }>('flow.current', { sessionId });
        return view?.serviceId === 'no-criminal-record' && view.step !== 'query' ? view : undefined;
      }, 'the principal’s run');
      expect(['identify', 'consent', 'faceCheck']).not.toContain(principalRun.step);
      // The journal follows the run by proxy: who for whom (masked), the case and the recording's digest.
      const audited = h.host.journal.db.prepare("SELECT subject, detail FROM audit_events WHERE action = 'proxy.mandateRun'").all() as Array<{ subject: string; detail: string }>;
      expect(audited).toHaveLength(1);
      expect(audited[0]!.subject).toBe('no-criminal-record');
      expect(JSON.parse(audited[0]!.detail)).toMatchObject({ caseId: CASE2, recordingSha256: 'd'.repeat(64), agent: '4104**********1230' });
      expect(audited[0]!.detail).not.toContain(PRINCIPAL);
      await h.call('session.end', { sessionId, reason: 'cancelled' });
      // The run ended with the session: no cancel for an approved case.
      expect(ups.slice(from).filter((up) => up.type === 'cancel')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
