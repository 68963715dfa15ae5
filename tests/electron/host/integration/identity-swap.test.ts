/**
 * One identity per flow, through the whole host in process: the identity is
 * fixed when the flow leaves identify, and a card placed or a number typed
 * after that ends the flow and the session (journaled as `identityChanged`)
 * before anything about either person is queried or shown. The back-end's
 * face comparison here matches only the attacker's own reference photo, as
 * the real one would for the attacker's face in front of the camera.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, FlowView, IssuedFaceChallenge, SessionInfo } from '../../../../electron/contract';
import { frameOf } from '../face/face-harness';
import { startHarness, until, untilStep, untilStepId, type HostHarness, type VerifyFace } from './host-harness';

const ATTACKER = { card: 'resident-han', idNumber: '410402199001011230' };
const VICTIM = { card: 'resident-long-term', idNumber: '410403195806150041', masked: '4104**********0041' };

let h: HostHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The camera shows the attacker: only the attacker's reference photo matches. */
const attackersFace: VerifyFace = async ({ idNumber }) => ({ ok: true, value: { match: idNumber === ATTACKER.idNumber, score: idNumber === ATTACKER.idNumber ? 0.93 : 0.2 } });

const views = (harness: HostHarness, sessionId: string): FlowView[] =>
  harness.events.filter((e) => e.event === 'flow.changed' && (e.payload as { sessionId: string }).sessionId === sessionId).map((e) => (e.payload as { view: FlowView }).view);
const ended = (harness: HostHarness, sessionId: string): EventEnvelope | undefined =>
  harness.events.find((e) => e.event === 'session.ended' && (e.payload as { sessionId: string }).sessionId === sessionId);
const transactions = (harness: HostHarness) => harness.journal.db.prepare('SELECT * FROM transactions WHERE ended_at IS NOT NULL').all() as Array<Record<string, unknown>>;

/** The face check as the renderer does it: consent, the challenge, the frame the host asks for, verify; stops at the first refusal. */
async function tryFace(harness: HostHarness, sessionId: string) {
  const consent = await harness.raw('consent.record', { sessionId, kind: 'biometric', granted: true });
  if (!consent.ok) return consent;
  const challenge = await harness.raw('face.challenge', { sessionId });
  if (!challenge.ok) return challenge;
  const issued = challenge.result as IssuedFaceChallenge;
  await new Promise((resolve) => setTimeout(resolve, issued.frameRequest.inMs + 5));
  await harness.raw('face.frame', { sessionId, challengeId: issued.challengeId, nonce: issued.frameRequest.nonce, jpeg: frameOf('open') });
  return harness.raw('face.verify', { sessionId, challengeId: issued.challengeId });
}

/** After the swap: the session is over, nothing was shown or printed, and the journal says why. */
async function expectEndedByIdentityChange(harness: HostHarness, sessionId: string): Promise<void> {
  const end = await until(() => ended(harness, sessionId), 'session.ended');
  expect(end.payload).toEqual({ sessionId, reason: 'identityChanged' });
  const seen = views(harness, sessionId);
  expect(seen.at(-1)?.data).toEqual({ step: 'done', outcome: 'identityChanged', outcomeKey: 'flow.outcome.identityChanged' });
  // Nothing from the back-end about anyone reached the screen: no lookup ran, no step after the face check was shown.
  for (const step of ['query', 'choice', 'review', 'a4Print', 'receiptPrint', 'counter', 'referral', 'failed'] as const) expect(seen.map((v) => v.step)).not.toContain(step);
  // The face check cannot go on in a session that is gone.
  expect(await tryFace(harness, sessionId)).toMatchObject({ ok: false, error: { code: 'noSession' } });
  expect(harness.printing.simulatorControls!.printed()).toHaveLength(0);
  expect(harness.receipts().receipts).toHaveLength(0);
  expect(harness.journal.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  expect(transactions(harness)).toEqual([
    expect.objectContaining({ session_id: sessionId, outcome: 'identityChanged', end_reason: 'identityChanged', last_step: 'done', id_number_masked: VICTIM.masked, print_outcome: null, ticket_number: null }),
  ]);
  const audit = harness.journal.db.prepare("SELECT action, detail FROM audit_events WHERE session_id = ? AND action = 'session.identityChanged'").all(sessionId);
  expect(audit).toHaveLength(1);
  const everything = JSON.stringify(harness.journal.db.prepare('SELECT * FROM audit_events').all());
  expect(everything).not.toContain(ATTACKER.idNumber);
  expect(everything).not.toContain(VICTIM.idNumber);
}

describe('another identity after identify ends the flow', () => {
  it("card swap: the victim's number typed, consent, then the attacker's own card at the face check → no certificate, no record outcome", async () => {
    h = await startHarness({}, attackersFace);
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
    await h.call('identity.typed', { sessionId, idNumber: VICTIM.idNumber });
    await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
    await untilStep(h, sessionId, 'faceCheck');

    await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: ATTACKER.card });
    await until(() => ended(h!, sessionId), 'the session to end');
    await expectEndedByIdentityChange(h, sessionId);
    // The attacker's card was not taken as the session's identity (no identity.read for it).
    const announced = h.events.filter((e) => e.event === 'identity.read').map((e) => (e.payload as { identity: { idNumberMasked: string } }).identity.idNumberMasked);
    expect(announced).toEqual([VICTIM.masked]);
  });

  it("typed-number swap: the victim's card, consent, then the attacker's own number typed at the face check → no certificate, no record outcome", async () => {
    h = await startHarness({}, attackersFace);
    await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: VICTIM.card });
    const started = await until(() => h!.events.find((e) => e.event === 'session.started'), 'session.started');
    const sessionId = (started.payload as { session: SessionInfo }).session.sessionId;
    await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
    await untilStep(h, sessionId, 'faceCheck');

    const typed = await h.raw('identity.typed', { sessionId, idNumber: ATTACKER.idNumber });
    expect(typed).toMatchObject({ ok: false, error: { messageKey: 'app.sessionEndedIdentityChanged' } });
    await expectEndedByIdentityChange(h, sessionId);
  });

  it('the same number again (the citizen puts the card back) is no change: the flow goes on', async () => {
    h = await startHarness({}, attackersFace);
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
    await h.call('identity.typed', { sessionId, idNumber: ATTACKER.idNumber });
    await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
    await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: ATTACKER.card });
    // The card is read (the reader busy, then online with the card on it) before the citizen looks at the camera.
    await until(async () => {
      const devices = await h!.call<Array<{ kind: string; state: string; media?: string }>>('devices.list');
      return devices.some((d) => d.kind === 'idcard' && d.state === 'online' && d.media === 'present') ? true : undefined;
    }, 'the card read');
    expect(await h.raw('identity.typed', { sessionId, idNumber: ATTACKER.idNumber })).toMatchObject({ ok: true });
    expect(await tryFace(h, sessionId)).toMatchObject({ ok: true, result: { outcome: 'match' } });
    await untilStepId(h, sessionId, 'purpose');
    expect(ended(h, sessionId)).toBeUndefined();
  });

  it('before identify is confirmed, a new card simply replaces the identity', async () => {
    h = await startHarness({}, attackersFace);
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
    await h.call('identity.typed', { sessionId, idNumber: VICTIM.idNumber });
    await h.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
    await h.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: ATTACKER.card });
    await untilStep(h, sessionId, 'identify', (v) => v.data.step === 'identify' && v.data.identity?.idNumberMasked === '4104**********1230');
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await h.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
    expect(await tryFace(h, sessionId)).toMatchObject({ ok: true, result: { outcome: 'match' } });
    await untilStepId(h, sessionId, 'purpose');
  });
});
