import { describe, expect, it } from 'vitest';
import type { FaceChallenge } from '../../../electron/contract';
import { createChallengeTracker } from '../../../renderer/camera/liveness';
import type { FaceSeen, FrameObservation } from '../../../renderer/camera/observation';
import { qualityIssues } from '../../../renderer/camera/quality';
import { pickCamera } from '../../../renderer/camera/select-camera';
import { cameraProblemOf } from '../../../renderer/camera/camera-problem';
import { judgeEvidence } from '../../../electron/host/face/evidence';

const T0 = Date.parse('2026-05-01T09:00:00.000Z');
const face = (over: Partial<FaceSeen> = {}): FaceSeen => ({
  score: 1,
  box: { x: 200, y: 100, width: 240, height: 260 },
  left: 220,
  right: 420,
  eyeY: 200,
  chinY: 330,
  foreheadY: 110,
  centreX: 320,
  yaw: 0,
  pitch: 0,
  roll: 0,
  eyeOpenness: 0.3,
  sharpness: 200,
  brightness: 130,
  antispoof: 0.9,
  liveness: 0.9,
  ...over,
});
const frame = (at: number, seen: FaceSeen[] = [face()]): FrameObservation => ({
  width: 640,
  height: 480,
  faces: seen,
  detectMs: 50,
  at,
});
const challenge: FaceChallenge = {
  challengeId: 'c1',
  actions: ['turnRight', 'blink'],
  timeoutMs: 10_000,
  issuedAt: new Date(T0).toISOString(),
};

describe('liveness challenge tracking (the positive path, through synthetic observations)', () => {
  it('completes a turn then a blink, and the host accepts the evidence', () => {
    const tracker = createChallengeTracker(challenge, T0 + 100);
    const yaws = [0, -5, -12, -22, -10, 0];
    let at = T0 + 200;
    for (const yaw of yaws) expect(tracker.observe(frame((at += 100), [face({ yaw })])).kind).toBe('acting');
    const openness = [0.3, 0.31, 0.2, 0.06, 0.28];
    let last;
    for (const eyeOpenness of openness) last = tracker.observe(frame((at += 100), [face({ eyeOpenness })]));
    expect(last?.kind).toBe('done');
    if (last?.kind !== 'done') return;
    expect(last.evidence.steps.map((s) => s.action)).toEqual(['turnRight', 'blink']);
    expect(judgeEvidence(challenge, last.evidence, at + 500)).toEqual({ ok: true });
  });

  it('times out on a still face: no blink, no turn', () => {
    const tracker = createChallengeTracker(challenge, T0);
    let progress;
    for (let at = T0; at <= T0 + 10_100; at += 100) progress = tracker.observe(frame(at));
    expect(progress?.kind).toBe('timedOut');
    if (progress?.kind !== 'timedOut') return;
    expect(progress.evidence.steps).toEqual([]);
    expect(judgeEvidence(challenge, progress.evidence, T0 + 10_200)).toEqual({
      ok: false,
      reasonKey: 'face.refused.challengeIncomplete',
    });
  });
});

describe('quality gates and camera choice', () => {
  it('guides the citizen', () => {
    expect(qualityIssues(frame(T0))).toEqual([]);
    expect(qualityIssues(frame(T0, []))).toEqual(['noFace']);
    expect(qualityIssues(frame(T0, [face(), face()]))).toContain('manyFaces');
    expect(qualityIssues(frame(T0, [face({ left: 300, right: 340, centreX: 320 })]))).toContain('closer');
    expect(qualityIssues(frame(T0, [face({ yaw: 30 })]))).toEqual(['lookStraight']);
    expect(qualityIssues(frame(T0, [face({ eyeOpenness: 0.05 })]))).toEqual(['openEyes']);
    expect(qualityIssues(frame(T0, [face({ sharpness: 2 })]))).toEqual(['holdStill']);
    expect(qualityIssues(frame(T0, [face({ brightness: 30 })]))).toEqual(['tooDark']);
    expect(qualityIssues(frame(T0, [face({ centreX: 520, left: 420, right: 620 })]))).toContain('centre');
  });

  it('picks cameras by id or label and names camera problems', () => {
    const inputs = [
      { deviceId: 'a', label: 'USB Document Camera' },
      { deviceId: 'b', label: 'HD Face Cam' },
    ];
    expect(pickCamera(inputs, null)).toBeUndefined();
    expect(pickCamera(inputs, { label: 'face' })).toBe('b');
    expect(pickCamera(inputs, { deviceId: 'a' })).toBe('a');
    expect(pickCamera(inputs, { label: 'missing' })).toBeNull();
    expect(cameraProblemOf({ name: 'NotReadableError' })).toBe('busy');
    expect(cameraProblemOf({ name: 'NotAllowedError' })).toBe('refused');
    expect(cameraProblemOf({ name: 'NotFoundError' })).toBe('noCamera');
  });
});
