/**
 * The kinds of session the soak drives through the real renderer, each a
 * citizen's whole visit from the attract screen back to it: a card to a
 * printed certificate (fake camera, liveness seam), a typed ID number to a
 * referral, a cancellation, an idle timeout (`?idleScale`, simulation only),
 * and a reload of the page mid-session (the renderer ends the session it lost as crashed).
 */
import type { Browser, Page } from 'playwright-core';
import { openKiosk } from '../../tests/e2e/ui-support';
import { waitForNoHostSession } from './host-session';
import type { Secrets } from './privacy';
import { maskName } from '../../domain/mask';
import { linkThroughPage } from '../../tests/e2e/host-link';

/** What a session driver needs. */
export interface SoakContext {
  browser: Browser;
  /** The long-lived kiosk page (its heap is the one measured). */
  page: Page;
  url: string;
  /** Records something worth reporting about this session (not an error). */
  note(text: string): void;
}

/** One kind of session. */
export interface SessionKind {
  id: 'certificate' | 'typedReferral' | 'cancel' | 'idle' | 'reload';
  /** What this citizen must leave no trace of. */
  secrets: Secrets;
  /**
   * Drives one session; throws on anything unexpected. Pages it opens are returned for the sweep and closed by
   * the caller; the last one holds the host connection then (linked, see tests/e2e/host-link.ts), and a
   * long-lived page it left on about:blank is opened again afterwards.
   */
  run(ctx: SoakContext): Promise<Page[]>;
}

const HAN: Secrets = { name: '陈思远', idNumber: '410402199001011230' }; // resources/citizens/resident-han.json (fictional)
const MA: Secrets = { name: '马秀兰', idNumber: '410403195806150041' }; // resident-long-term
// Typed, the number of a 2023 permanent-residence card (resources/citizens/foreigner-2023.json): sent to the 出入境 office at identify.
const MAI: Secrets = { name: '麦夏洛', idNumber: '941124198804120029' };

async function dock(page: Page, testId: string): Promise<void> {
  if (!(await page.getByTestId('dock-drawer').isVisible())) await page.getByTestId('dock-handle').click();
  await page.getByTestId(testId).click();
  await page.getByTestId('dock-handle').click();
}

async function placeCard(page: Page, sample: string, name: string): Promise<void> {
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  await dock(page, `dock-card-${sample}`);
  // The header greets with the masked name (the full one is only on the identify and review steps).
  await page.getByTestId('welcome').filter({ hasText: maskName(name) }).waitFor({ timeout: 10_000 });
}

/** Takes the card off the reader (a citizen leaving with it). */
async function removeCard(page: Page): Promise<void> {
  await dock(page, 'dock-remove-card');
}

async function chooseCertificate(page: Page): Promise<void> {
  await page.getByTestId('category-certificates').click();
  await page.getByTestId('service-no-criminal-record').click();
  await page.getByTestId('identify-step').waitFor({ timeout: 10_000 });
}

async function cancel(page: Page): Promise<void> {
  await page.getByTestId('cancel-button').click();
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
}

const certificate: SessionKind = {
  id: 'certificate',
  secrets: HAN,
  async run({ page }) {
    await placeCard(page, 'resident-han', HAN.name!);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('consent-step-agree').click();
    await page.getByTestId('consent-agree').click({ timeout: 15_000 });
    await page.getByTestId('choice-step').waitFor({ timeout: 40_000 });
    await page.getByTestId('choice-employment').click();
    await page.getByTestId('review-step').waitFor({ timeout: 15_000 });
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('print-collected').waitFor({ timeout: 30_000 });
    const state = await page.getByTestId('a4-print-step').getAttribute('data-state');
    if (state !== 'printed') throw new Error(`certificate not printed: ${state}`);
    await page.getByTestId('print-collected').click();
    const outcome = await page.getByTestId('done-step').getAttribute('data-outcome', { timeout: 10_000 });
    if (outcome !== 'certificateIssued') throw new Error(`done with ${outcome}`);
    await removeCard(page);
    await page.getByTestId('done-finish').click();
    await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    return [];
  },
};

const typedReferral: SessionKind = {
  id: 'typedReferral',
  secrets: MAI,
  async run({ page }) {
    await page.getByTestId('start-button').click();
    await page.getByTestId('category-huzheng').waitFor({ timeout: 10_000 });
    await chooseCertificate(page);
    await page.getByTestId('identify-type').click();
    for (const c of MAI.idNumber!) await page.getByTestId(`id-keypad-key-${c}`).click();
    await page.getByTestId('id-keypad-confirm').click();
    const referral = page.getByTestId('referral-step');
    await referral.waitFor({ timeout: 15_000 });
    const to = await referral.getAttribute('data-to');
    if (to !== 'exitEntry') throw new Error(`referred to ${to}`);
    await page.getByTestId('referral-done').click();
    await page.getByTestId('done-finish').click({ timeout: 10_000 });
    await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    return [];
  },
};

const cancelled: SessionKind = {
  id: 'cancel',
  secrets: MA,
  async run({ page }) {
    await placeCard(page, 'resident-long-term', MA.name!);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('consent-step').waitFor();
    await removeCard(page);
    await cancel(page);
    return [];
  },
};

const idle: SessionKind = {
  id: 'idle',
  secrets: HAN,
  async run({ browser, page, url }) {
    // Its own page: the short idle time must not reach the long-lived page's sessions.
    // The host takes one renderer at a time, so the long-lived page steps aside (about:blank) until the caller has closed this one.
    // 0.01: the home step waits 0.9 s, then the countdown's readable minimum of 3 s.
    await page.goto('about:blank');
    const quick = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await linkThroughPage(quick);
    try {
      await openKiosk(quick, url, 'idleScale=0.01');
      await placeCard(quick, 'resident-han', HAN.name!);
      await removeCard(quick);
      await quick.getByTestId('idle-countdown').waitFor({ timeout: 15_000 });
      await quick.getByTestId('attract-screen').waitFor({ timeout: 15_000 });
    } catch (error) {
      await quick.close(); // so the long-lived page can connect again to recover
      throw error;
    }
    return [quick];
  },
};

const reload: SessionKind = {
  id: 'reload',
  secrets: MA,
  async run({ page, note }) {
    await placeCard(page, 'resident-long-term', MA.name!);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('consent-step').waitFor();
    await page.reload();
    // The reloaded renderer comes back on the attract screen and ends the session it lost
    // (reason `crashed`), so the next citizen can never walk into it.
    await page.getByTestId('attract-screen').waitFor({ timeout: 15_000 });
    const held = await waitForNoHostSession(page);
    if (held) throw new Error(`reload: ${held}`);
    note('reload: the lost session was ended as crashed');
    await removeCard(page);
    return [];
  },
};

/** The soak's rotation: every kind, certificates one in five (the face step is the slow one). */
export const ROTATION: readonly SessionKind[] = [certificate, cancelled, typedReferral, idle, reload];
