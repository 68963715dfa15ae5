import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createFaceEnrolment } from '../../../../electron/host/face/enrol-face';
import type { DetectedFace } from '../../../../face-analysis/human-node';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { encodeJpeg, solid } from './images';

const MA = '410403195806150041'; // resident-long-term's card
const face: DetectedFace = { score: 1, box: { x: 10, y: 10, width: 30, height: 30 }, left: 10, right: 40, eyeY: 20, chinY: 40, foreheadY: 10, centreX: 25, eyeOpenness: 0.3, yaw: 0, embedding: [], real: 0.9, live: 0.9 };

function setup(options: { enabled?: boolean; faces?: number; noSandbox?: boolean } = {}) {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  const references: Uint8Array[] = [];
  const sandbox = createSandboxGateway({
    data: loaded.data,
    latency: { minMs: 0, maxMs: 0 },
    // The matcher says "same" only when the reference it is given is the enrolled photo.
    faceMatcher: {
      matcher: { compare: async (reference) => (references.push(reference), { ok: true, value: { similarity: reference.length > 100 ? 0.99 : 0.1 } }) },
      reference: async () => new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    },
  });
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
  const enrol = createFaceEnrolment({
    sandbox: options.noSandbox ? undefined : sandbox,
    enabled: options.enabled ?? true,
    detectFaces: async () => Array.from({ length: options.faces ?? 1 }, () => face),
    logger,
  });
  return { enrol, sandbox, references, lines };
}

const PHOTO = Buffer.from(encodeJpeg(solid(160, 120, [200, 180, 160]))).toString('base64');

describe('dock.enrolFace: a tester becomes the right face (simulation, sandbox only)', () => {
  it('the enrolled photo becomes the reference the sandbox compares with; before it, the sample photo was', async () => {
    const h = setup();
    const probe = new Uint8Array([1, 2, 3]);
    expect(await h.sandbox.verifyFace({ idNumber: MA, probe })).toEqual({ ok: true, value: { match: false, score: 0.1 } });
    expect(await h.enrol({ sampleCard: 'resident-long-term', photoJpegBase64: PHOTO })).toEqual({ ok: true, value: { outcome: 'enrolled' } });
    expect(await h.sandbox.verifyFace({ idNumber: MA, probe })).toEqual({ ok: true, value: { match: true, score: 0.99 } });
    expect(Buffer.from(h.references.at(-1)!).toString('base64')).toBe(PHOTO);
    // Only the card's name is logged, never the photo.
    expect(h.lines.join('')).toContain('resident-long-term');
    expect(h.lines.join('')).not.toContain(PHOTO.slice(0, 40));
    h.sandbox.clearEnrolments();
    expect(await h.sandbox.verifyFace({ idNumber: MA, probe })).toMatchObject({ ok: true, value: { match: false } });
  });

  it('is refused on a kiosk that is not simulated, or without the sandbox back-end', async () => {
    expect(await setup({ enabled: false }).enrol({ sampleCard: 'resident-long-term', photoJpegBase64: PHOTO })).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: 'dock.enrol.notSimulation' } });
    expect(await setup({ noSandbox: true }).enrol({ sampleCard: 'resident-long-term', photoJpegBase64: PHOTO })).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: 'dock.enrol.notSimulation' } });
  });

  it('refuses an unknown card, an unreadable photo, and a photo without exactly one face', async () => {
    const h = setup();
    expect(await h.enrol({ sampleCard: 'no-such-card', photoJpegBase64: PHOTO })).toMatchObject({ value: { reasonKey: 'dock.enrol.noCard' } });
    expect(await h.enrol({ sampleCard: 'resident-long-term', photoJpegBase64: Buffer.from('not a jpeg at all').toString('base64') })).toMatchObject({ value: { reasonKey: 'dock.enrol.unreadable' } });
    expect(await setup({ faces: 0 }).enrol({ sampleCard: 'resident-long-term', photoJpegBase64: PHOTO })).toMatchObject({ value: { reasonKey: 'dock.enrol.oneFace' } });
    expect(await setup({ faces: 2 }).enrol({ sampleCard: 'resident-long-term', photoJpegBase64: PHOTO })).toMatchObject({ value: { reasonKey: 'dock.enrol.oneFace' } });
  });
});
