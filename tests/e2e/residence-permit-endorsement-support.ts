/**
 * What the 居住证签注 e2e test needs beside the shared support (and the
 * 车驾管 tests use too): a copy of the sandbox's people in which the citizens
 * a test walks have resident-han's reference photo (typed-only people such as
 * 周明轩 have none, so no face check could pass for them against the fake
 * camera's face), and the number typed on the keypad.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';
import { chooseService } from './service-support';

/** resources/sandbox/citizens.json with `idNumbers` given `faceRef` (test data only); returns its path under `dir`. */
export function sandboxDataWithFaces(dir: string, idNumbers: readonly string[], faceRef: string): string {
  const data = JSON.parse(readFileSync(join(ROOT, 'resources/sandbox/citizens.json'), 'utf8')) as { citizens: Record<string, { faceRef?: string; label: string }> };
  for (const idNumber of idNumbers) {
    const citizen = data.citizens[idNumber];
    if (!citizen) throw new Error(`no sandbox citizen ${idNumber}`);
    citizen.faceRef = faceRef;
    citizen.label += ` (test data: face ${faceRef})`;
  }
  const path = join(dir, 'sandbox-citizens.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/** No card: touch → `serviceId` (in `category`, 户政 by default) → 没有带身份证 → the number on the keypad → the flow's consent. */
export async function startTyped(page: Page, serviceId: string, idNumber: string, category = 'huzheng'): Promise<void> {
  await page.getByTestId('start-button').click();
  await chooseService(page, category, serviceId);
  await page.getByTestId('identify-type').click();
  await page.getByTestId('id-keypad').waitFor();
  for (const c of idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
  await page.getByTestId('id-keypad-confirm').click();
  await page.getByTestId('consent-step').waitFor({ timeout: 10_000 });
}
