/**
 * 交通违法处理 end to end in headless Chromium on the simulated default, the
 * back-end over HTTP (the sandbox server in this process serving the shared
 * 交管 operations and the service's own: evidence, decision, write-off),
 * the receipt printer on a pty read back by text, the A4 decision kept and
 * read by text. People typed by number (their sandbox face is "match"):
 * by plate 豫DA5678 with its VIN tail, the violation on 陈思远's licence is
 * shown and not offered; a wrong VIN tail is refused with why; 邓海波 at 12
 * points goes to 满分学习 and the counter; 许磊 handles two violations by his
 * licence (one with 加处罚款), pays by phone, gets the 缴费凭证 and the
 * 处罚决定书, and the back-end lists them no more.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { detailValue, keptPdfText } from './certificate-support';
import { consentAndFaceCheck, payByPhone, startByNumber, startHttpSandbox, startServiceKiosk, typeLatin, typePlate, type HttpSandbox, type ServiceKiosk } from './service-support';
import { stillFaceVideo } from './fixtures/face-video';
import { operationPath } from '../../electron/host/gateway/operation';
import { trafficViolations } from '../../electron/host/services/shared/traffic/violations';
import { driverRecord } from '../../electron/host/services/shared/traffic/driver-record';

const XU = { name: '许磊', idNumber: '410411198809260039' } as const;
const DENG = { name: '邓海波', idNumber: '410402199102140058' } as const;
const RED_LIGHT = '4104027300012861';
const LINE = '4104027300013077';
const SPEED = '4104027300011490';
const PARKED = '4104027300010233';
const SVC = 'svc.traffic-violations';

let backend: HttpSandbox;
let kiosk: ServiceKiosk;

beforeAll(async () => {
  backend = await startHttpSandbox();
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), host: { backend: backend.backend, documents: { keepDocuments: true } } });
});
afterAll(async () => {
  await kiosk?.stop();
  await backend?.server.close();
});
afterEach(async () => {
  await kiosk?.closePage();
});

/** A new page: the person's number typed, consents, face check: the choice of how to search. */
async function identified(idNumber: string): Promise<Page> {
  const p = await kiosk.open();
  await startByNumber(p, 'traffic-violations', idNumber, { category: 'traffic' });
  await consentAndFaceCheck(p, 'choice-step', kiosk.logged.lines);
  return p;
}

/** By plate: the vehicle form filled (plate keypad, 小型汽车, VIN tail) and sent. */
async function byPlate(p: Page, plate: string, vinTail: string, next: string): Promise<void> {
  await p.getByTestId('choice-plate').click();
  await p.getByTestId('form-step').waitFor({ timeout: 10_000 });
  await p.getByTestId('form-field-plate').click();
  await typePlate(p, plate);
  await p.getByTestId('form-field-plateType').click();
  await p.getByTestId('field-option-02').click();
  await p.getByTestId('form-field-vinTail').click();
  await typeLatin(p, vinTail);
  await p.getByTestId('form-submit').click();
  await p.getByTestId(next).waitFor({ timeout: 20_000 });
}

const counterReason = async (p: Page) => (await p.getByTestId('counter-reason').textContent()) ?? '';

describe('交通违法处理', () => {
  it('by plate 豫DA5678 + VIN tail: the violation on 陈思远’s licence is shown, with its photos, and not offered', { timeout: 120_000 }, async () => {
    const p = await identified(XU.idNumber);
    await byPlate(p, '豫DA5678', '039926', 'selection-step');
    const parked = p.getByTestId(`selection-item-${PARKED}`);
    expect(await parked.innerText()).toContain('中兴路');
    expect(await p.getByTestId(`selection-take-${PARKED}`).count()).toBe(0);
    expect(await p.getByTestId(`selection-reason-${PARKED}`).textContent()).toContain('另一位驾驶人');
    // The speeding on the same car is offered, with its evidence photo viewable large.
    expect(await p.getByTestId(`selection-take-${SPEED}`).count()).toBe(1);
    await p.getByTestId(`selection-image-${SPEED}-0`).click();
    await p.getByTestId('selection-large').waitFor();
    await p.getByTestId('selection-large-close').click();
    // Nothing handled here: everything to the counter, with a ticket.
    await p.getByTestId(`selection-aside-${SPEED}`).click();
    await p.getByTestId('selection-confirm').click();
    await p.getByTestId('counter-step').waitFor({ timeout: 10_000 });
    expect(await counterReason(p)).toContain('窗口');
  });

  it('a wrong VIN tail: the counter, saying the plate and the VIN do not match', { timeout: 120_000 }, async () => {
    const p = await identified(XU.idNumber);
    await byPlate(p, '豫DA5678', '000000', 'counter-step');
    expect(await counterReason(p)).toContain('车架号最后六位对不上');
  });

  it('邓海波 at 12 points: 满分学习 and the counter, nothing listed', { timeout: 120_000 }, async () => {
    const p = await identified(DENG.idNumber);
    await p.getByTestId('choice-licence').click();
    await p.getByTestId('counter-step').waitFor({ timeout: 20_000 });
    expect(await counterReason(p)).toContain('满分学习');
    expect(await p.getByTestId('counter-window').textContent()).not.toBe('');
  });

  it('许磊 by licence handles two (one with 加处罚款), pays 180 元 by phone; the 缴费凭证 and the A4 决定书 read back; the back-end lists them no more', { timeout: 240_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const p = await identified(XU.idNumber);
    await p.getByTestId('choice-licence').click();
    await p.getByTestId('selection-step').waitFor({ timeout: 20_000 });
    expect(await p.locator('[data-testid^="selection-item-"]').count()).toBe(3);
    expect(await p.getByTestId(`selection-details-${SPEED}`).innerText()).toContain('30元');
    // The red light would bring him to 12 points: set aside for the counter.
    await p.getByTestId(`selection-aside-${RED_LIGHT}`).click();
    await p.getByTestId('selection-confirm').click();
    await p.getByTestId('review-step').waitFor({ timeout: 10_000 });
    expect(await detailValue(p, 'review-details', `${SVC}.review.total`)).toBe('180元');
    expect(await detailValue(p, 'review-details', `${SVC}.review.points`)).toBe('6 → 7');
    await p.getByTestId('review-confirm').click();
    expect(await p.getByTestId('payment-total').textContent({ timeout: 20_000 })).toMatch(/180/);
    await payByPhone(p);

    const slip = p.getByTestId('receipt-print-step');
    await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    await p.getByTestId('receipt-taken').click();
    await expect.poll(() => p.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    const number = (await p.getByTestId('print-document-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d{15,20}$/);
    await p.getByTestId('print-collected').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('handled');

    const fee = kiosk.printer.texts().slice(before).find((text) => text.includes('缴费凭证'));
    expect(fee).toBeDefined();
    expect(fee).toContain('180.00');
    expect(fee).toContain('加处罚款');
    expect(fee).not.toContain(XU.idNumber);

    const text = keptPdfText(kiosk.logged.dataDir, number);
    expect(text).toContain('公安交通管理简易程序处罚决定书');
    expect(text).toContain(`被处罚人：${XU.name}`);
    expect(text).toContain(XU.idNumber);
    expect(text).toContain('驾驶机动车违反禁止标线指示的');
    expect(text).toContain('违法代码13450');
    expect(text).toContain('加处罚款30元');
    expect(text).toContain('合计180元');
    expect(text).toContain('累积记分7分');
    expect(text).toContain('六十日内');
    expect(text).toContain('六个月内');
    expect(text).not.toContain(RED_LIGHT);

    // The decision and the write-off went to the back-end over HTTP; the two are handled now, one point more on the licence.
    expect(backend.server.requests(operationPath('violation-decision'))).toBeGreaterThanOrEqual(1);
    const left = await backend.sandbox.call(trafficViolations, { by: 'licence', idNumber: XU.idNumber });
    expect(left.ok && left.value.violations.map((violation) => violation.number)).toEqual([RED_LIGHT]);
    expect(left.ok && left.value.violations.map((violation) => violation.number)).not.toContain(LINE);
    const record = await backend.sandbox.call(driverRecord, { idNumber: XU.idNumber });
    expect(record.ok && record.value.points.current).toBe(7);
  });
});
