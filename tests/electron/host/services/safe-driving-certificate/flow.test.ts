/** 驾驶人安全驾驶证明, driven with the flow test kit over the sandbox back-end (its clock at 2026-12-01). */
import { describe, expect, it } from 'vitest';
import type { FlowView, Identity } from '../../../../../electron/contract';
import type { IssuedCertificate, PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import safeDriving from '../../../../../electron/host/services/safe-driving-certificate';
import { card, renderedText, sandboxGateway, startService, typed, type FlowRun, type KitOptions } from '../flow-kit';

const CHEN = '410402199001011230'; // C1: violations 2026-05-11, 2024-09-02; an accident 2025-01-18 (not at fault); 3 points
const SUN = '410411198507150037'; // B2, revoked: an unhandled violation 2026-02-14, an accident at fault 2025-12-30; 12 points

const svc = (path: string) => `svc.safe-driving-certificate.${path}`;
const start = (who: Identity | null, options: KitOptions = {}) => startService(safeDriving, who, options);

/** The sandbox, keeping the certificates it issued and the periods asked for. */
function watchedGateway() {
  const base = sandboxGateway();
  const seen = { issued: [] as IssuedCertificate[], years: [] as unknown[] };
  const gateway: PoliceGateway = {
    ...base,
    call: (operation, request) => (seen.years.push((request as { years?: unknown }).years), base.call(operation, request)),
    issueCertificate: async (request) => {
      const issued = await base.issueCertificate(request);
      if (issued.ok) seen.issued.push(issued.value);
      return issued;
    },
  };
  return { gateway, seen };
}

async function toReview(run: FlowRun, period: 'y1' | 'y3'): Promise<FlowView> {
  const atPeriod = await run.verify();
  expect(atPeriod).toMatchObject({ stepId: 'period', step: 'choice', accepts: ['CHOOSE'] });
  return run.step({ type: 'CHOOSE', value: period });
}

const rowsOf = (view: FlowView) => (view.data.step === 'review' ? view.data.rows : []);
const printed = (run: FlowRun) => run.until((v) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing');

describe('safe-driving-certificate: the period counts only its own events', () => {
  it('陈思远, last year: one violation, no accident', async () => {
    const review = await toReview(start(card(CHEN)), 'y1');
    expect(review).toMatchObject({ stepId: 'review', accepts: ['CONFIRM', 'BACK'], data: { titleKey: svc('review.title'), noteKeys: [svc('notes.verify')] } });
    expect(rowsOf(review)).toEqual([
      { labelKey: svc('review.name'), text: '陈思远' },
      { labelKey: svc('review.idNumber'), text: '4104**********1230' },
      { labelKey: svc('review.classes'), text: 'C1' },
      { labelKey: svc('review.status'), textKey: svc('statuses.normal') },
      { labelKey: svc('review.period'), text: '2025-12-01 – 2026-12-01' },
      { labelKey: svc('review.violations'), text: '1 (0)' },
      { labelKey: svc('review.accidents'), text: '0 (0)' },
      { labelKey: svc('review.points'), text: '3' },
    ]);
  });

  it('the period ends on the hall\'s calendar day, also early in the morning (before UTC\'s day has turned)', async () => {
    const early = new Date('2026-12-01T07:00:00+08:00');
    const review = await toReview(start(card(CHEN), { gateway: sandboxGateway(early), now: early }), 'y1');
    expect(rowsOf(review)).toEqual(expect.arrayContaining([{ labelKey: svc('review.period'), text: '2025-12-01 – 2026-12-01' }]));
  });

  it('陈思远, last three years: two violations and one accident; BACK to the period asks the back-end again', async () => {
    const { gateway, seen } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    await toReview(run, 'y1');
    expect(await run.step({ type: 'BACK' })).toMatchObject({ stepId: 'period', data: { selected: null } });
    const review = await run.step({ type: 'CHOOSE', value: 'y3' });
    expect(rowsOf(review)).toEqual(
      expect.arrayContaining([
        { labelKey: svc('review.period'), text: '2023-12-01 – 2026-12-01' },
        { labelKey: svc('review.violations'), text: '2 (0)' },
        { labelKey: svc('review.accidents'), text: '1 (0)' },
      ]),
    );
    expect(seen.years).toEqual([1, 3]);
  });
});

describe('safe-driving-certificate: the certificate', () => {
  it('the A4 request: the back-end\'s number and seal, the period and the counts in its values; the slip and done', async () => {
    const { gateway, seen } = watchedGateway();
    const run = start(card(CHEN), { gateway });
    await toReview(run, 'y3');
    run.send({ type: 'CONFIRM' });
    const view = await printed(run);
    const certificate = seen.issued[0]!;
    expect(seen.issued).toHaveLength(1);
    expect(view.data).toMatchObject({ state: 'printed', documentNumber: certificate.number, verifyCode: certificate.verifyCode, receipt: 'printed', noteKeys: [svc('notes.verify')] });
    const { request } = run.documents.requests[0]!;
    expect(request).toMatchObject({ kind: 'safeDriving', printedNumber: certificate.number });
    expect(request.seal?.imagePng).toEqual(certificate.seal.imagePng);
    expect(request.vars).toMatchObject({
      name: '陈思远',
      idNumber: CHEN,
      classes: 'C1',
      firstIssuedOn: '2012年7月20日',
      licenceStatus: '正常',
      periodFrom: '2023年12月1日',
      periodTo: '2026年12月1日',
      violations: '2',
      unhandledViolations: '0',
      accidents: '1',
      accidentsAtFault: '0',
      points: '3',
      issuingOffice: certificate.issuingOffice,
      verifyCode: certificate.verifyCode,
      verifyTarget: certificate.verifyUrl,
    });
    expect(run.slips.receipts).toEqual([expect.objectContaining({ serviceName: '驾驶人安全驾驶证明', documentNumber: certificate.number, verifyCode: certificate.verifyCode, idNumberMasked: '4104**********1230' })]);

    const text = (await renderedText(request)).replace(/ /g, '');
    expect(text).toContain(`编号：${certificate.number}`);
    expect(text).toContain('共有交通违法记录2起（其中未处理0起），交通事故记录1起（其中负有责任0起）；当前记分周期累积记分3分。');

    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'done', data: { outcome: 'certificateIssued', outcomeKey: svc('outcomes.certificateIssued') } });
    expect(run.faults).toEqual([]);
  }, 30_000);

  it('孙建军: the revoked licence is stated on screen and printed, with the unhandled violation and the accident at fault', async () => {
    const run = start(typed(SUN));
    const review = await toReview(run, 'y1');
    expect(rowsOf(review)).toEqual(
      expect.arrayContaining([
        // A typed number brings no name: the licence record's is shown and printed.
        { labelKey: svc('review.name'), text: '孙建军' },
        { labelKey: svc('review.classes'), text: 'B2' },
        { labelKey: svc('review.status'), textKey: svc('statuses.revoked') },
        { labelKey: svc('review.violations'), text: '1 (1)' },
        { labelKey: svc('review.accidents'), text: '1 (1)' },
        { labelKey: svc('review.points'), text: '12' },
      ]),
    );
    run.send({ type: 'CONFIRM' });
    await printed(run);
    expect(run.documents.requests[0]!.request.vars).toMatchObject({ name: '孙建军', licenceStatus: '吊销', violations: '1', unhandledViolations: '1', accidents: '1', accidentsAtFault: '1', points: '12' });
  });

  it.each([
    ['王喆, who holds no licence', card('110105200511300072')],
    ['a foreigner (served, but the sandbox knows no licence of theirs)', card('941124198804120029')],
    ['a 2017 foreigner permit (its number is asked about too)', card('SWE110085031501')],
  ])('%s: done with noLicence, nothing printed', async (_label, who) => {
    const run = start(who);
    await run.verify();
    const done = await run.step({ type: 'CHOOSE', value: 'y1' });
    expect(done).toMatchObject({ stepId: 'done', data: { outcome: 'noLicence', outcomeKey: svc('outcomes.noLicence') } });
    expect(run.documents.requests).toEqual([]);
  });

  it('an unlisted period is refused', async () => {
    const run = start(card(CHEN));
    await run.verify();
    expect(run.send({ type: 'CHOOSE', value: 'y2' })).toBe(false);
    expect(run.view().stepId).toBe('period');
  });
});
