/**
 * 驾驶证换证补证 end to end in headless Chromium on the simulated default
 * (embedded back-end and payment sandboxes; the receipt printer is the real
 * ESC/POS driver on a pty with the simulator at the other end, which reads
 * back what came out):
 * - 高志远 (licence expiring in 40 days) types his number: only 期满换证 is
 *   offered; his photo from a photo studio's 回执 (the code typed), collected
 *   at this hall, the review with his medical check and the new validity,
 *   his signature, 10 元 paid by phone, the 缴费凭证 and the 领证回执 read back
 *   by text (受理编号 as a CODE128 barcode, 长期, window 4, masked);
 * - 韩梅 (expired 100 days ago) may still renew: 期满换证 is offered;
 * - 冯军 (注销), 孙建军 (吊销), 王桂芝 (72, annual medical check lapsed),
 *   周建平 (in the window, one unhandled violation: the 审验 is not passed):
 *   the counter with the reason and what to do, a queue ticket for window 4
 *   printed, and no payment.
 * The fake camera plays the man of resident-han's reference photo (liveness
 * skipped): the test's sandbox data gives these people his face.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectAtHall, consentAndFaceCheck, payByPhone, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';
import { detailValue } from './certificate-support';
import { sign } from './capability-demo-support';
import { stillFaceVideo } from './fixtures/face-video';
import { feeSlipThenReceipt, studioPhotoByCode } from './id-card-renewal-support';

const GAO = { name: '高志远', idNumber: '410402197908230010' } as const;
const HAN_MEI = { name: '韩梅', idNumber: '410403198305170021' } as const;
const FENG = { name: '冯军', idNumber: '410402197603020039' } as const;
const SUN = { name: '孙建军', idNumber: '410411198507150037' } as const;
const WANG_GUIZHI = { name: '王桂芝', idNumber: '410403195411070020' } as const;
const ZHOU = { name: '周建平', idNumber: '410402198009120031' } as const;
/** The sandbox studio's 驾驶证 photo receipt (its holders include 高志远). */
const LICENCE_PHOTO_RECEIPT = 'SB2026DRV00000000002';
const SVC = 'svc.driving-licence-renewal';

let kiosk: ServiceKiosk;

beforeAll(async () => {
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([GAO, HAN_MEI, FENG, SUN, WANG_GUIZHI, ZHOU].map((person) => person.idNumber)) });
});
afterAll(async () => {
  await kiosk?.stop();
});
afterEach(async () => {
  await kiosk?.closePage();
});

/** Touch → 交管 → the service → the number typed → consents → face check, up to `target`. */
async function startTyped(idNumber: string, target: string): Promise<Page> {
  const p = await kiosk.open();
  await startByNumber(p, 'driving-licence-renewal', idNumber, { category: 'traffic' });
  await consentAndFaceCheck(p, target, kiosk.logged.lines);
  return p;
}


describe('驾驶证换证补证', () => {
  it('高志远 (40 days to expiry): 期满换证, studio photo, hall, review, signature, 10 元 by phone, 缴费凭证, 领证回执 read back by text', { timeout: 240_000 }, async () => {
    const before = kiosk.printer.texts().length;
    const p = await startTyped(GAO.idNumber, 'choice-step');
    expect(await p.getByTestId('choice-damaged').count()).toBe(0);
    expect(await p.getByTestId('choice-lost').count()).toBe(0);
    await p.getByTestId('choice-expiry').click();
    await studioPhotoByCode(p, LICENCE_PHOTO_RECEIPT, 'delivery-step');
    await collectAtHall(p, 'review-step');

    expect(await detailValue(p, 'review-details', `${SVC}.review.newValidity`)).toMatch(/^\d{4}-\d{2}-\d{2} 至 长期$/);
    expect(await detailValue(p, 'review-details', `${SVC}.review.medical`)).toContain('平顶山市第一人民医院体检中心');
    expect(await detailValue(p, 'review-details', `${SVC}.review.licenceNumber`)).toBe('4104**********0010');
    await p.getByTestId('review-confirm').click();
    await p.getByTestId('signature-step').waitFor({ timeout: 15_000 });
    await sign(p);
    expect(await p.getByTestId('payment-total').textContent()).toMatch(/10/);
    await payByPhone(p);
    await feeSlipThenReceipt(p, `${SVC}.receipt.acceptanceNumber`);

    const number = await detailValue(p, 'receipt-details', `${SVC}.receipt.acceptanceNumber`);
    expect(number).toMatch(/^[A-Z0-9-]{6,}$/);
    const fee = kiosk.printer.printedWith('缴费凭证', before);
    expect(fee).toContain('机动车驾驶证工本费');
    expect(fee).toContain('10.00');
    const receipt = kiosk.printer.printedWith('机动车驾驶证领证回执', before);
    expect(receipt).toMatch(/业务类型[：:]\s*期满换证/);
    expect(receipt).toMatch(/准驾车型[：:]\s*C1/);
    expect(receipt).toMatch(/新证有效期（预计）[：:]\s*\d{4}-\d{2}-\d{2} 至 长期/);
    expect(receipt).toMatch(/预计可领取[：:]\s*\d{4}-\d{2}-\d{2}/);
    expect(receipt).toContain('4号窗口');
    expect(receipt).toContain('高**');
    expect(receipt).toContain('4104**********0010');
    expect(receipt).toContain(number);
    expect(receipt).not.toContain(GAO.name);
    expect(receipt).not.toContain(GAO.idNumber);
    // The 受理编号 as a CODE128 barcode for the window's scanner.
    expect(kiosk.printer.simulator.receipts.at(-1)!.barcodes).toEqual([number]);

    await p.getByTestId('receipt-taken').click();
    await p.getByTestId('done-step').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('done-step').getAttribute('data-outcome')).toBe('applied');
  });

  it('韩梅 (expired 100 days ago, less than a year): 期满换证 is still offered, nothing else', { timeout: 180_000 }, async () => {
    const p = await startTyped(HAN_MEI.idNumber, 'choice-step');
    expect(await p.getByTestId('choice-expiry').count()).toBe(1);
    expect(await p.getByTestId('choice-damaged').count()).toBe(0);
    await p.getByTestId('choice-expiry').click();
    await p.getByTestId('photo-flow-step').waitFor({ timeout: 20_000 });
  });

  const refusals: Array<[string, { name: string; idNumber: string }, RegExp]> = [
    ['冯军 (注销)', FENG, /已被注销.*恢复驾驶资格/],
    ['孙建军 (吊销)', SUN, /已被吊销.*重新考试/],
    ['王桂芝 (72, annual check lapsed)', WANG_GUIZHI, /体检信息是\d{4}-\d{2}-\d{2}的，有效期到\d{4}-\d{2}-\d{2}，已经过期.*七十周岁以上.*每年.*重新体检/],
    ['周建平 (50 days to expiry, one unhandled violation: 审验)', ZHOU, /您名下还有1条交通违法没有处理完毕.*这次没有收费.*交通违法处理.*排队票到窗口/],
  ];
  for (const [who, person, reason] of refusals) {
    it(`${who}: the counter says why and what to do, a queue ticket for window 4, nothing to pay`, { timeout: 180_000 }, async () => {
      const before = kiosk.printer.texts().length;
      const p = await startTyped(person.idNumber, 'counter-step');
      expect((await p.getByTestId('counter-reason').textContent()) ?? '').toMatch(reason);
      expect(await p.getByTestId('counter-window').textContent()).toContain('4');
      await expect.poll(() => p.getByTestId('counter-step').getAttribute('data-ticket'), { timeout: 20_000 }).toBe('printed');
      const ticket = ((await p.getByTestId('counter-ticket').textContent()) ?? '').trim();
      expect(ticket).toMatch(/\S/);
      const printed = kiosk.printer.texts().slice(before).join('\n');
      expect(printed).toContain(ticket);
      expect(printed).not.toContain(person.idNumber);
      expect(await p.getByTestId('payment-step').count()).toBe(0);
      expect(await p.getByTestId('choice-step').count()).toBe(0);
    });
  }
});
