/**
 * 身份证换领/补领 end to end (and 驾驶证换证, which shares these steps): the steps
 * the capability demo's helpers do not drive (the studio photo, the collection,
 * the payment by phone, the slips), and a
 * sandbox data file in which the people it walks have resident-han's
 * reference face (the fake camera's man), so their face checks can pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';
import { dock } from './certificate-support';
import { finger } from './capability-demo-support';

/** A copy of resources/sandbox/citizens.json where `idNumbers` have resident-han's reference face; returns its path. */
export function sandboxDataWithHanFace(dir: string, idNumbers: readonly string[]): string {
  const data = JSON.parse(readFileSync(join(ROOT, 'resources/sandbox/citizens.json'), 'utf8')) as { citizens: Record<string, { faceRef?: string; label: string }> };
  for (const idNumber of idNumbers) {
    const citizen = data.citizens[idNumber];
    if (!citizen) throw new Error(`no sandbox citizen ${idNumber}`);
    citizen.faceRef = 'resident-han';
    citizen.label += ' (test data: resident-han\'s reference face)';
  }
  const path = join(dir, 'sandbox-citizens.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/** No card: touch → the service → 没有带身份证 → the number typed → identify. */
export async function typeNumber(page: Page, idNumber: string): Promise<void> {
  await page.getByTestId('identify-type').click();
  await page.getByTestId('id-keypad').waitFor();
  for (const c of idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
  await page.getByTestId('id-keypad-confirm').click();
}

/**
 * The photo step by a photo studio's 数码照片回执: the dock's scanner reads
 * the receipt's code (SB2026RID00000000001, whose holders include 王建国 and
 * 赵丽), the host fetches and checks the studio's photo, the citizen uses it;
 * then `next` (default: the fingerprints).
 */
export async function studioPhoto(page: Page, next = 'fingerprints-step'): Promise<void> {
  await openStudioReceipt(page);
  await dock(page, 'dock-scan-photoReceipt-scanner');
  await useStudioPhoto(page, next);
}

/**
 * The same with the receipt's code typed on the screen's keyboard (for a
 * spec the dock has no sample code of, e.g. 驾驶证 SB2026DRV00000000002);
 * then `next`.
 */
export async function studioPhotoByCode(page: Page, code: string, next: string): Promise<void> {
  await openStudioReceipt(page);
  await page.getByTestId('photo-studio-offer').click({ timeout: 20_000 });
  await page.getByTestId('latin-keyboard').waitFor({ timeout: 20_000 });
  for (const c of code) await page.getByTestId(`latin-keyboard-key-${c}`).click();
  await page.getByTestId('latin-keyboard-confirm').click();
  await useStudioPhoto(page, next);
}

/** The photo step, past its biometric consent when it asks. */
async function openStudioReceipt(page: Page): Promise<void> {
  await page.getByTestId('photo-flow-step').waitFor({ timeout: 20_000 });
  const consent = page.getByTestId('consent-agree');
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

/** The studio's photo fetched and passed: use it, then `next`. */
async function useStudioPhoto(page: Page, next: string): Promise<void> {
  await page.getByTestId('studio-receipt-photo').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('studio-receipt-photo').getAttribute('data-passed')).toBe('true');
  await page.getByTestId('studio-receipt-use').click();
  await page.getByTestId(next).waitFor({ timeout: 20_000 });
}

/** Two good prints: past the fingerprints step to the collection choice. */
export async function twoPrintsToDelivery(page: Page): Promise<void> {
  await finger(page, 'good');
  await expect.poll(() => page.getByTestId('fingerprint-finger').getAttribute('data-finger'), { timeout: 15_000 }).toBe('16');
  await finger(page, 'good');
  await page.getByTestId('delivery-step').waitFor({ timeout: 15_000 });
}

/** Collect at this hall: then `next` (default: the signature step). */
export async function collectAtHall(page: Page, next = 'signature-step'): Promise<void> {
  await page.getByTestId('delivery-hall').click();
  await page.getByTestId('delivery-confirm').click();
  await page.getByTestId(next).waitFor({ timeout: 15_000 });
}

/** The dock's phone pays the order shown (WeChat). */
export async function payByPhone(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('payment-step').getAttribute('data-state'), { timeout: 15_000 }).toBe('waiting');
  await page.getByTestId('dock-handle').click();
  await page.getByTestId('dock-pay-channel-wechat').click();
  await page.getByTestId('dock-pay-scan').click();
  await expect.poll(() => page.getByTestId('dock-pay-status').textContent(), { timeout: 10_000 }).toBe('已支付');
  await page.getByTestId('dock-handle').click();
}

/** The 缴费凭证 printed and taken, then the 领证回执 printed: its screen (found by its 受理编号 row's label key). */
export async function feeSlipThenReceipt(page: Page, acceptanceKey = 'svc.id-card-renewal.receipt.acceptanceNumber'): Promise<void> {
  const slip = page.getByTestId('receipt-print-step');
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  await page.getByTestId('receipt-taken').click();
  await page.locator(`[data-testid="detail-row"][data-label-key="${acceptanceKey}"]`).waitFor({ timeout: 20_000 });
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
}
