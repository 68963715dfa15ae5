import { describe, expect, it, vi } from 'vitest';
import type { ChallengeAction, FaceChallenge, LivenessEvidence } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createFaceHandlers } from '../../../../electron/host/face/handlers';
import type { DetectedFace } from '../../../../electron/host/face/human-node';
import type { FaceVerification, GatewayResult } from '../../../../electron/host/gateway/police-gateway';
import { issueChallenge } from '../../../../electron/host/face/challenge';
import { judgeEvidence } from '../../../../electron/host/face/evidence';
import { createLogger } from '../../../../electron/host/log/logger';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { encodeJpeg, solid } from './images';

const NOW = new Date('2026-05-01T09:00:00.000Z');
const FRAME = Buffer.from(encodeJpeg(solid(64, 48, [200, 180, 160]))).toString('base64');
const liveFace: DetectedFace = { score: 1, box: { x: 10, y: 10, width: 30, height: 30 }, left: 10, right: 40, eyeY: 20, chinY: 40, foreheadY: 10, centreX: 25, embedding: [], real: 0.9, live: 0.95 };

function setup(options: { similarity?: number; configInput?: object; simulation?: boolean; noReference?: boolean; gatewayDown?: boolean } = {}) {
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const config = KioskConfig.parse(options.configInput ?? {});
  const sessions = createSessionStore({ now });
  // The back-end's comparison: "same person" at or above 0.6, as the sandbox's default threshold.
  const compare = vi.fn(async (_request: { idNumber: string; probe: Uint8Array }): Promise<GatewayResult<FaceVerification>> => {
    if (options.noReference) return { ok: false, error: { kind: 'notFound' } };
    if (options.gatewayDown) return { ok: false, error: { kind: 'unavailable', status: 503 } };
    const score = options.similarity ?? 0.8;
    return { ok: true, value: { match: score >= 0.6, score } };
  });
  const handlers = createFaceHandlers({
    config,
    sessions,
    logger: createLogger('silent'),
    now,
    simulation: options.simulation ?? true,
    verifyFace: compare,
    detectFaces: async () => [liveFace],
    // The lockout across sessions is tested in lockout.test.ts; here it never runs out.
    lockout: { failuresLeft: () => 100, recordFailure: () => undefined },
  });
  const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped('410402199001011230', NOW) });
  if (!started.ok) throw new Error('no session');
  const sessionId = started.session.sessionId;
  return { handlers, sessions, sessionId, compare, advance: (ms: number) => (clock += ms) };
}

/** Evidence a live citizen produces for `challenge`. */
function goodEvidence(challenge: FaceChallenge): LivenessEvidence {
  const issued = Date.parse(challenge.issuedAt);
  const measures: Record<ChallengeAction, [number, number]> = { blink: [0.05, 0.3], turnLeft: [25, 2], turnRight: [-25, -1] };
  return {
    challengeId: challenge.challengeId,
    steps: challenge.actions.map((action, i) => ({ action, startedAt: issued + 500 + i * 3000, completedAt: issued + 2000 + i * 3000, measure: measures[action][0], baseline: measures[action][1] })),
    antispoof: 0.9,
    liveness: 0.9,
    frames: 60,
  };
}

async function consentAndChallenge(h: ReturnType<typeof setup>): Promise<FaceChallenge> {
  await h.handlers['consent.record']({ sessionId: h.sessionId, kind: 'biometric', granted: true });
  const challenge = await h.handlers['face.challenge']({ sessionId: h.sessionId });
  if (!challenge.ok) throw new Error('no challenge');
  return challenge.value;
}

describe('face.verify: the host decides', () => {
  it('refuses without recorded biometric consent, and after a refusal', async () => {
    const h = setup();
    const fake = goodEvidence(issueChallenge({ count: 2, timeoutMs: 20_000, now: NOW }));
    const none = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: fake });
    expect(none).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noConsent' } });
    expect(await h.handlers['face.challenge']({ sessionId: h.sessionId })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await h.handlers['consent.record']({ sessionId: h.sessionId, kind: 'biometric', granted: false });
    const refused = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: fake });
    expect(refused).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noConsent' } });
    expect(h.compare).not.toHaveBeenCalled();
  });

  it('matches with complete evidence for the issued challenge, once', async () => {
    const h = setup({ similarity: 0.83 });
    const challenge = await consentAndChallenge(h);
    h.advance(8_000);
    const result = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    expect(result).toEqual({ ok: true, value: { outcome: 'match', similarity: 0.83, attemptsLeft: 3 } });
    // A challenge is single-use: replaying the same evidence is refused.
    const replay = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    expect(replay).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.challengeUnknown' } });
  });

  it('refuses evidence without a completed challenge (a still image: no blink, no turn)', async () => {
    const h = setup();
    const challenge = await consentAndChallenge(h);
    h.advance(20_000);
    const still: LivenessEvidence = { challengeId: challenge.challengeId, steps: [], antispoof: 0.9, liveness: 0.9, frames: 120 };
    const result = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: still });
    expect(result).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.challengeIncomplete', attemptsLeft: 2, helpOffered: false } });
    expect(h.compare).not.toHaveBeenCalled();
  });

  it('refuses steps in the wrong order, a blink that never closed the eyes, and low passive scores', () => {
    const challenge: FaceChallenge = { challengeId: 'c1', actions: ['blink', 'turnLeft'], timeoutMs: 20_000, issuedAt: NOW.toISOString() };
    const now = NOW.getTime() + 10_000;
    const good = goodEvidence(challenge);
    expect(judgeEvidence(challenge, good, now)).toEqual({ ok: true });
    expect(judgeEvidence(challenge, { ...good, steps: [...good.steps].reverse() }, now)).toEqual({ ok: false, reasonKey: 'face.refused.challengeIncomplete' });
    expect(judgeEvidence(challenge, { ...good, steps: [{ ...good.steps[0]!, measure: 0.25 }, good.steps[1]!] }, now)).toEqual({ ok: false, reasonKey: 'face.refused.noBlink' });
    expect(judgeEvidence(challenge, { ...good, steps: [good.steps[0]!, { ...good.steps[1]!, measure: -25 }] }, now)).toEqual({ ok: false, reasonKey: 'face.refused.noTurn' });
    expect(judgeEvidence(challenge, { ...good, antispoof: 0.2 }, now)).toEqual({ ok: false, reasonKey: 'face.refused.passiveLiveness' });
    expect(judgeEvidence(challenge, good, now + 60_000)).toEqual({ ok: false, reasonKey: 'face.refused.challengeExpired' });
    const late = { ...good, steps: [good.steps[0]!, { ...good.steps[1]!, completedAt: Date.parse(challenge.issuedAt) + 30_000 }] };
    expect(judgeEvidence(challenge, late, now)).toEqual({ ok: false, reasonKey: 'face.refused.challengeTiming' });
  });

  it('offers staff help after three failed tries and then refuses to compare', async () => {
    const h = setup({ similarity: 0.2 });
    const results = [];
    for (let i = 0; i < 3; i++) {
      const challenge = await consentAndChallenge(h);
      results.push(await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) }));
    }
    expect(results.map((r) => r.ok && r.value)).toEqual([
      { outcome: 'noMatch', similarity: 0.2, attemptsLeft: 2, helpOffered: false },
      { outcome: 'noMatch', similarity: 0.2, attemptsLeft: 1, helpOffered: false },
      { outcome: 'noMatch', similarity: 0.2, attemptsLeft: 0, helpOffered: true },
    ]);
    const challenge = await consentAndChallenge(h);
    const fourth = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    expect(fourth).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.tooManyAttempts', helpOffered: true } });
    expect(h.compare).toHaveBeenCalledTimes(3);
  });

  it('sends a citizen without a reference photo to staff at once instead of offering endless retries', async () => {
    const h = setup({ noReference: true });
    const challenge = await consentAndChallenge(h);
    h.advance(8_000);
    const result = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    expect(result).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noReference', attemptsLeft: 0, helpOffered: true } });
    // The back-end was asked (it holds the photos) and said it has none.
    expect(h.compare).toHaveBeenCalledTimes(1);
  });

  it('asks the back-end with the identity\'s ID number and the probe the renderer sent', async () => {
    const h = setup({ similarity: 0.71 });
    const challenge = await consentAndChallenge(h);
    h.advance(8_000);
    await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    const [request] = h.compare.mock.calls[0]!;
    expect(request.idNumber).toBe('410402199001011230');
    expect(Buffer.from(request.probe).toString('base64')).toBe(FRAME);
  });

  it('a back-end that is down is not the citizen\'s failure: refused with the reason, the try not counted', async () => {
    const h = setup({ gatewayDown: true });
    for (let i = 0; i < 4; i++) {
      const challenge = await consentAndChallenge(h);
      h.advance(8_000);
      const result = await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
      expect(result).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.backendUnavailable', attemptsLeft: 3, helpOffered: false } });
    }
  });

  it('wipes the probe image and every face/photo/document record at session end', async () => {
    const h = setup();
    const challenge = await consentAndChallenge(h);
    await h.handlers['face.verify']({ sessionId: h.sessionId, frames: [FRAME], evidence: goodEvidence(challenge) });
    await h.handlers['document.submit']({ sessionId: h.sessionId, jpeg: FRAME });
    const session = h.sessions.get(h.sessionId)!;
    expect(session.data.get('face.probe')).toBeInstanceOf(Uint8Array);
    expect(session.data.get('documents.captured')).toHaveLength(1);
    h.sessions.end(h.sessionId, 'finished');
    expect(session.data.size).toBe(0);
    expect(h.sessions.current()).toBeUndefined();
  });

  it('skips only the liveness gate with the test flag in simulation, and never outside it', async () => {
    const flag = { face: { testingSkipLiveness: true } };
    const sim = setup({ configInput: flag, simulation: true });
    await sim.handlers['consent.record']({ sessionId: sim.sessionId, kind: 'biometric', granted: true });
    const noEvidence: LivenessEvidence = { challengeId: 'none', steps: [], antispoof: 0, liveness: 0, frames: 0 };
    expect(await sim.handlers['face.verify']({ sessionId: sim.sessionId, frames: [FRAME], evidence: noEvidence })).toMatchObject({ ok: true, value: { outcome: 'match' } });
    const production = setup({ configInput: flag, simulation: false });
    await production.handlers['consent.record']({ sessionId: production.sessionId, kind: 'biometric', granted: true });
    expect(await production.handlers['face.verify']({ sessionId: production.sessionId, frames: [FRAME], evidence: noEvidence })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.challengeUnknown' } });
    // Consent is never skipped.
    const noConsent = setup({ configInput: flag, simulation: true });
    expect(await noConsent.handlers['face.verify']({ sessionId: noConsent.sessionId, frames: [FRAME], evidence: noEvidence })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noConsent' } });
  });

  it('issues a blink and one turn in random order', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) seen.add(issueChallenge({ count: 2, timeoutMs: 20_000, now: NOW }).actions.join(','));
    expect([...seen].every((s) => s.includes('blink') && /turn(Left|Right)/.test(s))).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
  });
});
