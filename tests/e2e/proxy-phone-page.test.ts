/**
 * The built phone page (`scripts/build-hall-phone.mjs`, into a temp folder) in
 * headless Chromium with a phone's screen, against the real phone listener
 * (HTTPS, a certificate from a fresh hall PKI) and a fake case registry:
 * the link is claimed once and dropped from the address, the page shows only
 * the hall until the face check, consent opens the face check, and a second
 * phone opening the same link is refused in plain words. The face models
 * load under the page's CSP. No CSP violations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { devices, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePhoneCertificate } from '../../hall/server/proxy/phone/phone-certificate';
import { startPhoneServer, type PhoneServer } from '../../hall/server/proxy/phone/phone-server';
import { createFakeHall, HALL_NAME, PRINCIPAL_NAME, TOKEN } from '../hall/proxy/fake-phone-registry';
import { launchChromium } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');

let browser: Browser;
let server: PhoneServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'phone-page-'));
  // Its own build: a hall another test starts rebuilds dist/hall-phone.
  const pageDir = join(dir, 'page');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-hall-phone.mjs'), '--out', pageDir], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(join(pageDir, 'index.html'))) throw new Error(`the phone page did not build: ${built.stderr}`);
  const cert = issuePhoneCertificate(dir, []);
  if (!cert.ok) throw new Error(cert.error);
  const hall = createFakeHall();
  const started = await startPhoneServer({ registry: hall.registry, faceCheck: hall.faceCheck, tls: cert.value, host: '127.0.0.1', port: 0, pageDir });
  if (!started.ok) throw new Error(started.error.message);
  server = started.value;
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the phone page', () => {
  it('claims the link once, shows only the hall, opens the face check on consent; a second phone is refused', async () => {
    const phone = await browser.newContext({ ...devices['Pixel 7'], ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] });
    const page = await phone.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await page.goto(`${server.url}/p/#t=${TOKEN}`);
    await page.getByTestId('intro-screen').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.getByTestId('hall-name').textContent()).toBe(HALL_NAME);
    expect(await page.locator('body').textContent()).not.toContain(PRINCIPAL_NAME);
    const cookies = await phone.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.secure, c.sameSite, c.path])).toEqual([['proxy_phone', true, true, 'Strict', '/phone']]);

    await page.getByTestId('consent-agree').click();
    await page.getByTestId('face-screen').waitFor();
    // The camera opens and the face models load under the page's CSP: the guidance asks for a face (the fake camera shows none).
    await page.waitForFunction(() => document.querySelector('[data-testid="face-guidance"]')?.textContent === '未检测到人脸，请正对摄像头', null, { timeout: 45_000 });
    expect(await page.locator('body').textContent()).not.toContain(PRINCIPAL_NAME);

    // A reload (the token is gone from the address) resumes at consent from the cookie.
    await page.reload();
    await page.getByTestId('intro-screen').waitFor();

    const other = await browser.newContext({ ...devices['Pixel 7'], ignoreHTTPSErrors: true });
    const second = await other.newPage();
    await second.goto(`${server.url}/p/#t=${TOKEN}`);
    const refusal = second.getByTestId('claim-problem');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('这个链接已经用过了');
    expect(await second.getByTestId('hall-name').textContent()).toBe('');
    expect(cspViolations).toEqual([]);
    await other.close();
    await phone.close();
  }, 90_000);
});
