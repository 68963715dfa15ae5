/**
 * The simulation switch through the whole browser host (issue 12, defect 3):
 * a config that does not state it does not start, and a real kiosk's page
 * offers none of the seams testers use (dock, dev routes), even though its
 * config still names devices whose default mode is "simulated" (switched off).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { realKioskConfig } from '../helpers/real-kiosk-config';
import { makeTestPki } from '../helpers/test-pki';
import { kioskUrl, launchChromium, startHostProcess, type RunningHost } from './harness';

/** A real kiosk with none of its devices fitted yet, and a police back-end that is not reachable. */
const pki = makeTestPki();
const REAL_KIOSK = realKioskConfig({
  backend: {
    kind: 'http',
    baseUrl: 'https://127.0.0.1:9/onedoor/v1',
    tls: { caFile: pki.ca.certFile, clientCertFile: pki.client.certFile, clientKeyFile: pki.client.keyFile },
  },
});

let host: RunningHost | undefined;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  pki.remove();
});

describe('the simulation switch in the browser host', () => {
  it('a config file without "simulation" stops start-up, naming the field', async () => {
    await expect(startHostProcess({ simulation: undefined })).rejects.toThrow(/simulation: required/);
  });

  it('a config that keeps a seam on a real kiosk stops start-up, naming the field', async () => {
    await expect(startHostProcess({ ...REAL_KIOSK, face: { testingSkipLiveness: true } })).rejects.toThrow(/face\.testingSkipLiveness/);
  });

  it('a real kiosk shows no dock, no simulation badge, and refuses the dev route', { timeout: 60_000 }, async () => {
    host = await startHostProcess(REAL_KIOSK);
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('hall-name').textContent(), { timeout: 15_000 }).toContain('智慧警务工作站');
    expect(await page.getByTestId('dock-handle').count()).toBe(0);
    expect(await page.getByTestId('simulation-badge').count()).toBe(0);
    await page.goto(kioskUrl(host.url, 'step=face-check'));
    await expect.poll(() => page.getByTestId('dev-step-status').textContent(), { timeout: 15_000 }).toBe('dev steps run only in simulation');
    await page.close();
  });
});
