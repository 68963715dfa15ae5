/** The face quality gates, as guidance the citizen can act on (pure). */
import type { FaceSeen, FrameObservation } from './observation';

/** One thing to fix, in the order they are worth fixing. */
export type QualityIssue = 'noFace' | 'manyFaces' | 'closer' | 'farther' | 'centre' | 'lookStraight' | 'openEyes' | 'holdStill' | 'tooDark' | 'tooBright';

/** Limits of the gates. */
export interface QualityLimits {
  minFaceWidth: number;
  maxFaceWidth: number;
  maxOffCentre: number;
  maxYaw: number;
  maxPitch: number;
  maxRoll: number;
  minEyeOpenness: number;
  minSharpness: number;
  minBrightness: number;
  maxBrightness: number;
}

export const DEFAULT_QUALITY_LIMITS: QualityLimits = {
  /** Face (cheek to cheek) as a fraction of the frame width. */
  minFaceWidth: 0.2,
  maxFaceWidth: 0.65,
  /** Face centre from the frame centre, as a fraction of the frame. */
  maxOffCentre: 0.15,
  /** Face check tolerance (a standard photo's own rules are the host's). */
  maxYaw: 20,
  maxPitch: 20,
  maxRoll: 10,
  minEyeOpenness: 0.15,
  minSharpness: 8,
  minBrightness: 60,
  maxBrightness: 215,
};

/** The main face: the largest. */
export function mainFace(observation: FrameObservation): FaceSeen | undefined {
  return observation.faces.reduce<FaceSeen | undefined>((best, face) => (!best || face.box.width > best.box.width ? face : best), undefined);
}

/** Everything wrong with this frame; empty = good. */
export function qualityIssues(observation: FrameObservation, limits: QualityLimits = DEFAULT_QUALITY_LIMITS): QualityIssue[] {
  const face = mainFace(observation);
  if (!face) return ['noFace'];
  const issues: QualityIssue[] = [];
  if (observation.faces.some((other) => other !== face && other.box.width > face.box.width * 0.5)) issues.push('manyFaces');
  const faceWidth = (face.right - face.left) / observation.width;
  if (faceWidth < limits.minFaceWidth) issues.push('closer');
  if (faceWidth > limits.maxFaceWidth) issues.push('farther');
  const dx = Math.abs(face.centreX / observation.width - 0.5);
  const dy = Math.abs((face.eyeY + face.chinY) / 2 / observation.height - 0.5);
  if (dx > limits.maxOffCentre || dy > limits.maxOffCentre * 1.5) issues.push('centre');
  if (Math.abs(face.yaw) > limits.maxYaw || Math.abs(face.pitch) > limits.maxPitch || Math.abs(face.roll) > limits.maxRoll) issues.push('lookStraight');
  if (face.eyeOpenness < limits.minEyeOpenness) issues.push('openEyes');
  if (face.sharpness < limits.minSharpness) issues.push('holdStill');
  if (face.brightness < limits.minBrightness) issues.push('tooDark');
  if (face.brightness > limits.maxBrightness) issues.push('tooBright');
  return issues;
}

/** A score for choosing the best frame: sharp and frontal. */
export function frameScore(face: FaceSeen): number {
  return face.sharpness / (1 + Math.abs(face.yaw) / 5 + Math.abs(face.roll) / 5);
}
