/**
 * The application builder's attachments: the capture steps a run passed
 * declare their pieces, the session desk fetches the bytes the citizen's
 * session holds and checks them against the hashes the flow recorded; a
 * piece that is gone or differs stops the application rather than send less.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionPages } from '../../../../../electron/host/capture/documents/session-pages';
import { faceData } from '../../../../../electron/host/face/session-data';
import { sessionFingerprints } from '../../../../../electron/host/flows/fingerprint-to-flow';
import { applicationOf, attachmentSteps, documentCaptureStep, fingerprintsStep, FlowPlanError, initialContext, photoStep, signatureStep, type FlowContext, type FlowKit } from '../../../../../electron/host/flows/library';
import { createSessionAttachments } from '../../../../../electron/host/flows/session-attachments';
import { createSessionStore } from '../../../../../electron/host/session/session-store';
import { simulatedTemplate } from '../../../../../drivers/fingerprint/sim-template';
import { checkSignature } from '../../../../../electron/host/flows/library/signature-check';
import { writtenName } from './signatures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const steps = [
  documentCaptureStep({ id: 'papers', labelKey: 'l', titleKey: 't', documents: [{ value: 'lease', labelKey: 'l', minPages: 1, maxPages: 2 }] }),
  photoStep({ id: 'photo', labelKey: 'l', titleKey: 't', spec: 'residentId', maxTakes: 3 }),
  fingerprintsStep({ id: 'prints', labelKey: 'l' }),
  signatureStep({ id: 'sign', labelKey: 'l', titleKey: 't', documentKey: 'svc.x.sign.document' }),
];

/** A session holding what a citizen captured, and a run's context that passed every capture step. */
function captured() {
  const sessions = createSessionStore();
  const started = sessions.start({ language: 'zh-CN', elderMode: false });
  if (!started.ok) throw new Error('no session');
  const session = sessions.get(started.value.sessionId)!;
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  faceData(session).addCandidate('residentId', { candidateId: 'c1', jpeg, passed: true });
  const template = simulatedTemplate('someone', 11, 80);
  sessionFingerprints(session).push({ stepId: 'prints', finger: 11, quality: 80, template });
  const pdf = new Uint8Array(Buffer.from('%PDF-1.7 lease'));
  sessionPages(session).setPdf('papers', 'lease', pdf);
  const signed = checkSignature(writtenName());
  if (!signed.ok) throw new Error(signed.error);
  const context: FlowContext = {
    ...initialContext({ sessionId: started.value.sessionId, flowId: 'f-1', identity: null }),
    passed: ['papers', 'photo', 'prints', 'sign'],
    facts: {
      papers: { pages: { lease: [] }, problemKey: null, papers: [{ value: 'lease', pages: 1, sha256: sha256(pdf) }] },
      photo: { spec: 'residentId', candidateId: 'c1', sha256: sha256(jpeg) },
      prints: { prints: [{ finger: 11, quality: 80, templateSha256: sha256(template) }], exemptions: [{ finger: 16, reason: 'missing' }] },
      sign: { kind: 'signed', documentKey: 'svc.x.sign.document', signature: signed.value.signature, signedAt: '2026-12-01T02:00:00.000Z', sha256: signed.value.sha256 },
    },
  };
  return { sessions, session, context, jpeg, template, pdf, signed: signed.value, desk: createSessionAttachments(sessions, 'HB-KIOSK-07') };
}

describe('an application’s attachments', () => {
  it('carries each capture step’s content from the session, with the hash the flow recorded', () => {
    const { context, desk, jpeg, template, pdf, signed } = captured();
    const application = applicationOf(context, 'svc', { kind: 'x' }, steps, desk);
    expect(application).toEqual({
      serviceId: 'svc',
      payload: { kind: 'x' },
      attachments: {
        papers: [{ step: 'papers', paper: 'lease', pages: 1, pdfBase64: Buffer.from(pdf).toString('base64'), sha256: sha256(pdf) }],
        photo: { step: 'photo', spec: 'residentId', jpegBase64: Buffer.from(jpeg).toString('base64'), sha256: sha256(jpeg) },
        fingerprints: { step: 'prints', prints: [{ finger: 11, quality: 80, templateBase64: Buffer.from(template).toString('base64'), sha256: sha256(template) }], exemptions: [{ finger: 16, reason: 'missing' }] },
        signature: { step: 'sign', documentKey: 'svc.x.sign.document', strokes: signed.signature, signedAt: '2026-12-01T02:00:00.000Z', kioskId: 'HB-KIOSK-07', sha256: signed.sha256 },
      },
    });
  });

  it('leaves out what the run did not pass (a step not reached, skipped), and has no attachments when there is nothing', () => {
    const { context, desk } = captured();
    const partial = applicationOf({ ...context, passed: ['photo'] }, 'svc', {}, steps, desk);
    expect(Object.keys(partial.attachments ?? {})).toEqual(['photo']);
    // A step the run skipped is passed with no fact.
    const skipped = applicationOf({ ...context, passed: ['prints'], facts: {} }, 'svc', {}, steps, desk);
    expect(skipped).toEqual({ serviceId: 'svc', payload: {} });
  });

  it('refuses to write the application when a piece is gone or differs from what the citizen accepted', () => {
    const { context, desk, session, sessions } = captured();
    faceData(session).candidates('residentId')[0]!.jpeg[4] = 9;
    expect(() => applicationOf(context, 'svc', {}, steps, desk)).toThrow('photo: the chosen photo is not in the session');
    const other = captured();
    sessionPages(other.session).wipe();
    expect(() => applicationOf(other.context, 'svc', {}, steps, other.desk)).toThrow('papers: the PDF of lease is not in the session');
    sessions.endAny('finished');
    expect(() => applicationOf(context, 'svc', {}, steps, desk)).toThrow('no session');
  });

  it('a plan is checked when built: two photo steps before an application, or no desk on the kit, are errors', () => {
    const kit = { attachments: captured().desk } as unknown as FlowKit;
    expect(attachmentSteps({ id: 'pay', earlier: steps, kit }).map((step) => step.id)).toEqual(['papers', 'photo', 'prints', 'sign']);
    const twice = [...steps, photoStep({ id: 'photo2', labelKey: 'l', titleKey: 't', spec: 'exitEntry', maxTakes: 3 })];
    expect(() => attachmentSteps({ id: 'pay', earlier: twice, kit })).toThrow(FlowPlanError);
    expect(() => attachmentSteps({ id: 'pay', earlier: steps, kit: {} as FlowKit })).toThrow(FlowPlanError);
    expect(attachmentSteps({ id: 'pay', earlier: [], kit: {} as FlowKit })).toEqual([]);
  });
});
