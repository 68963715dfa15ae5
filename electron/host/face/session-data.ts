/**
 * What the face and photo steps keep in `session.data`: typed
 * accessors over the session's Map, so everything is wiped with the session.
 */
import type { ConsentKind, PhotoSpecId } from '../../contract';
import type { ActiveSession } from '../session/session-store';
import type { LivenessRun } from '../../../domain/face/liveness-run';

/** A recorded consent. */
export interface ConsentRecord {
  granted: boolean;
  recordedAt: string;
}

/** A checked standard photo. */
export interface PhotoCandidate {
  candidateId: string;
  jpeg: Uint8Array;
  passed: boolean;
  /** Where it came from: taken at the kiosk (default) or fetched by a photo studio's receipt code (not a take). */
  source?: 'kiosk' | 'studio';
}

/** The face check's outcome as the session (and later the flow) sees it: no image. */
export interface FaceCheckOutcome {
  verified: boolean;
  similarity: number | null;
  at: string;
}

const key = {
  consent: (kind: ConsentKind) => `consent.${kind}`,
  run: 'face.livenessRun',
  attempts: 'face.failedAttempts',
  probe: 'face.probe',
  outcome: 'face.outcome',
  candidates: (spec: PhotoSpecId) => `photo.candidates.${spec}`,
  chosen: (spec: PhotoSpecId) => `photo.chosen.${spec}`,
} as const;

/** Typed access to one session's face/photo data (document pages: capture/documents/session-pages.ts). */
export function faceData(session: ActiveSession) {
  const data = session.data;
  return {
    consent: (kind: ConsentKind) => data.get(key.consent(kind)) as ConsentRecord | undefined,
    setConsent: (kind: ConsentKind, record: ConsentRecord) => data.set(key.consent(kind), record),
    /** The current challenge with the frames the host asked for (a new challenge replaces it). */
    run: () => data.get(key.run) as LivenessRun | undefined,
    setRun: (run: LivenessRun) => data.set(key.run, run),
    /** Takes the run: each challenge is good for one verification only. */
    takeRun: () => {
      const run = data.get(key.run) as LivenessRun | undefined;
      data.delete(key.run);
      return run;
    },
    failedAttempts: () => (data.get(key.attempts) as number | undefined) ?? 0,
    addFailedAttempt: () => data.set(key.attempts, ((data.get(key.attempts) as number | undefined) ?? 0) + 1),
    /** The last probe frame (one the host asked for), held only for the session (e.g. for the application's record). */
    setProbe: (jpeg: Uint8Array) => data.set(key.probe, jpeg),
    probe: () => data.get(key.probe) as Uint8Array | undefined,
    outcome: () => data.get(key.outcome) as FaceCheckOutcome | undefined,
    setOutcome: (outcome: FaceCheckOutcome) => data.set(key.outcome, outcome),
    candidates: (spec: PhotoSpecId) => (data.get(key.candidates(spec)) as PhotoCandidate[] | undefined) ?? [],
    addCandidate: (spec: PhotoSpecId, candidate: PhotoCandidate) => data.set(key.candidates(spec), [...((data.get(key.candidates(spec)) as PhotoCandidate[] | undefined) ?? []), candidate]),
    chosen: (spec: PhotoSpecId) => data.get(key.chosen(spec)) as PhotoCandidate | undefined,
    choose: (spec: PhotoSpecId, candidate: PhotoCandidate) => data.set(key.chosen(spec), candidate),
  };
}
