/** 1:1 face comparison, as the host and the sandbox gateway ask for it. */
import type { Result } from './result';

/** Compares a reference photo (e.g. the identity's card or registry photo) with a probe (the live frame), both JPEG. */
export interface FaceMatcher {
  compare(reference: Uint8Array, probe: Uint8Array): Promise<Result<{ similarity: number }>>;
}

/**
 * Failure reasons `compare` may give: `referenceUnreadable`, `probeUnreadable`
 * (not a readable JPEG), `noFaceInReference`, `noFaceInProbe`, `severalFacesInProbe`.
 */
export type FaceMatchFailure = 'referenceUnreadable' | 'probeUnreadable' | 'noFaceInReference' | 'noFaceInProbe' | 'severalFacesInProbe';
