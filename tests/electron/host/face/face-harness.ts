/**
 * Test helpers for the face check: frames whose content a scripted landmark
 * stand-in reads (open eyes, closed eyes, head turned), a citizen answering
 * the host's frame requests, and a face module over a real journal (SQLite
 * file, keyed identity hash) driven through its handlers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { CallName, CallParams, CallResult, ChallengeAction, FaceVerifyResult, IssuedFaceChallenge, KioskError } from '../../../../electron/contract';
import { KioskConfig, type KioskConfigInput } from '../../../../electron/host/config/schema';
import { createFaceHandlers } from '../../../../electron/host/face/handlers';
import type { DetectedFace } from '../../../../face-analysis/human-node';
import { createFaceLockout } from '../../../../electron/host/face/lockout';
import type { FaceVerification, GatewayResult } from '../../../../electron/host/gateway/police-gateway';
import { createFaceFailureLog } from '../../../../electron/host/journal/face-failures-repo';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { IDENTITY_KEY_FILE, identityHash, loadIdentityKey } from '../../../../electron/host/journal/transactions-key';
import { createLogger } from '../../../../electron/host/log/logger';
import type { RgbaImage } from '../../../../face-analysis/decode-jpeg';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { createSessionStore, type SessionStore } from '../../../../electron/host/session/session-store';
import { encodeJpeg, solid } from './images';

/** What a frame shows: the scripted detector reads it back from the frame's colour. */
export type Pose = 'open' | 'closed' | 'left' | 'right' | 'nobody';
const POSE_RED: Record<Pose, number> = { open: 40, closed: 90, left: 140, right: 190, nobody: 240 };
const POSE_MEASURES: Record<Exclude<Pose, 'nobody'>, { eyeOpenness: number; yaw: number }> = {
  open: { eyeOpenness: 0.3, yaw: 1 },
  closed: { eyeOpenness: 0.05, yaw: 1 },
  left: { eyeOpenness: 0.28, yaw: 28 },
  right: { eyeOpenness: 0.28, yaw: -28 },
};

const frames = new Map<Pose, string>();

/** A small JPEG showing `pose` (base64); encoded once per pose (jpeg-js is slow to start an encoder). */
export function frameOf(pose: Pose): string {
  let frame = frames.get(pose);
  if (!frame) {
    frame = Buffer.from(encodeJpeg(solid(64, 48, [POSE_RED[pose], 120, 120]))).toString('base64');
    frames.set(pose, frame);
  }
  return frame;
}

/** The landmark model's stand-in: one face whose measures the frame's colour names (none for `nobody`). */
export async function scriptedDetector(image: RgbaImage): Promise<DetectedFace[]> {
  const red = image.data[0]!;
  const pose = (Object.entries(POSE_RED) as Array<[Pose, number]>).reduce((best, entry) => (Math.abs(entry[1] - red) < Math.abs(POSE_RED[best] - red) ? entry[0] : best), 'open' as Pose);
  if (pose === 'nobody') return [];
  return [{ score: 1, box: { x: 10, y: 10, width: 30, height: 30 }, left: 10, right: 40, eyeY: 20, chinY: 40, foreheadY: 10, centreX: 25, embedding: [], real: 0.9, live: 0.95, ...POSE_MEASURES[pose] }];
}

/** The poses of a live citizen doing `actions`: facing the camera, each action, back to the front. */
export function livePoses(actions: readonly ChallengeAction[]): Pose[] {
  const act: Record<ChallengeAction, Pose[]> = { blink: ['closed', 'open'], turnLeft: ['left', 'open'], turnRight: ['right', 'open'] };
  return ['open', 'open', ...actions.flatMap((action) => act[action]), 'open', 'open'];
}

/** A call as the renderer makes it (handlers or the dispatcher). */
export type CallOutcome<M extends CallName> = { ok: true; value: CallResult<M> } | { ok: false; error: KioskError };
export type Call = <M extends CallName>(method: M, params: CallParams<M>) => Promise<CallOutcome<M>>;

/** Answers the host's frame requests on time, one pose per request (the last pose repeats), until the host wants no more or `maxFrames`. */
export async function answerRequests(call: Call, advance: (ms: number) => void, sessionId: string, challenge: IssuedFaceChallenge, poses: readonly Pose[], maxFrames = 40): Promise<{ frames: number; actionsSeen: number; sent: string[] }> {
  let request: IssuedFaceChallenge['frameRequest'] | null = challenge.frameRequest;
  let frames = 0;
  let actionsSeen = 0;
  const sent: string[] = [];
  while (request && frames < maxFrames) {
    advance(request.inMs + 20);
    const jpeg = frameOf(poses[Math.min(frames, poses.length - 1)]!);
    sent.push(jpeg);
    const answer: CallOutcome<'face.frame'> = await call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: request.nonce, jpeg });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    frames++;
    actionsSeen = answer.value.actionsSeen;
    request = answer.value.next;
  }
  return { frames, actionsSeen, sent };
}

export interface FaceHost {
  dataDir: string;
  journal: Journal;
  handlers: ReturnType<typeof createFaceHandlers>;
  sessions: SessionStore;
  call: Call;
  compare: ReturnType<typeof vi.fn>;
  advance(ms: number): void;
  /** Starts a session for `idNumber` with biometric consent. */
  session(idNumber: string): Promise<string>;
  /** A new challenge. */
  challenge(sessionId: string): Promise<IssuedFaceChallenge>;
  /** One face check of a live citizen in a session (the back-end answers `similarity`). */
  check(sessionId: string): Promise<FaceVerifyResult>;
  close(): void;
}

/** Opens (or reopens, with `dataDir`) a face module over a journal in a data folder. */
export function startFaceHost(options: { dataDir?: string; similarity?: number; configInput?: KioskConfigInput['face']; startMs?: number; simulation?: boolean; gateway?: 'noReference' | 'down' } = {}): FaceHost {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'onedoor-face-'));
  let clock = options.startMs ?? Date.parse('2026-05-01T09:00:00.000Z');
  const now = () => new Date(clock);
  const advance = (ms: number) => void (clock += ms);
  // Parsed as a simulated kiosk's config; the handlers' own `simulation` input is tested apart (defence in depth).
  const config = KioskConfig.parse({ simulation: true, face: options.configInput ?? {} });
  const opened = openJournal(join(dataDir, 'journal.sqlite'), { now });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const journal = opened.value;
  const key = loadIdentityKey(join(dataDir, IDENTITY_KEY_FILE));
  if (!key.ok) throw new Error(key.error.kind);
  const sessions = createSessionStore({ now });
  // The back-end's comparison: "same person" at or above 0.6, as the sandbox's default threshold.
  const compare = vi.fn(async (_request: { idNumber: string; probe: Uint8Array }): Promise<GatewayResult<FaceVerification>> => {
    if (options.gateway === 'noReference') return { ok: false, error: { kind: 'notFound' } };
    if (options.gateway === 'down') return { ok: false, error: { kind: 'unavailable', status: 503 } };
    const score = options.similarity ?? 0.2;
    return { ok: true, value: { match: score >= 0.6, score } };
  });
  const lockout = createFaceLockout(createFaceFailureLog(journal.db, (id) => identityHash(key.value, id)), { maxFailures: config.face.lockoutFailures, windowMs: config.face.lockoutWindowHours * 3_600_000 }, now);
  const handlers = createFaceHandlers({ config, sessions, logger: createLogger('silent'), now, simulation: options.simulation ?? true, verifyFace: compare, detectFaces: scriptedDetector, lockout });
  const call: Call = async (method, params) => (await (handlers as unknown as Record<string, (p: unknown) => unknown>)[method]!(params)) as never;
  const challenge = async (sessionId: string) => {
    const issued = await handlers['face.challenge']({ sessionId });
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    return issued.value;
  };
  return {
    dataDir,
    journal,
    handlers,
    sessions,
    call,
    compare,
    advance,
    async session(idNumber) {
      const open = sessions.current();
      if (open) sessions.end(open.sessionId, 'finished');
      const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped(idNumber, now()) });
      if (!started.ok) throw new Error('no session');
      // As a flow does when it leaves identify: a real kiosk checks faces only on a fixed identity.
      sessions.fixIdentity(started.value.sessionId);
      await handlers['consent.record']({ sessionId: started.value.sessionId, kind: 'biometric', granted: true });
      return started.value.sessionId;
    },
    challenge,
    async check(sessionId) {
      const issued = await challenge(sessionId);
      await answerRequests(call, advance, sessionId, issued, livePoses(issued.actions));
      const result = await handlers['face.verify']({ sessionId, challengeId: issued.challengeId });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    },
    close: () => journal.close(),
  };
}
