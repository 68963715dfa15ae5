/**
 * The hall's principal face check (issue 19) with a scripted landmark model
 * (the frame's colour names the pose) and a stand-in comparison: what a
 * principal on a phone meets — consent first, frames only when the hall asks,
 * tries counted, no answer from the back-end not held against them.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ChallengeAction, IssuedFaceChallenge } from '../../../electron/contract';
import { createPrincipalFaceCheck, type PrincipalFaceCheckOptions } from '../../../hall/server/proxy/face/principal-face-check';
import type { FaceComparison, PrincipalFaceCheck } from '../../../hall/server/proxy/ports';
import { PhoneFaceVerdict } from '../../../hall/contract/proxy-api';
import { frameOf, livePoses, scriptedDetector, type Pose } from '../../electron/host/face/face-harness';

const ID = '410402199001011230';
const MAX = 3;

type Answer = Awaited<ReturnType<FaceComparison>>;

function setup(answer: Answer | (() => Answer) = { ok: true, value: { match: true, score: 0.9 } }, more: Partial<PrincipalFaceCheckOptions> = {}) {
  let clock = Date.parse('2026-12-03T09:00:00.000Z');
  const compare = vi.fn<FaceComparison>(async () => (typeof answer === 'function' ? answer() : answer));
  const check = createPrincipalFaceCheck({ compare, detect: scriptedDetector, now: () => new Date(clock), maxAttempts: MAX, challengeActions: 2, challengeTimeoutMs: 20_000, ...more });
  return { check, compare, advance: (ms: number) => void (clock += ms) };
}
type Setup = ReturnType<typeof setup>;

function issue(check: PrincipalFaceCheck, key: string): IssuedFaceChallenge {
  const issued = check.challenge(key);
  if (!issued.ok) throw new Error(issued.error);
  return issued.value;
}

/** The phone answers each frame request on time with the next pose (the last repeats), until the hall wants no more. */
async function answerRequests(s: Setup, key: string, issued: IssuedFaceChallenge, poses: readonly Pose[]) {
  let request = issued.frameRequest as IssuedFaceChallenge['frameRequest'] | null;
  const sent: string[] = [];
  let seen = 0;
  while (request && sent.length < 40) {
    s.advance(request.inMs + 20);
    const jpeg = frameOf(poses[Math.min(sent.length, poses.length - 1)]!);
    sent.push(jpeg);
    const answer = await s.check.frame(key, { challengeId: issued.challengeId, nonce: request.nonce, jpeg });
    expect(answer.accepted).toBe(true);
    seen = answer.actionsSeen;
    request = answer.next;
  }
  return { sent, seen };
}

/** One whole check of a live principal (or one who only shows `poses`). */
async function liveCheck(s: Setup, key: string, poses?: (actions: ChallengeAction[]) => Pose[]) {
  const issued = issue(s.check, key);
  const { sent } = await answerRequests(s, key, issued, (poses ?? livePoses)(issued.actions));
  return { verdict: await s.check.verify(key, ID, issued.challengeId), sent };
}

describe('principal face check: consent first', () => {
  it('issues no challenge and compares nothing without consent; a refusal costs no try', async () => {
    const s = setup();
    expect(s.check.challenge('case-1')).toEqual({ ok: false, error: 'noConsent' });
    s.check.consent('case-1', false);
    expect(s.check.challenge('case-1')).toEqual({ ok: false, error: 'noConsent' });
    expect(await s.check.verify('case-1', ID, 'any')).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.noConsent', attemptsLeft: MAX });
    expect(s.compare).not.toHaveBeenCalled();
  });

  it('a live principal whose face matches is matched; the probe is one of the frames the hall asked for', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    const { verdict, sent } = await liveCheck(s, 'case-1');
    expect(verdict).toEqual({ outcome: 'match' });
    expect(PhoneFaceVerdict.safeParse(verdict).success).toBe(true);
    expect(s.compare).toHaveBeenCalledTimes(1);
    const request = s.compare.mock.calls[0]![0];
    expect(request.idNumber).toBe(ID);
    expect(sent.map((jpeg) => Buffer.from(jpeg, 'base64').toString('base64'))).toContain(Buffer.from(request.probe).toString('base64'));
  });

  it('withdrawing consent ends the run: its frames are no longer taken', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    const issued = issue(s.check, 'case-1');
    s.check.consent('case-1', false);
    s.advance(issued.frameRequest.inMs + 20);
    expect(await s.check.frame('case-1', { challengeId: issued.challengeId, nonce: issued.frameRequest.nonce, jpeg: frameOf('open') })).toEqual({ accepted: false, actionsSeen: 0, next: null });
  });
});

describe('principal face check: frames only when the hall asks', () => {
  it('a frame with a nonce the hall did not give voids the challenge, and the try counts', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    const issued = issue(s.check, 'case-1');
    s.advance(issued.frameRequest.inMs + 20);
    const answer = await s.check.frame('case-1', { challengeId: issued.challengeId, nonce: 'f'.repeat(32), jpeg: frameOf('open') });
    expect(answer).toEqual({ accepted: false, actionsSeen: 0, next: null });
    expect(await s.check.verify('case-1', ID, issued.challengeId)).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.framesNotRequested', attemptsLeft: MAX - 1 });
    expect(s.compare).not.toHaveBeenCalled();
  });

  it('a frame sent before the moment the hall chose is not evidence', async () => {
    const s = setup(undefined, { random: (min) => min + 100 });
    s.check.consent('case-1', true);
    const issued = issue(s.check, 'case-1');
    const answer = await s.check.frame('case-1', { challengeId: issued.challengeId, nonce: issued.frameRequest.nonce, jpeg: frameOf('open') });
    expect(answer.accepted).toBe(false);
    expect(answer.next).toBeNull();
  });

  it('a frame for another case, or for a challenge that was replaced, is not taken', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    s.check.consent('case-2', true);
    const first = issue(s.check, 'case-1');
    s.advance(first.frameRequest.inMs + 20);
    expect((await s.check.frame('case-2', { challengeId: first.challengeId, nonce: first.frameRequest.nonce, jpeg: frameOf('open') })).accepted).toBe(false);
    const second = issue(s.check, 'case-1');
    expect((await s.check.frame('case-1', { challengeId: first.challengeId, nonce: first.frameRequest.nonce, jpeg: frameOf('open') })).accepted).toBe(false);
    expect(await s.check.verify('case-1', ID, first.challengeId)).toMatchObject({ outcome: 'notMatched', reasonKey: 'face.refused.challengeUnknown' });
    expect(second.challengeId).not.toBe(first.challengeId);
  });

  it('a still face (a photo held up) shows no blink: refused, and the try counts', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    const { verdict } = await liveCheck(s, 'case-1', () => ['open']);
    expect(verdict).toMatchObject({ outcome: 'notMatched', attemptsLeft: MAX - 1 });
    expect(['face.refused.noBlink', 'face.refused.noTurn', 'face.refused.tooFewFrames']).toContain((verdict as { reasonKey: string }).reasonKey);
    expect(s.compare).not.toHaveBeenCalled();
  });

  it('a challenge answers one verification only', async () => {
    const s = setup();
    s.check.consent('case-1', true);
    const issued = issue(s.check, 'case-1');
    await answerRequests(s, 'case-1', issued, livePoses(issued.actions));
    expect(await s.check.verify('case-1', ID, issued.challengeId)).toEqual({ outcome: 'match' });
    expect(await s.check.verify('case-1', ID, issued.challengeId)).toMatchObject({ outcome: 'notMatched', reasonKey: 'face.refused.challengeUnknown' });
    expect(s.compare).toHaveBeenCalledTimes(1);
  });
});

describe('principal face check: tries', () => {
  it('each face that does not match costs a try; after the last, no more challenges', async () => {
    const s = setup({ ok: true, value: { match: false, score: 0.2 } });
    s.check.consent('case-1', true);
    for (let left = MAX - 1; left >= 0; left--) expect((await liveCheck(s, 'case-1')).verdict).toEqual({ outcome: 'notMatched', reasonKey: null, attemptsLeft: left });
    expect(s.check.challenge('case-1')).toEqual({ ok: false, error: 'tooManyAttempts' });
    expect(await s.check.verify('case-1', ID, 'any')).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.tooManyAttempts', attemptsLeft: 0 });
    // Another case is another principal's: its tries are its own.
    s.check.consent('case-2', true);
    expect(s.check.challenge('case-2').ok).toBe(true);
  });

  it('new cases buy no more comparisons against one principal: the day\'s failed tries count across cases', async () => {
    const s = setup({ ok: true, value: { match: false, score: 0.2 } }, { maxDailyFailures: MAX });
    s.check.consent('case-1', true);
    for (let i = 0; i < MAX; i++) await liveCheck(s, 'case-1');
    expect(s.compare).toHaveBeenCalledTimes(MAX);
    // The agent opens a new case for the same principal: refused before any comparison.
    s.check.consent('case-2', true);
    expect((await liveCheck(s, 'case-2')).verdict).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.tooManyAttempts', attemptsLeft: 0 });
    expect(s.compare).toHaveBeenCalledTimes(MAX);
    // Another person is compared as usual; the next day the principal may try again.
    s.check.consent('case-3', true);
    const issued = issue(s.check, 'case-3');
    await answerRequests(s, 'case-3', issued, livePoses(issued.actions));
    expect(await s.check.verify('case-3', '41040219850101201X', issued.challengeId)).toMatchObject({ outcome: 'notMatched', reasonKey: null });
    s.advance(24 * 60 * 60 * 1000);
    s.check.consent('case-4', true);
    expect((await liveCheck(s, 'case-4')).verdict).toMatchObject({ outcome: 'notMatched', reasonKey: null, attemptsLeft: MAX - 1 });
  });

  it('no reference photo on file reads exactly like a face that does not match, and counts', async () => {
    const noMatch = setup({ ok: true, value: { match: false, score: 0.1 } });
    const notFound = setup({ ok: false, error: 'notFound' });
    for (const s of [noMatch, notFound]) s.check.consent('case-1', true);
    expect((await liveCheck(notFound, 'case-1')).verdict).toEqual((await liveCheck(noMatch, 'case-1')).verdict);
    expect((await liveCheck(notFound, 'case-1')).verdict).toEqual({ outcome: 'notMatched', reasonKey: null, attemptsLeft: MAX - 2 });
  });

  it('a back-end that does not answer costs no try, and says so', async () => {
    let down = true;
    const s = setup(() => (down ? { ok: false, error: 'unavailable' } : { ok: true, value: { match: true, score: 0.9 } }));
    s.check.consent('case-1', true);
    for (let i = 0; i < MAX + 1; i++) expect((await liveCheck(s, 'case-1')).verdict).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.backendUnavailable', attemptsLeft: MAX });
    down = false;
    expect((await liveCheck(s, 'case-1')).verdict).toEqual({ outcome: 'match' });
  });

  it('a comparison that throws is an unavailable back-end, not a match and not a try', async () => {
    const s = setup(() => {
      throw new Error('socket hang up');
    });
    s.check.consent('case-1', true);
    expect((await liveCheck(s, 'case-1')).verdict).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.backendUnavailable', attemptsLeft: MAX });
  });
});

describe('principal face check: forget', () => {
  it('drops the run and its frames (nothing is compared after it) but keeps the tries', async () => {
    const s = setup({ ok: true, value: { match: false, score: 0.2 } });
    s.check.consent('case-1', true);
    await liveCheck(s, 'case-1');
    const issued = issue(s.check, 'case-1');
    await answerRequests(s, 'case-1', issued, livePoses(issued.actions));
    s.check.forget('case-1');
    expect(await s.check.verify('case-1', ID, issued.challengeId)).toMatchObject({ outcome: 'notMatched', reasonKey: 'face.refused.noConsent' });
    s.check.consent('case-1', true);
    expect(await s.check.verify('case-1', ID, issued.challengeId)).toEqual({ outcome: 'notMatched', reasonKey: 'face.refused.challengeUnknown', attemptsLeft: MAX - 2 });
    expect(s.compare).toHaveBeenCalledTimes(1);
  });
});

describe('principal face check: the liveness test seam', () => {
  it('with skipLiveness a still face goes to the comparison (the requested frames and the probe still count)', async () => {
    const s = setup(undefined, { skipLiveness: true });
    s.check.consent('case-1', true);
    expect((await liveCheck(s, 'case-1', () => ['open'])).verdict).toEqual({ outcome: 'match' });
    const nobody = setup(undefined, { skipLiveness: true });
    nobody.check.consent('case-1', true);
    const issued = issue(nobody.check, 'case-1');
    for (let request = issued.frameRequest as typeof issued.frameRequest | null, n = 0; request && n < 10; n++) {
      nobody.advance(request.inMs + 20);
      request = (await nobody.check.frame('case-1', { challengeId: issued.challengeId, nonce: request.nonce, jpeg: frameOf('nobody') })).next;
    }
    nobody.advance(30_000);
    expect(await nobody.check.verify('case-1', ID, issued.challengeId)).toMatchObject({ outcome: 'notMatched' });
    expect(nobody.compare).not.toHaveBeenCalled();
  });
});

describe('principal face check: property', () => {
  type Step =
    | { kind: 'consent'; granted: boolean }
    | { kind: 'challenge' }
    | { kind: 'frame'; pose: Pose; nonce: 'requested' | 'forged'; waitMs: number }
    | { kind: 'live' }
    | { kind: 'verify'; challenge: 'current' | 'forged' }
    | { kind: 'forget' }
    /** A whole try: a challenge, a live principal answering every request, the verification. */
    | { kind: 'round' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('consent' as const), granted: fc.boolean() }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'challenge' as const }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('frame' as const), pose: fc.constantFrom<Pose>('open', 'closed', 'left', 'right', 'nobody'), nonce: fc.constantFrom('requested' as const, 'forged' as const), waitMs: fc.integer({ min: 0, max: 3_000 }) }), weight: 3 },
    { arbitrary: fc.constant({ kind: 'live' as const }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('verify' as const), challenge: fc.constantFrom('current' as const, 'forged' as const) }), weight: 3 },
    { arbitrary: fc.constant({ kind: 'forget' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'round' as const }), weight: 3 },
  );
  const answers = fc.constantFrom<Answer>({ ok: true, value: { match: true, score: 0.9 } }, { ok: true, value: { match: false, score: 0.3 } }, { ok: false, error: 'notFound' }, { ok: false, error: 'unavailable' });

  it('a verdict is never `match` unless the comparison of that verification said match, and never more tries than allowed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), fc.array(answers, { minLength: 1, maxLength: 8 }), fc.boolean(), async (steps, script, skipLiveness) => {
        let said: Answer | null = null;
        let n = 0;
        let failedComparisons = 0;
        const s = setup(
          () => {
            said = script[n++ % script.length]!;
            if (said.ok ? !said.value.match : said.error === 'notFound') failedComparisons++;
            return said;
          },
          { skipLiveness },
        );
        let issued = null as IssuedFaceChallenge | null;
        let request = null as IssuedFaceChallenge['frameRequest'] | null;
        // Most principals consent; the steps may withdraw it.
        const live = async () => {
          if (!issued) return;
          const poses = livePoses(issued.actions);
          for (let i = 0; request && i < 20; i++) {
            s.advance(request.inMs + 20);
            request = (await s.check.frame('case', { challengeId: issued.challengeId, nonce: request.nonce, jpeg: frameOf(poses[Math.min(i, poses.length - 1)]!) })).next;
          }
        };
        const verify = async (challengeId: string) => {
          said = null;
          const verdict = await s.check.verify('case', ID, challengeId);
          expect(PhoneFaceVerdict.safeParse(verdict).success).toBe(true);
          if (verdict.outcome === 'match') expect(said).toEqual({ ok: true, value: { match: true, score: 0.9 } });
        };
        const challenge = () => {
          const result = s.check.challenge('case');
          if (result.ok) [issued, request] = [result.value, result.value.frameRequest];
          return result.ok;
        };
        // Most principals consent; the steps may withdraw it.
        for (const action of [{ kind: 'consent', granted: true } as const, ...steps]) {
          switch (action.kind) {
            case 'consent':
              s.check.consent('case', action.granted);
              break;
            case 'challenge':
              challenge();
              break;
            case 'frame': {
              if (!issued) break;
              s.advance(action.waitMs);
              const nonce: string = action.nonce === 'requested' && request ? request.nonce : 'a'.repeat(32);
              request = (await s.check.frame('case', { challengeId: issued.challengeId, nonce, jpeg: frameOf(action.pose) })).next;
              break;
            }
            case 'live':
              await live();
              break;
            case 'verify':
              await verify(action.challenge === 'current' && issued ? issued.challengeId : 'forged-challenge');
              break;
            case 'forget':
              s.check.forget('case');
              break;
            case 'round':
              if (challenge()) {
                await live();
                await verify(issued!.challengeId);
              }
              break;
            default: {
              const never: never = action;
              throw new Error(String(never));
            }
          }
        }
        // Once the tries are spent nothing more is compared: never more failed comparisons than tries.
        expect(failedComparisons).toBeLessThanOrEqual(MAX);
      }),
      { numRuns: 150 },
    );
  });
});
