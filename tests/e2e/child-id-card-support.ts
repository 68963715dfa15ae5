/**
 * 未满十六周岁首次申领 end to end: the steps this service has that the
 * capability demo's and service-support's helpers do not drive (the child's
 * number on the form's ID keypad, the child's photo), and the fake camera's
 * video for the guardian's face and the child's photo.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES, stillFaceFrame, writeY4m } from './fixtures/face-video';
import { BACKDROP } from './fixtures/portrait-video';

/** The child's number typed on the form's ID keypad and sent: the step after the household check (or the counter). */
export async function typeChildNumber(page: Page, idNumber: string, next: string): Promise<void> {
  await page.getByTestId('form-step').waitFor({ timeout: 20_000 });
  await page.getByTestId('form-field-idNumber').click();
  await page.getByTestId('id-keypad').waitFor();
  for (const c of idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
  await page.getByTestId('id-keypad-confirm').click();
  // Shown back masked before it is sent.
  await expect.poll(() => page.getByTestId('form-value-idNumber').textContent(), { timeout: 5_000 }).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`);
  await page.getByTestId('form-submit').click();
  await page.getByTestId(next).waitFor({ timeout: 20_000 });
}

/** The child's photo from the fake camera, accepted by the host and chosen: the fingerprints step. */
export async function childPhoto(page: Page): Promise<void> {
  // The photo screen asks for the biometric consent for the photo itself.
  await page.getByTestId('consent-agree').click({ timeout: 20_000 });
  await page.getByTestId('photo-take').click({ timeout: 60_000 });
  await page.getByTestId('photo-result').waitFor({ timeout: 30_000 });
  const rules = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="photo-rule-"]')].map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-passed') ?? e.className}`));
  expect(await page.getByTestId('photo-result').getAttribute('data-passed'), rules.join(' ')).toBe('true');
  await page.getByTestId('photo-choose').click();
  await page.getByTestId('fingerprints-step').waitFor({ timeout: 20_000 });
}

/**
 * The fake camera's video for this service: the still face of face-video.ts
 * (resident-han's man, so the guardian's face check passes) with everything
 * outside an oval around the head painted the plain photo backdrop, so the
 * same camera also gives a standard photo whose background passes (the
 * child's photo: the kiosk has one camera for both).
 */
export function guardianAndPhotoVideo(): string {
  const path = join(FIXTURES, 'face-still-oval.y4m');
  if (existsSync(path)) return path;
  const frame = stillFaceFrame();
  const data = new Uint8Array(frame.data);
  // The head in the still frame: the face crop spans x 170–470, y 70–370, the head about x 172–410, y 70–300.
  const [cx, cy, rx, ry] = [292, 190, 128, 132];
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) continue;
      const o = (y * frame.width + x) * 4;
      [data[o], data[o + 1], data[o + 2], data[o + 3]] = [BACKDROP[0], BACKDROP[1], BACKDROP[2], 255];
    }
  }
  writeY4m(path, { ...frame, data }, 10);
  return path;
}
