/**
 * 无犯罪记录证明 end to end, issue 12 (1): one identity per flow. The camera
 * plays the attacker's own face (resident-han's reference photo, with the
 * simulation-only seam `face.testingSkipLiveness`), so a face check of the
 * attacker's own identity would pass. Each attack gives the kiosk the
 * victim's identity at identify and the attacker's own at the face check:
 * by a card placed on the reader, or by a number typed (through the host API,
 * as a tampered renderer would: the screen offers no keypad after identify).
 *
 * What must happen: the session ends at once with a clear notice, no step
 * after the face check is ever drawn (no purpose, review, print, counter or
 * referral: nothing that tells whether the victim exists or has a record),
 * nothing is printed or queued, and the journal says `identityChanged`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeCameraArgs, launchChromium } from './harness';
import { endedLines, hostCall, readJournal } from './fault-support';
import { linkThroughPage } from './host-link';
import {
  chooseCertificate,
  dock,
  expectNoTraces,
  HAN,
  MA,
  newSessionId,
  openKioskWithCamera,
  placeCard,
  PORTRAIT,
  referenceFaceVideo,
  sessionIds,
  sessionLines,
  startLoggedHost,
  type LoggedHost,
} from './certificate-support';

/** The attacker: their own card and face. The victim: resident-long-term. */
const ATTACKER = HAN;
const VICTIM = MA;

/**
 * Page-side watch (source text: tsx helpers do not exist in the page): every
 * flow step the runner draws, in order, in `window.__flowSteps`.
 */
const WATCH_STEPS = `(() => {
  const steps = (window.__flowSteps = []);
  const note = () => {
    const step = document.querySelector('[data-testid="flow-runner"]')?.getAttribute('data-step');
    if (step && steps.at(-1) !== step) steps.push(step);
  };
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
})()`;

let fixtures: string;
let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'onedoor-identity-fixtures-'));
  [logged, browser] = await Promise.all([
    startLoggedHost({ documents: { keepDocuments: true }, face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(referenceFaceVideo(fixtures, ATTACKER.card))),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/**
 * Where the attack leads: the attract screen (the kiosk ended it), or on
 * through the face check (the attacker's face) to the purpose step, as
 * before the fix. Gives the biometric consent if the face step asks for it.
 */
async function outcomeOfAttack(p: Page): Promise<'attract' | 'purpose'> {
  let outcome: 'attract' | 'purpose' | null = null;
  await expect
    .poll(
      async () => {
        if (await p.getByTestId('attract-screen').isVisible()) outcome = 'attract';
        else if (await p.getByTestId('choice-step').isVisible()) outcome = 'purpose';
        else if (await p.getByTestId('consent-agree').isVisible()) await p.getByTestId('consent-agree').click({ timeout: 1_000 }).catch(() => undefined);
        return outcome;
      },
      { timeout: 60_000, interval: 250, message: 'the attack to lead somewhere' },
    )
    .not.toBeNull();
  return outcome!;
}

/** After the swap: the notice, no step past the face check, nothing printed or queued, a truthful journal, no traces. */
async function expectEndedByIdentityChange(p: Page, sessionId: string): Promise<void> {
  const notice = p.getByTestId('session-ended');
  expect(await notice.getAttribute('data-reason')).toBe('identityChanged');
  expect(await notice.innerText()).toContain('检测到另一张身份证或另一个证件号码');
  expect(await notice.innerText()).toContain('Another ID card or ID number was presented');

  const steps = (await p.evaluate('window.__flowSteps')) as string[];
  // From the face check straight to the end (the done step may flash with its identityChanged words).
  expect(['faceCheck', 'faceCheck,done']).toContain(steps.slice(steps.indexOf('faceCheck')).join(','));
  for (const step of ['choice', 'query', 'review', 'a4Print', 'counter', 'referral', 'failed']) expect(steps).not.toContain(step);

  const ended = endedLines(logged.lines, sessionId);
  expect(ended).toHaveLength(1);
  expect(ended[0]).toContain('"reason":"identityChanged"');
  // No face verdict moved the flow.
  expect(sessionLines(logged.lines, sessionId).some((l) => l.includes('"msg":"face result"') && l.includes('"accepted":true'))).toBe(false);

  await expect
    .poll(() => readJournal(logged.dataDir).transactions.filter((t) => t.session_id === sessionId), { timeout: 5_000 })
    .toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'identityChanged', end_reason: 'identityChanged', service_id: 'no-criminal-record', print_outcome: null, documents: '[]' })]);
  const journal = readJournal(logged.dataDir);
  // The row is about the identity the flow was fixed to (the victim's), masked.
  const row = journal.transactions.find((t) => t.session_id === sessionId)!;
  expect(row.id_number_masked?.slice(-4)).toBe(VICTIM.idNumber.slice(-4));
  expect(row.id_number_masked).not.toBe(VICTIM.idNumber);
  expect(journal.documents.filter((d) => d.session_id === sessionId)).toEqual([]);
  expect(journal.outbox).toBe(0);

  await expectNoTraces(p, logged, sessionId, VICTIM);
  await expectNoTraces(p, logged, sessionId, ATTACKER);
}

describe('another identity after identify ends the session', () => {
  it("card swap: the victim's number typed, consent, the attacker's own card at the face check → no certificate, nothing revealed, journaled as identityChanged", { timeout: 180_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await openKioskWithCamera(page, logged.url);
    await page.getByTestId('start-button').click();
    await page.getByTestId('category-huzheng').waitFor({ timeout: 10_000 });
    await chooseCertificate(page);
    await page.evaluate(WATCH_STEPS);
    await page.getByTestId('identify-type').click();
    await page.getByTestId('id-keypad').waitFor();
    for (const c of VICTIM.idNumber) await page.getByTestId(`id-keypad-key-${c}`).click();
    await page.getByTestId('id-keypad-confirm').click();
    await page.getByTestId('consent-step').waitFor({ timeout: 10_000 });
    const sessionId = await newSessionId(logged.lines, known);
    await page.getByTestId('consent-step-agree').click();
    await page.getByTestId('face-step').waitFor({ timeout: 15_000 });

    await dock(page, `dock-card-${ATTACKER.card}`);
    expect(await outcomeOfAttack(page)).toBe('attract');
    await expectEndedByIdentityChange(page, sessionId);
    await dock(page, 'dock-remove-card');
  });

  it("typed-number swap: the victim's card, consent, the attacker's own number typed at the face check → no certificate, nothing revealed, journaled as identityChanged", { timeout: 180_000 }, async () => {
    const known = sessionIds(logged.lines);
    page = await browser.newPage({ viewport: PORTRAIT });
    await linkThroughPage(page);
    await openKioskWithCamera(page, logged.url);
    await placeCard(page, VICTIM);
    const sessionId = await newSessionId(logged.lines, known);
    await chooseCertificate(page);
    await page.evaluate(WATCH_STEPS);
    await page.getByTestId('identify-confirm').click();
    await page.getByTestId('consent-step-agree').click();
    await page.getByTestId('face-step').waitFor({ timeout: 15_000 });

    const typed = await hostCall(page, 'identity.typed', { sessionId, idNumber: ATTACKER.idNumber });
    expect(typed).toMatchObject({ ok: false, error: { messageKey: 'app.sessionEndedIdentityChanged' } });
    expect(await outcomeOfAttack(page)).toBe('attract');
    await expectEndedByIdentityChange(page, sessionId);
    await dock(page, 'dock-remove-card');
  });
});
