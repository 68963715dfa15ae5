/**
 * 居住证申领 over the sandbox back-end (clock KIT_NOW, 2026-12-01): the
 * back-end says who may apply before anything is photographed; every
 * refusal goes to the counter with why and what to do; 黄志强 (registered
 * eight months) chooses his condition and proof, photographs its pages,
 * takes a photo, gives his address and phone, checks, signs, and leaves
 * with the 居住证领证回执 (masked, the 受理编号 as a CODE128 barcode, the
 * 15-day date, free). The application carries the papers' PDF hashes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import { papersFor, proofsFor, routeEligibility } from '../../../../../electron/host/services/residence-permit/flow';
import { sandboxEligibility } from '../../../../../electron/host/services/residence-permit/backend';
import residencePermit from '../../../../../electron/host/services/residence-permit';
import endorsementSandbox from '../../../../../electron/host/services/residence-permit-endorsement/sandbox.json' with { type: 'json' };
import permitSandbox from '../../../../../electron/host/services/residence-permit/sandbox.json' with { type: 'json' };
import { card, sandboxCitizens, startService, typed, type FlowRun, type sandboxGateway } from '../flow-kit';
import { writtenName } from '../../flows/library/signatures';

const HUANG = '420106199002120034';
const WU = '420106198807180013';
const ZHOU = '32010219920308005X';
const CHEN = '410402199001011230';
const CHAN_HK = '810000199507200020';
const STRANGER = '410404197001010098';
const CONTACT = { address: { province: '410000', city: '410400', county: '410402', detail: '建设路8号3单元201' }, phone: '13912345678' };

const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(identity: Identity, settings?: unknown): FlowRun {
  const run = startService(residencePermit, identity, settings === undefined ? {} : { settings });
  running.push(run);
  return run;
}

/** From the basis choice to the review: housing, a two-page lease, a studio photo, the contact form. */
async function toReview(run: FlowRun): Promise<FlowView> {
  const proof = await run.step({ type: 'CHOOSE', value: 'housing' });
  expect(proof.data).toMatchObject({ step: 'choice', options: [{ value: 'lease' }, { value: 'deed' }, { value: 'purchase' }, { value: 'lodging' }] });
  const papers = await run.step({ type: 'CHOOSE', value: 'lease' });
  expect(papers.data).toMatchObject({ step: 'documentCapture', papers: [{ value: 'lease', labelKey: 'svc.residence-permit.papers.lease', minPages: 1, maxPages: 8 }] });
  expect(await run.acceptPage('papers', 'lease')).toBe(true);
  expect(await run.acceptPage('papers', 'lease')).toBe(true);
  const photo = await run.step({ type: 'CONFIRM' });
  expect(photo.data).toMatchObject({ step: 'photo', spec: 'residentId', studioReceipt: true });
  expect(await run.photo('residentId')).toBe(true);
  const form = await run.settled();
  expect(form.stepId).toBe('contact');
  // A number that is not a mobile number stays on the form with its error.
  const wrong = await run.step({ type: 'SUBMIT_FORM', values: { ...CONTACT, phone: '12345' } as never });
  expect(wrong.stepId).toBe('contact');
  expect(wrong.data.step === 'form' && wrong.data.errors).toMatchObject({ phone: expect.stringMatching(/^flow\.form\.error\./) });
  return run.step({ type: 'SUBMIT_FORM', values: CONTACT as never });
}

describe('residence-permit: who may apply (the back-end decides first)', () => {
  it.each([
    ['吴磊 (typed, registered three months): tooShort with the day he may apply', typed(WU), 'svc.residence-permit.counter.tooShort', { registeredSince: '2026-09-01', applyFrom: '2027-03-01' }],
    ['周明轩 (typed, holds a 居住证 here): alreadyHeld, endorse instead', typed(ZHOU), 'svc.residence-permit.counter.alreadyHeld', undefined],
    ['陈思远 (card, 户籍 here): localResident', card(CHEN), 'svc.residence-permit.counter.localResident', undefined],
    ['陈嘉欣 (card, no 居住登记 here): notRegistered', card(CHAN_HK), 'svc.residence-permit.counter.notRegistered', undefined],
    ['a number the back-end does not know: notFound', typed(STRANGER), 'svc.residence-permit.counter.notFound', undefined],
  ])('%s: the counter, a ticket for window 1, nothing photographed', async (_label, identity, reasonKey, reasonParams) => {
    const run = start(identity);
    const counter = await run.verify();
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey, window: '1号窗口', ticket: { state: 'printed' } });
    if (reasonParams) expect(counter.data).toMatchObject({ reasonParams });
    expect(run.slips.tickets).toHaveLength(1);
    expect(run.slips.infoSlips).toEqual([]);
  });

  it('an application in progress: the counter says since when (the rule is fed directly; no sandbox person has one)', () => {
    expect(routeEligibility({ ok: true, value: { status: 'inProgress', appliedOn: '2026-11-20' } })).toEqual({ to: 'counter', reasonKey: 'svc.residence-permit.counter.inProgress', reasonParams: { appliedOn: '2026-11-20' } });
    expect(routeEligibility({ ok: false, error: { kind: 'timeout' } })).toEqual({ to: 'retry' });
  });

  it('the sandbox: everyone holding a permit in the endorsement service is alreadyHeld here, with the same number', () => {
    const citizens = sandboxCitizens().citizens;
    const world = { citizen: (id: string) => citizens[id], now: () => new Date('2026-12-01T02:00:00Z'), today: () => '2026-12-01', issuingOffice: '' };
    for (const [idNumber, permit] of Object.entries(endorsementSandbox.permits)) {
      expect(permitSandbox.permits[idNumber as keyof typeof permitSandbox.permits]).toBe(permit.permitNumber);
      expect(sandboxEligibility(idNumber, world as never)).toEqual({ ok: true, value: { status: 'alreadyHeld', permitNumber: permit.permitNumber } });
    }
    expect(sandboxEligibility(HUANG, world as never)).toEqual({ ok: true, value: { status: 'eligible', name: '黄志强', registeredSince: '2026-04-01', issuedBy: '2026-12-16' } });
  });
});

describe('residence-permit: the proofs follow the condition chosen', () => {
  it('each condition offers the proofs art. 9 names, and the camera asks for that one paper only', () => {
    expect(proofsFor('work').map((o) => o.value)).toEqual(['labourContract', 'businessLicence', 'employmentCertificate']);
    expect(proofsFor('study').map((o) => o.value)).toEqual(['studentCard', 'enrolmentCertificate']);
    expect(papersFor('study', 'studentCard')).toEqual([{ value: 'studentCard', labelKey: 'svc.residence-permit.papers.studentCard', minPages: 1, maxPages: 2 }]);
  });

  it('BACK from the papers to another condition: its proofs are offered, not the first one’s', async () => {
    const run = start(typed(HUANG));
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'work' });
    await run.step({ type: 'CHOOSE', value: 'labourContract' });
    await run.step({ type: 'BACK' });
    const again = await run.step({ type: 'BACK' });
    expect(again.stepId).toBe('basis');
    const proofs = await run.step({ type: 'CHOOSE', value: 'study' });
    expect(proofs.data).toMatchObject({ step: 'choice', options: [{ value: 'studentCard' }, { value: 'enrolmentCertificate' }] });
    expect(run.send({ type: 'CHOOSE', value: 'labourContract' })).toBe(false);
  });
});

describe('residence-permit: the photo standard is a site setting', () => {
  it('the ID card standard by default; a city with its own names another; an unknown one stops the host', async () => {
    const run = start(typed(HUANG), { photoSpec: 'exitEntry' });
    await run.verify();
    await run.step({ type: 'CHOOSE', value: 'study' });
    await run.step({ type: 'CHOOSE', value: 'studentCard' });
    expect(await run.acceptPage('papers', 'studentCard')).toBe(true);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'photo', spec: 'exitEntry' });
    expect(() => residencePermit.settings!.parse({ photoSpec: 'passport' })).toThrow();
    expect(residencePermit.settings!.parse(undefined)).toEqual({ photoSpec: 'residentId' });
  });
});

describe('residence-permit: 黄志强 applies', () => {
  it('typed: condition, proof pages, photo, address and phone, review, signature → submitted free → the 领证回执', async () => {
    const run = start(typed(HUANG));
    const basis = await run.verify();
    expect(basis).toMatchObject({ stepId: 'basis', data: { step: 'choice', options: [{ value: 'work' }, { value: 'housing' }, { value: 'study' }] } });

    const review = await toReview(run);
    expect(review.data.step === 'review' && review.data.rows).toEqual([
      { labelKey: 'svc.residence-permit.review.name', text: '黄**' },
      { labelKey: 'svc.residence-permit.review.idNumber', text: '4201**********0034' },
      { labelKey: 'svc.residence-permit.review.basis', textKey: 'svc.residence-permit.basis.housing' },
      { labelKey: 'svc.residence-permit.review.proof', textKey: 'svc.residence-permit.proof.lease' },
      { labelKey: 'svc.residence-permit.review.pages', text: '2' },
      { labelKey: 'svc.residence-permit.review.address', text: '河南省平顶山市新华区建设路8号3单元201' },
      { labelKey: 'svc.residence-permit.review.phone', text: '13912345678' },
      { labelKey: 'svc.residence-permit.review.fee', textKey: 'svc.residence-permit.review.free' },
    ]);

    const sign = await run.step({ type: 'CONFIRM' });
    expect(sign).toMatchObject({ stepId: 'sign', data: { step: 'signature', documentKey: 'svc.residence-permit.sign.document' } });
    // No payment step: signed, the application goes straight to the back-end.
    const receipt = await run.step({ type: 'SIGN', signature: writtenName() });
    expect(receipt).toMatchObject({ stepId: 'receipt', data: { step: 'receiptPrint', state: 'printed' } });

    const slip = run.slips.infoSlips[0]!;
    expect(slip.title).toBe('居住证领证回执');
    expect(slip.codeFormat).toBe('code128');
    expect(slip.code).toMatch(/^SB\d{8}$/);
    expect(slip.lines).toEqual([
      { label: '姓名', value: '黄**' },
      { label: '身份证号', value: '4201**********0034' },
      { label: '受理编号', value: slip.code },
      { label: '申领条件', value: '在本地有住处' },
      { label: '最迟领证日期', value: '2026-12-16' },
      { label: '领证地点', value: expect.stringContaining('1号窗口') },
      { label: '费用', value: '首次申领免费' },
    ]);
    expect(slip.notes).toEqual(['领证时请带上本人身份证和本回执。', '居住证每年签注一次：请在居住每满一年前的一个月内办理。']);
    expect(JSON.stringify(slip)).not.toContain(HUANG);
    expect(JSON.stringify(slip)).not.toContain('黄志强');
    expect(run.slips.feeSlips ?? []).toEqual([]);

    // What the back-end got: the papers' PDF hash, the photo, the address, the signature time.
    const gateway = run.gateway as ReturnType<typeof sandboxGateway>;
    const payload = gateway.acceptedPayload(`app-${run.flow.flowId}-submit-0`) as Record<string, unknown>;
    expect(payload).toMatchObject({ kind: 'residencePermit', idNumber: HUANG, name: '黄志强', basis: 'housing', proof: 'lease', photoSha256: expect.stringMatching(/^[0-9a-f]{64}$/), address: CONTACT.address, phone: CONTACT.phone });
    expect(payload.papers).toEqual([{ value: 'lease', pages: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(payload.signedAt).toEqual(expect.any(String));
    // And the content itself, which the sandbox checked before it accepted: the photo, the lease's PDF, the signature's strokes.
    const attachments = gateway.acceptedAttachments(`app-${run.flow.flowId}-submit-0`)!;
    expect(attachments.photo).toMatchObject({ step: 'photo', spec: 'residentId', sha256: payload.photoSha256 });
    expect([...Buffer.from(attachments.photo!.jpegBase64, 'base64').subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const [lease] = payload.papers as Array<{ sha256: string }>;
    expect(attachments.papers).toEqual([expect.objectContaining({ step: 'papers', paper: 'lease', pages: 2, sha256: lease!.sha256 })]);
    expect(Buffer.from(attachments.papers![0]!.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(attachments.signature).toMatchObject({ step: 'sign', signedAt: payload.signedAt, sha256: payload.signatureSha256, kioskId: run.kit.kioskId });
    expect(attachments.signature!.strokes.strokes.length).toBeGreaterThan(0);
    expect(attachments.fingerprints).toBeUndefined();

    const done = await run.step({ type: 'CONFIRM' });
    expect(done.data).toMatchObject({ step: 'done', outcome: 'applied' });
  });
});
