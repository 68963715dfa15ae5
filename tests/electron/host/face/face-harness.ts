/**
 * A face module over a real journal (SQLite file, keyed identity hash) as the
 * host composes it, driven through its handlers as the renderer would; the
 * back-end's comparison and the landmark model are stand-ins.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ChallengeAction, FaceChallenge, FaceVerifyResult, LivenessEvidence } from '../../../../electron/contract';
import { KioskConfig, type KioskConfigInput } from '../../../../electron/host/config/schema';
import { createFaceHandlers } from '../../../../electron/host/face/handlers';
import type { DetectedFace } from '../../../../electron/host/face/human-node';
import { createFaceLockout } from '../../../../electron/host/face/lockout';
import type { FaceVerification, GatewayResult } from '../../../../electron/host/gateway/police-gateway';
import { createFaceFailureLog } from '../../../../electron/host/journal/face-failures-repo';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { IDENTITY_KEY_FILE, identityHash, loadIdentityKey } from '../../../../electron/host/journal/transactions-key';
import { createLogger } from '../../../../electron/host/log/logger';
import { identityFromTyped } from '../../../../electron/host/session/identity';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import { encodeJpeg, solid } from './images';

export const FRAME = Buffer.from(encodeJpeg(solid(64, 48, [200, 180, 160]))).toString('base64');
const liveFace: DetectedFace = { score: 1, box: { x: 10, y: 10, width: 30, height: 30 }, left: 10, right: 40, eyeY: 20, chinY: 40, foreheadY: 10, centreX: 25, embedding: [], real: 0.9, live: 0.95 };

export interface FaceHost {
  dataDir: string;
  journal: Journal;
  handlers: ReturnType<typeof createFaceHandlers>;
  compare: ReturnType<typeof vi.fn>;
  advance(ms: number): void;
  /** Starts a session for `idNumber` with biometric consent. */
  session(idNumber: string): Promise<string>;
  /** One face check in a session (a live citizen; the back-end answers `similarity`). */
  check(sessionId: string): Promise<FaceVerifyResult>;
  close(): void;
}

/** Opens (or reopens, with `dataDir`) a face module over a journal in a data folder. */
export function startFaceHost(options: { dataDir?: string; similarity?: number; configInput?: KioskConfigInput['face']; startMs?: number } = {}): FaceHost {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'onedoor-face-'));
  let clock = options.startMs ?? Date.parse('2026-05-01T09:00:00.000Z');
  const now = () => new Date(clock);
  const config = KioskConfig.parse({ face: options.configInput ?? {} });
  const opened = openJournal(join(dataDir, 'journal.sqlite'), { now });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const journal = opened.value;
  const key = loadIdentityKey(join(dataDir, IDENTITY_KEY_FILE));
  if (!key.ok) throw new Error(key.error.kind);
  const sessions = createSessionStore({ now });
  const compare = vi.fn(async (_request: { idNumber: string; probe: Uint8Array }): Promise<GatewayResult<FaceVerification>> => {
    const score = options.similarity ?? 0.2;
    return { ok: true, value: { match: score >= 0.6, score } };
  });
  const lockout = createFaceLockout(createFaceFailureLog(journal.db, (id) => identityHash(key.key, id)), { maxFailures: config.face.lockoutFailures, windowMs: config.face.lockoutWindowHours * 3_600_000 }, now);
  const handlers = createFaceHandlers({ config, sessions, logger: createLogger('silent'), now, simulation: true, verifyFace: compare, detectFaces: async () => [liveFace], lockout });
  return {
    dataDir,
    journal,
    handlers,
    compare,
    advance: (ms) => (clock += ms),
    async session(idNumber) {
      const open = sessions.current();
      if (open) sessions.end(open.sessionId, 'finished');
      const started = sessions.start({ language: 'zh-CN', elderMode: false, identity: identityFromTyped(idNumber, now()) });
      if (!started.ok) throw new Error('no session');
      await handlers['consent.record']({ sessionId: started.session.sessionId, kind: 'biometric', granted: true });
      return started.session.sessionId;
    },
    async check(sessionId) {
      const challenge = await handlers['face.challenge']({ sessionId });
      if (!challenge.ok) throw new Error('no challenge');
      clock += 8_000;
      const result = await handlers['face.verify']({ sessionId, frames: [FRAME], evidence: goodEvidence(challenge.value) });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    },
    close: () => journal.close(),
  };
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
