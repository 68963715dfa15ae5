/**
 * The liveness challenge as a hostile client sees it: calls sent to the
 * host's dispatcher (the WebSocket's other end), never its handlers. The
 * host asks for frames at moments it chooses and judges them with its own
 * landmark model; nothing the client claims about eyes or head counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type IssuedFaceChallenge, type SessionInfo } from '../../../../electron/contract';
import { KioskConfig } from '../../../../electron/host/config/schema';
import { createHost, type KioskHost } from '../../../../electron/host/create-host';
import type { FaceVerification, GatewayResult } from '../../../../electron/host/gateway/police-gateway';
import { stillFaceFrame } from '../../../e2e/fixtures/face-video';
import { answerRequests, frameOf, livePoses, scriptedDetector, type Call, type CallOutcome } from './face-harness';
import { encodeJpeg } from './images';

const HAN = '410402199001011230';

interface Client {
  call: Call;
  raw(method: string, params: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>;
  advance(ms: number): void;
  compare: ReturnType<typeof vi.fn>;
  /** A session with an identity and biometric consent, and a challenge. */
  begin(): Promise<{ sessionId: string; challenge: IssuedFaceChallenge }>;
  close(): Promise<void>;
}

/** A whole host with a clock the test moves; `real` uses the host's landmark model, else the scripted stand-in. */
async function startClient(detector: 'real' | 'scripted'): Promise<Client> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-liveness-'));
  let clock = Date.parse('2026-05-01T09:00:00.000Z');
  const now = () => new Date(clock);
  const config = KioskConfig.parse({
    simulation: true,
    kioskId: 'T-LV',
    backend: { kind: 'sandbox', latency: { minMs: 0, maxMs: 0 } },
    devices: { idcard: { simulator: { paceBaud: 0 } }, receiptPrinter: { statusPollMs: 200 } },
  });
  const logger = pino({ level: 'silent' });
  // The back-end would say "same person" to anything: only the liveness gate stands in the way.
  const compare = vi.fn(async (): Promise<GatewayResult<FaceVerification>> => ({ ok: true, value: { match: true, score: 0.93 } }));
  const host: KioskHost = createHost(config, { logger, dataDir, printing: { simulator: { msPerPage: 0, startDelayMs: 0 } }, now, face: { verifyFace: compare, ...(detector === 'scripted' ? { detectFaces: scriptedDetector } : {}) } });
  await host.start();
  let n = 0;
  const raw = async (method: string, params: unknown) => (await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: `h${++n}`, method, params })) as { ok: boolean; result?: unknown; error?: { code: string; messageKey: string } };
  const call: Call = async (method, params) => {
    const reply = await raw(method, params);
    return (reply.ok ? { ok: true, value: reply.result } : { ok: false, error: reply.error }) as never;
  };
  const must = async <T>(method: string, params: unknown): Promise<T> => {
    const reply = await raw(method, params);
    if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    return reply.result as T;
  };
  return {
    call,
    raw,
    compare,
    advance: (ms) => void (clock += ms),
    async begin() {
      const open = await must<{ session: SessionInfo | null }>('session.current', {});
      if (open.session) await must('session.end', { sessionId: open.session.sessionId, reason: 'finished' });
      const { sessionId } = await must<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
      await must('identity.typed', { sessionId, idNumber: HAN });
      await must('consent.record', { sessionId, kind: 'biometric', granted: true });
      return { sessionId, challenge: await must<IssuedFaceChallenge>('face.challenge', { sessionId }) };
    },
    async close() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const noAction = /^face\.refused\.no(Blink|Turn)$/;

describe('liveness through the contract, as a hostile client', () => {
  let scripted: Client;
  beforeAll(async () => {
    scripted = await startClient('scripted');
  }, 60_000);
  afterAll(async () => {
    await scripted?.close();
  });

  it('control: a citizen whose frames show the blink and the turn passes', async () => {
    const { sessionId, challenge } = await scripted.begin();
    await answerRequests(scripted.call, scripted.advance, sessionId, challenge, livePoses(challenge.actions));
    expect(await scripted.call('face.verify', { sessionId, challengeId: challenge.challengeId })).toMatchObject({ ok: true, value: { outcome: 'match' } });
  });

  it('made-up numbers are no evidence: the contract has no place for them, and still frames fail', async () => {
    const { sessionId, challenge } = await scripted.begin();
    const issued = Date.parse(challenge.issuedAt);
    const madeUp = {
      challengeId: challenge.challengeId,
      steps: challenge.actions.map((action, i) => ({ action, startedAt: issued + 500 + i * 3000, completedAt: issued + 2000 + i * 3000, measure: action === 'blink' ? 0.02 : action === 'turnLeft' ? 30 : -30, baseline: action === 'blink' ? 0.32 : 0 })),
      antispoof: 0.99,
      liveness: 0.99,
      frames: 90,
    };
    expect(await scripted.raw('face.verify', { sessionId, frames: [frameOf('open')], evidence: madeUp })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    expect(await scripted.raw('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: challenge.frameRequest.nonce, jpeg: frameOf('open'), eyeOpenness: 0.02, yaw: 30 })).toMatchObject({ ok: false, error: { code: 'invalidParams' } });
    const answered = await answerRequests(scripted.call, scripted.advance, sessionId, challenge, ['open']);
    expect(answered.actionsSeen).toBe(0);
    const verdict = await scripted.call('face.verify', { sessionId, challengeId: challenge.challengeId });
    expect(verdict).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: expect.stringMatching(noAction) } });
  });

  it('a frame with a wrong nonce, a nonce used twice, or a frame before its moment voids the challenge', async () => {
    for (const cheat of ['wrongNonce', 'sameNonceTwice', 'early'] as const) {
      const { sessionId, challenge } = await scripted.begin();
      const { nonce, inMs } = challenge.frameRequest;
      const frame = (n: string) => scripted.call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: n, jpeg: frameOf('open') });
      if (cheat === 'early') {
        scripted.advance(Math.max(0, inMs - 50));
        expect(await frame(nonce)).toEqual({ ok: true, value: { accepted: false, actionsSeen: 0, next: null } });
      } else {
        scripted.advance(inMs + 10);
        if (cheat === 'wrongNonce') expect(await frame('0123456789abcdef0123456789abcdef')).toEqual({ ok: true, value: { accepted: false, actionsSeen: 0, next: null } });
        else {
          expect(await frame(nonce)).toMatchObject({ ok: true, value: { accepted: true } });
          expect(await frame(nonce)).toMatchObject({ ok: true, value: { accepted: false, next: null } });
        }
      }
      expect(await scripted.call('face.verify', { sessionId, challengeId: challenge.challengeId }), cheat).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.framesNotRequested' } });
    }
    expect(scripted.compare).toHaveBeenCalledTimes(1);
  });

  it('late frames are not evidence, and too few frames fail', async () => {
    const { sessionId, challenge } = await scripted.begin();
    scripted.advance(challenge.frameRequest.inMs + 5_000);
    const late = await scripted.call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: challenge.frameRequest.nonce, jpeg: frameOf('closed') });
    expect(late).toMatchObject({ ok: true, value: { accepted: false, actionsSeen: 0 } });
    if (!late.ok || !late.value.next) throw new Error('the host asks again after a late frame');
    await answerRequests(scripted.call, scripted.advance, sessionId, { ...challenge, frameRequest: late.value.next }, ['open'], 2);
    expect(await scripted.call('face.verify', { sessionId, challengeId: challenge.challengeId })).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: 'face.refused.tooFewFrames' } });
  });
});

describe('liveness through the contract, with the host\'s own landmark model', () => {
  let real: Client;
  beforeAll(async () => {
    real = await startClient('real');
  }, 60_000);
  afterAll(async () => {
    await real?.close();
  });

  it('a replayed still (the same camera frame answering every request) never passes', async () => {
    const still = Buffer.from(encodeJpeg(stillFaceFrame(), 85)).toString('base64');
    const { sessionId, challenge } = await real.begin();
    let request: IssuedFaceChallenge['frameRequest'] | null = challenge.frameRequest;
    let accepted = 0;
    for (let i = 0; i < 8 && request; i++) {
      real.advance(request.inMs + 20);
      const answer: CallOutcome<'face.frame'> = await real.call('face.frame', { sessionId, challengeId: challenge.challengeId, nonce: request.nonce, jpeg: still });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      expect(answer.value.actionsSeen).toBe(0);
      if (answer.value.accepted) accepted++;
      request = answer.value.next;
    }
    expect(accepted).toBe(8);
    const verdict = await real.call('face.verify', { sessionId, challengeId: challenge.challengeId });
    expect(verdict).toMatchObject({ ok: true, value: { outcome: 'refused', reasonKey: expect.stringMatching(noAction) } });
    expect(real.compare).not.toHaveBeenCalled();
  }, 120_000);
});
