import { afterEach, describe, expect, it } from 'vitest';
import type { FaceChallenge } from '../../../../electron/contract';
import { issueChallenge } from '../../../../domain/face/challenge';
import { DEFAULT_EVIDENCE_THRESHOLDS, judgeRun, type FaceSample, type MeasuredFace } from '../../../../domain/face/evidence';
import { answerRequests, frameOf, livePoses, startFaceHost, type FaceHost, type Pose } from './face-harness';

const NOW = new Date('2026-05-01T09:00:00.000Z');
const HAN = '410402199001011230';
const open: FaceHost[] = [];
const setup = (...args: Parameters<typeof startFaceHost>) => {
  const host = startFaceHost(...args);
  open.push(host);
  return host;
};
afterEach(() => {
  for (const host of open.splice(0)) host.close();
});

/** One face check in which the citizen shows `poses` (one per requested frame). */
async function checkWith(h: FaceHost, sessionId: string, poses: (actions: FaceChallenge['actions']) => Pose[]) {
  const challenge = await h.challenge(sessionId);
  const answered = await answerRequests(h.call, h.advance, sessionId, challenge, poses(challenge.actions));
  const result = await h.handlers['face.verify']({ sessionId, challengeId: challenge.challengeId });
  return { challenge, answered, result };
}
const still = (): Pose[] => ['open'];

describe('face.verify: the host decides from the frames it asked for', () => {
  it('refuses without recorded biometric consent, and after a refusal', async () => {
    const h = setup();
    const sessionId = await h.session(HAN);
    await h.handlers['consent.record']({ sessionId, kind: 'biometric', granted: false });
    expect(await h.handlers['face.challenge']({ sessionId })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await h.handlers['face.verify']({ sessionId, challengeId: 'any' })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noConsent' } });
    expect(h.compare).not.toHaveBeenCalled();
  });

  it('matches a live citizen (blink and turn seen in its own measures), once', async () => {
    const h = setup({ similarity: 0.83 });
    const sessionId = await h.session(HAN);
    const { challenge, answered, result } = await checkWith(h, sessionId, livePoses);
    expect(answered.actionsSeen).toBe(challenge.actions.length);
    expect(result).toEqual({ ok: true, value: { outcome: 'match', similarity: 0.83, attemptsLeft: 3 } });
    // A challenge is good for one verification.
    expect(await h.handlers['face.verify']({ sessionId, challengeId: challenge.challengeId })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.challengeUnknown' } });
  });

  it('refuses a still face (every frame the same: no blink, no turn) and counts the try', async () => {
    const h = setup({ similarity: 0.9 });
    const sessionId = await h.session(HAN);
    const { challenge, answered, result } = await checkWith(h, sessionId, still);
    expect(answered.actionsSeen).toBe(0);
    expect(answered.frames).toBeGreaterThan(5);
    const reason = challenge.actions[0] === 'blink' ? 'face.refused.noBlink' : 'face.refused.noTurn';
    expect(result).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: reason, attemptsLeft: 2, helpOffered: false } });
    expect(h.compare).not.toHaveBeenCalled();
  });

  it('offers staff help after three failed tries and then refuses to compare', async () => {
    const h = setup({ similarity: 0.2 });
    const sessionId = await h.session(HAN);
    const results = [await h.check(sessionId), await h.check(sessionId), await h.check(sessionId)];
    expect(results).toEqual([
      { outcome: 'noMatch', attemptsLeft: 2, helpOffered: false },
      { outcome: 'noMatch', attemptsLeft: 1, helpOffered: false },
      { outcome: 'noMatch', attemptsLeft: 0, helpOffered: true },
    ]);
    expect(await h.check(sessionId)).toMatchObject({ outcome: 'refused', reasonKey: 'face.refused.tooManyAttempts', helpOffered: true });
    expect(h.compare).toHaveBeenCalledTimes(3);
  });

  it('with five tries configured, the face module allows five', async () => {
    const h = setup({ similarity: 0.2, configInput: { maxAttempts: 5 } });
    const sessionId = await h.session(HAN);
    const left = [];
    for (let i = 0; i < 5; i++) left.push((await h.check(sessionId)).attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
  });

  it('answers a number without a reference photo exactly as a face that does not match: the back-end\'s silence is not shown before a face has matched', async () => {
    const unknown = setup({ gateway: 'noReference' });
    const stranger = setup({ similarity: 0.2 });
    const results = [await unknown.check(await unknown.session(HAN)), await stranger.check(await stranger.session(HAN))];
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ outcome: 'noMatch', attemptsLeft: 2 });
    expect(unknown.compare).toHaveBeenCalledTimes(1);
  });

  it('asks the back-end with the identity\'s ID number and a frame the host asked for (frontal, eyes open)', async () => {
    const h = setup({ similarity: 0.71 });
    const sessionId = await h.session(HAN);
    const { answered } = await checkWith(h, sessionId, livePoses);
    const [request] = h.compare.mock.calls[0]!;
    expect(request.idNumber).toBe(HAN);
    const probe = Buffer.from(request.probe).toString('base64');
    expect(answered.sent).toContain(probe);
    expect(probe).toBe(frameOf('open'));
  });

  it('a back-end that is down is not the citizen\'s failure: refused with the reason, the try not counted', async () => {
    const h = setup({ gateway: 'down' });
    const sessionId = await h.session(HAN);
    for (let i = 0; i < 4; i++) expect(await h.check(sessionId)).toEqual({ outcome: 'refused', reasonKey: 'face.refused.backendUnavailable', attemptsLeft: 3, helpOffered: false });
  });

  it('wipes the probe image and the challenge\'s frames at session end', async () => {
    const h = setup({ similarity: 0.9 });
    const sessionId = await h.session(HAN);
    await h.check(sessionId);
    await h.challenge(sessionId);
    const session = h.sessions.get(sessionId)!;
    expect(session.data.get('face.probe')).toBeInstanceOf(Uint8Array);
    expect(session.data.get('face.livenessRun')).toBeDefined();
    h.sessions.end(sessionId, 'finished');
    expect(session.data.size).toBe(0);
    expect(h.sessions.current()).toBeUndefined();
  });

  it('the test seam skips the blink/turn judgement only in simulation, never the requested frames or consent', async () => {
    const flag = { testingSkipLiveness: true };
    const sim = setup({ configInput: flag, simulation: true, similarity: 0.9 });
    const simSession = await sim.session(HAN);
    expect((await checkWith(sim, simSession, still)).result).toMatchObject({ ok: true, value: { outcome: 'match' } });
    // Even with the seam, the probe must be a frame the host asked for.
    const none = await sim.challenge(simSession);
    expect(await sim.handlers['face.verify']({ sessionId: simSession, challengeId: none.challengeId })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.oneFace' } });
    const production = setup({ configInput: flag, simulation: false, similarity: 0.9 });
    const { result } = await checkWith(production, await production.session(HAN), still);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: expect.stringMatching(/^face\.refused\.no(Blink|Turn)$/) } });
    expect(production.compare).not.toHaveBeenCalled();
    const noConsent = setup({ configInput: flag, simulation: true });
    const bare = await noConsent.session(HAN);
    await noConsent.handlers['consent.record']({ sessionId: bare, kind: 'biometric', granted: false });
    expect(await noConsent.handlers['face.verify']({ sessionId: bare, challengeId: 'x' })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noConsent' } });
  });

  it('on a real kiosk compares no face for a number merely typed into a session: only a flow\'s fixed identity', async () => {
    const h = setup({ simulation: false, similarity: 0.9 });
    const sessionId = await h.session(HAN);
    const open = h.sessions.current()!;
    // The same session before its flow fixed the identity (the harness fixes it, as a flow does).
    (open as { identityFixed: boolean }).identityFixed = false;
    expect(await h.handlers['face.challenge']({ sessionId })).toMatchObject({ ok: false, error: { messageKey: 'face.refused.noIdentity' } });
    expect(await h.handlers['face.verify']({ sessionId, challengeId: 'any' })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.noIdentity' } });
    expect(h.compare).not.toHaveBeenCalled();
    h.sessions.fixIdentity(sessionId);
    expect(await h.check(sessionId)).toMatchObject({ outcome: 'match' });
  });

  it('issues a blink and one turn in random order', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) seen.add(issueChallenge({ count: 2, timeoutMs: 20_000, now: NOW }).actions.join(','));
    expect([...seen].every((s) => s.includes('blink') && /turn(Left|Right)/.test(s))).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
  });
});

describe('judgeRun: blink and turn from the host\'s own measures', () => {
  const challenge: FaceChallenge = { challengeId: 'c1', actions: ['blink', 'turnLeft'], timeoutMs: 20_000, issuedAt: NOW.toISOString() };
  const face = (eyeOpenness: number, yaw: number): MeasuredFace => ({ eyeOpenness, yaw, real: 0.9, live: 0.9 });
  const samples = (...faces: MeasuredFace[]): FaceSample[] => faces.map((f, i) => ({ at: NOW.getTime() + 300 * (i + 1), faces: 1, face: f }));
  const run = (list: FaceSample[], probe: MeasuredFace | null = face(0.3, 0)) => ({ challenge, samples: list, voided: false, probe, measureMs: 0 });
  const at = NOW.getTime() + 10_000;
  const judge = (list: FaceSample[], probe?: MeasuredFace | null) => judgeRun(run(list, probe), 'c1', at, DEFAULT_EVIDENCE_THRESHOLDS);

  it('accepts open → closed → open, then frontal → turned to the citizen\'s left', () => {
    expect(judge(samples(face(0.3, 0), face(0.05, 0), face(0.3, 0), face(0.3, 25)))).toEqual({ ok: true, value: null });
  });

  it('refuses actions in the wrong order, eyes that never close or never reopen, and a turn the wrong way', () => {
    expect(judge(samples(face(0.3, 0), face(0.3, 25), face(0.3, 0), face(0.05, 0), face(0.3, 0)))).toEqual({ ok: false, error: 'noTurn' });
    expect(judge(samples(face(0.3, 0), face(0.15, 0), face(0.3, 0), face(0.3, 25)))).toEqual({ ok: false, error: 'noBlink' });
    expect(judge(samples(face(0.3, 0), face(0.3, 0), face(0.05, 0), face(0.05, 25)))).toEqual({ ok: false, error: 'noBlink' });
    expect(judge(samples(face(0.3, 0), face(0.05, 0), face(0.3, 0), face(0.3, -25)))).toEqual({ ok: false, error: 'noTurn' });
    // A head already turned is no start for a turn.
    expect(judge(samples(face(0.3, 0), face(0.05, 0), face(0.3, 30), face(0.3, 45)))).toEqual({ ok: false, error: 'noTurn' });
  });

  it('refuses too few frames, a void run, no probe, low passive scores, an unknown or expired challenge', () => {
    const good = samples(face(0.3, 0), face(0.05, 0), face(0.3, 0), face(0.3, 25));
    expect(judge(good.slice(0, 3))).toEqual({ ok: false, error: 'tooFewFrames' });
    expect(judgeRun({ ...run(good), voided: true }, 'c1', at, DEFAULT_EVIDENCE_THRESHOLDS)).toEqual({ ok: false, error: 'framesNotRequested' });
    expect(judge(good, null)).toEqual({ ok: false, error: 'oneFace' });
    expect(judge(good, { ...face(0.3, 0), real: 0.2 })).toEqual({ ok: false, error: 'passiveLiveness' });
    expect(judgeRun(run(good), 'other', at, DEFAULT_EVIDENCE_THRESHOLDS)).toEqual({ ok: false, error: 'challengeUnknown' });
    expect(judgeRun(run(good), 'c1', at + 60_000, DEFAULT_EVIDENCE_THRESHOLDS)).toEqual({ ok: false, error: 'challengeExpired' });
    // The time the host spent measuring is not the citizen's: it extends the challenge.
    expect(judgeRun({ ...run(good), measureMs: 60_000 }, 'c1', at + 60_000, DEFAULT_EVIDENCE_THRESHOLDS)).toEqual({ ok: true, value: null });
  });
});
