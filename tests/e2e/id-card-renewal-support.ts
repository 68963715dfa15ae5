/**
 * 身份证换领/补领 end to end (and 驾驶证换证, which shares these steps): the
 * steps these services have that the capability demo's and service-support's
 * helpers do not drive (the studio photo, the two slips).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { dock } from './service-support';

/**
 * The photo step by a photo studio's 数码照片回执: the dock's scanner reads
 * the receipt's code (SB2026RID00000000001, whose holders include 王建国 and
 * 赵丽, and 黄志强 for his 居住证), the host fetches and checks the studio's
 * photo, the citizen uses it; then the step `next` (default the fingerprints).
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

/** The studio's photo checked by the host and used: then `next`. */
async function useStudioPhoto(page: Page, next: string): Promise<void> {
  await page.getByTestId('studio-receipt-photo').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('studio-receipt-photo').getAttribute('data-passed')).toBe('true');
  await page.getByTestId('studio-receipt-use').click();
  await page.getByTestId(next).waitFor({ timeout: 20_000 });
}

/** The 缴费凭证 printed and taken, then the 领证回执 printed: its screen (found by its 受理编号 row's label key). */
export async function feeSlipThenReceipt(page: Page, acceptanceKey = 'svc.id-card-renewal.receipt.acceptanceNumber'): Promise<void> {
  const slip = page.getByTestId('receipt-print-step');
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  await page.getByTestId('receipt-taken').click();
  await page.locator(`[data-testid="detail-row"][data-label-key="${acceptanceKey}"]`).waitFor({ timeout: 20_000 });
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
}
