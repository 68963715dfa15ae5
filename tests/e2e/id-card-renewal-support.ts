/**
 * 身份证换领/补领 end to end: the steps this service has that the capability
 * demo's and service-support's helpers do not drive (the studio photo, the
 * two slips).
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
  await page.getByTestId('photo-flow-step').waitFor({ timeout: 20_000 });
  const consent = page.getByTestId('consent-agree');
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await dock(page, 'dock-scan-photoReceipt-scanner');
  await page.getByTestId('studio-receipt-photo').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('studio-receipt-photo').getAttribute('data-passed')).toBe('true');
  await page.getByTestId('studio-receipt-use').click();
  await page.getByTestId(next).waitFor({ timeout: 20_000 });
}

/** The 缴费凭证 printed and taken, then the 领证回执 printed: its screen. */
export async function feeSlipThenReceipt(page: Page): Promise<void> {
  const slip = page.getByTestId('receipt-print-step');
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  await page.getByTestId('receipt-taken').click();
  await page.locator('[data-testid="detail-row"][data-label-key="svc.id-card-renewal.receipt.acceptanceNumber"]').waitFor({ timeout: 20_000 });
  await expect.poll(() => slip.getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
}
