/**
 * 交通违法处理 with the flow kit over the sandbox (today 2026-12-01): the
 * routing by licence and by plate, each refusal with why, the choice of
 * violations (one on another driver's licence shown, not offered), the
 * 12-point rule, the decision, the fines with 加处罚款 paid, the write-off
 * (a handled violation is listed no more, the points recorded) and the
 * decision printed with its number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView } from '../../../../../electron/contract';
import trafficViolationsModule from '../../../../../electron/host/services/traffic-violations';
import { card, renderedText, sandboxGateway, startService, type FlowRun } from '../flow-kit';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import { driverRecord } from '../../../../../electron/host/services/shared/traffic/driver-record';
import { trafficViolations } from '../../../../../electron/host/services/shared/traffic/violations';

const XU = '410411198809260039'; // 6 points; 豫D12345 (two), 豫DA5678 (one decided 35 days ago, one on 陈思远's licence)
const DENG = '410402199102140058'; // 12 points
const SUN = '410411198507150037'; // licence revoked
const CHEN = '410402199001011230';
const MA = '410403195806150041'; // no violations
const RED_LIGHT = '4104027300012861'; // 16250, 6 points, 200 元
const LINE = '4104027300013077'; // 13450, 1 point, 100 元
const SPEED = '4104027300011490'; // 13522, 0 points, 50 元, decided 35 days ago: 加处罚款
const PARKED = '4104027300010233'; // 10390, on 陈思远's licence

const key = (path: string) => `svc.traffic-violations.${path}`;
const running: FlowRun[] = [];
afterEach(() => {
  for (const run of running.splice(0)) run.flow.stop();
});

function start(idNumber: string, gateway?: PoliceGateway): FlowRun {
  const run = startService(trafficViolationsModule, card(idNumber), gateway ? { gateway } : {});
  running.push(run);
  return run;
}

const items = (view: FlowView) => (view.data.step === 'selection' ? view.data.items : []);

async function byLicence(run: FlowRun): Promise<FlowView> {
  const how = await run.verify();
  expect(how).toMatchObject({ stepId: 'how', data: { step: 'choice' } });
  return run.step({ type: 'CHOOSE', value: 'licence' });
}

async function byPlate(run: FlowRun, plate: string, vinTail: string): Promise<FlowView> {
  await run.verify();
  const vehicle = await run.step({ type: 'CHOOSE', value: 'plate' });
  expect(vehicle).toMatchObject({ stepId: 'vehicle', data: { step: 'form' } });
  return run.step({ type: 'SUBMIT_FORM', values: { plate, plateType: '02', vinTail } });
}

/** From the review, through the decision, to the payment's QR code. */
async function toPayment(run: FlowRun): Promise<FlowView> {
  run.send({ type: 'CONFIRM' });
  return run.until((view) => view.data.step === 'payment' && view.data.state === 'waiting', 5000);
}

describe('traffic-violations: who may handle what', () => {
  it('许磊 by licence: his three violations with time, place, fine, points, the surcharge and photos', async () => {
    const list = await byLicence(start(XU));
    expect(list).toMatchObject({ stepId: 'select', data: { step: 'selection', titleKey: key('select.title') } });
    expect(items(list).map((item) => [item.id, item.selectable])).toEqual([
      [RED_LIGHT, true],
      [LINE, true],
      [SPEED, true],
    ]);
    const speed = items(list)[2]!;
    expect(speed.rows).toContainEqual({ labelKey: key('item.surcharge'), text: '30元' });
    expect(speed.rows).toContainEqual({ labelKey: key('item.fine'), text: '50元' });
    expect(items(list)[0]!.images).toHaveLength(3);
    const svg = Buffer.from(items(list)[0]!.images[0]!.dataUrl.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toContain('豫D12345');
    expect(svg).toContain('16250');
  });

  it('all three would bring 许磊 from 6 to 12 points: 满分学习 at the counter, nothing decided', async () => {
    const run = start(XU);
    await byLicence(run);
    const counter = await run.step({ type: 'SELECT', values: [RED_LIGHT, LINE, SPEED] });
    expect(counter).toMatchObject({ step: 'counter', data: { reasonKey: key('counter.wouldReachTwelve') } });
  });

  it('an id not offered, or one twice, is refused by the host', async () => {
    const run = start(XU);
    await byLicence(run);
    expect(run.send({ type: 'SELECT', values: [PARKED] })).toBe(false);
    expect(run.send({ type: 'SELECT', values: [LINE, LINE] })).toBe(false);
    expect(run.view().stepId).toBe('select');
  });

  it('everything set aside: the counter', async () => {
    const run = start(XU);
    await byLicence(run);
    expect(await run.step({ type: 'SELECT', values: [] })).toMatchObject({ step: 'counter', data: { reasonKey: key('counter.allSetAside') } });
  });

  it('by plate 豫DA5678 and its VIN tail: the one on 陈思远’s licence is shown and not offered, with why', async () => {
    const list = await byPlate(start(XU), '豫DA5678', '039926');
    expect(items(list).map((item) => [item.id, item.selectable, item.reasonKey])).toEqual([
      [SPEED, true, null],
      [PARKED, false, key('notHere.otherLicence')],
    ]);
  });

  it('a wrong VIN tail: the counter, saying the plate and VIN do not match', async () => {
    const view = await byPlate(start(XU), '豫DA5678', '000000');
    expect(view).toMatchObject({ step: 'counter', data: { reasonKey: key('counter.vehicleNotFound') } });
  });

  it('邓海波 at 12 points: 满分学习 and the counter before any list', async () => {
    expect(await byLicence(start(DENG))).toMatchObject({ step: 'counter', data: { reasonKey: key('counter.fullPoints') } });
  });

  it('孙建军, licence revoked: the counter', async () => {
    expect(await byLicence(start(SUN))).toMatchObject({ step: 'counter', data: { reasonKey: key('counter.licenceNotValid') } });
  });

  it('马秀兰 with nothing to handle: done, noViolations', async () => {
    expect((await byLicence(start(MA))).data).toMatchObject({ step: 'done', outcome: 'noViolations' });
  });
});

describe('traffic-violations: handling two of 许磊’s violations', () => {
  it('decides, takes fines plus 加处罚款, writes them off, prints the decision; the back-end lists them no more', async () => {
    const gateway = sandboxGateway();
    const run = start(XU, gateway);
    await byLicence(run);
    const review = await run.step({ type: 'SELECT', values: [LINE, SPEED] });
    expect(review).toMatchObject({ stepId: 'review', data: { step: 'review' } });
    const rows = review.data.step === 'review' ? review.data.rows : [];
    expect(rows).toContainEqual({ labelKey: key('review.total'), text: '180元' });
    expect(rows).toContainEqual({ labelKey: key('review.points'), text: '6 → 7' });
    expect(rows).toContainEqual({ labelKey: key('review.setAside'), text: '1' });

    const pay = await toPayment(run);
    expect(pay).toMatchObject({ stepId: 'pay', data: { step: 'payment', totalFen: 18_000 } });
    expect(pay.data.step === 'payment' ? pay.data.items.map((item) => [item.nameKey, item.dueFen]) : []).toEqual([
      [key('fee.fine'), 10_000],
      [key('fee.fine'), 5_000],
      [key('fee.surcharge'), 3_000],
    ]);
    await run.payByPhone();
    const feeSlip = await run.until((view) => view.stepId === 'feeSlip' && view.data.step === 'receiptPrint' && view.data.state !== 'printing', 5000);
    expect(run.slips.feeSlips[0]).toMatchObject({ totalFen: 18_000 });
    expect(feeSlip.stepId).toBe('feeSlip');
    const print = await run.step({ type: 'CONFIRM' });
    expect(print).toMatchObject({ stepId: 'print', data: { step: 'a4Print', state: 'printed' } });
    const request = run.documents.requests[0]!.request;
    expect(request.kind).toBe('trafficPenaltyDecision');
    const text = await renderedText(request);
    expect(text).toContain('公安交通管理简易程序处罚决定书');
    expect(text).toContain('许磊');
    expect(text).toContain('驾驶机动车违反禁止标线指示的');
    expect(text).toContain('加处罚款30元');
    expect(text).toContain('合计180元');
    expect(text).toContain('累积记分7分');
    expect(text).toContain('六十日内');
    expect(text).toContain(`编号：${request.printedNumber}`);
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'handled' });
    expect(run.faults).toEqual([]);

    // The back-end now: the two are handled (gone), the red light is left, and one point more on the licence.
    const left = await gateway.call(trafficViolations, { by: 'licence', idNumber: XU });
    expect(left.ok && left.value.violations.map((violation) => violation.number)).toEqual([RED_LIGHT]);
    const record = await gateway.call(driverRecord, { idNumber: XU });
    expect(record.ok && record.value.points.current).toBe(7);
  });

  it('the back-end refusing the paid fines: refunded by the library, nothing written off', async () => {
    const gateway = sandboxGateway();
    const refusing: PoliceGateway = { ...gateway, submitApplication: async () => ({ ok: false, error: { kind: 'rejected', reason: 'notEligible' } }) };
    const run = start(XU, refusing);
    await byLicence(run);
    await run.step({ type: 'SELECT', values: [LINE] });
    await toPayment(run);
    await run.payByPhone();
    const refused = await run.until((view) => view.data.step === 'submit' && view.data.state === 'rejected', 5000);
    expect(refused.data).toMatchObject({ refund: 'refunded', refundedFen: 10_000 });
    expect((await run.step({ type: 'CONFIRM' })).data).toMatchObject({ step: 'done', outcome: 'rejectedRefunded' });
    const left = await gateway.call(trafficViolations, { by: 'licence', idNumber: XU });
    expect(left.ok && left.value.violations.map((violation) => violation.number)).toContain(LINE);
  });
});

describe('traffic-violations: by plate, for another driver', () => {
  it('陈思远 by plate 豫DA5678: the parking violation already on his own licence is his to handle', async () => {
    const list = await byPlate(start(CHEN), '豫DA5678', '039926');
    expect(items(list).map((item) => [item.id, item.selectable])).toEqual([
      [SPEED, true],
      [PARKED, true],
    ]);
  });

  it('陈思远 handles 豫DA5678’s speeding by plate: the points go on his own licence', async () => {
    const gateway = sandboxGateway();
    const run = start(CHEN, gateway);
    await byPlate(run, '豫DA5678', '039926');
    const review = await run.step({ type: 'SELECT', values: [SPEED] });
    expect(review.stepId).toBe('review');
    await toPayment(run);
    await run.payByPhone();
    await run.until((view) => view.stepId === 'feeSlip', 5000);
    const mine = await gateway.call(trafficViolations, { by: 'licence', idNumber: CHEN });
    // His own parking record on 豫DA5678 and his car's are left; the speeding is handled.
    expect(mine.ok && mine.value.violations.map((violation) => violation.number)).not.toContain(SPEED);
  });
});
