/**
 * Fault injection on the whole running kiosk (issue #8, item 3): the
 * renderer is reloaded in the middle of a citizen's session, as a renderer
 * crash or a stray F5 would. The host keeps running and still holds the
 * session; the reloaded renderer comes back on the attract screen and must
 * end the session it lost (reason `crashed`), so the next citizen never walks
 * into it.
 *
 * Three moments: the welcome with the (masked) name (card placed through the dock),
 * the live face check (camera on, challenge open on the host), and the
 * purpose step after the face check. Each time: nothing of the citizen is
 * left in the page (text, markup, Web Storage, IndexedDB) or the host log,
 * the host logs the session's end as `crashed`, the journal has exactly one
 * row for it, and the next citizen's card opens a new session at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sweepPage } from '../../scripts/soak/privacy';
import { stillFaceVideo } from './fixtures/face-video';
import { fakeCameraArgs, launchChromium } from './harness';
import {
  chooseCertificate,
  consentToQueryAndFace,
  dock,
  expectNoTraces,
  HAN,
  MA,
  newSessionId,
  openKioskWithCamera,
  placeCard,
  PORTRAIT,
  sessionIds,
  startLoggedHost,
  waitPastFaceCheck,
  type LoggedHost,
} from './certificate-support';
import { endedLines, hostSession, readerEmpty, readJournal } from './fault-support';
import { linkThroughPage } from './host-link';
import { maskName } from '../../domain/mask';

let logged: LoggedHost;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  [logged, browser] = await Promise.all([
    startLoggedHost({ face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true } }),
    launchChromium(fakeCameraArgs(stillFaceVideo())),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await logged?.stop();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** Where the citizen is when the page reloads, and what the journal should say the flow came to. */
const MOMENTS: ReadonlyArray<{ label: string; outcome: string; reach(page: Page): Promise<void> }> = [
  { label: 'the welcome with the masked name (no service chosen)', outcome: 'noService', reach: async () => undefined },
  {
    label: 'the live face check',
    outcome: 'abandoned',
    reach: async (p) => {
      await chooseCertificate(p);
      await p.getByTestId('identify-confirm').click();
      await consentToQueryAndFace(p);
      await p.getByTestId('face-check').waitFor({ timeout: 15_000 });
    },
  },
  {
    label: 'the purpose step, after the face check',
    outcome: 'abandoned',
    reach: async (p) => {
      await chooseCertificate(p);
      await p.getByTestId('identify-confirm').click();
      await consentToQueryAndFace(p);
      await waitPastFaceCheck(p, 'choice-step', logged.lines);
    },
  },
];

describe('the renderer reloaded mid-session', () => {
  for (const moment of MOMENTS) {
    it(`on ${moment.label}: back to a clean attract screen, the host ends the session as crashed, one journal row, the next citizen starts at once`, { timeout: 60_000 }, async () => {
      const known = sessionIds(logged.lines);
      const rowsBefore = readJournal(logged.dataDir).transactions.length;
      page = await browser.newPage({ viewport: PORTRAIT });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await linkThroughPage(page);
      await openKioskWithCamera(page, logged.url);
      await placeCard(page, HAN);
      const sessionId = await newSessionId(logged.lines, known);
      await moment.reach(page);
      // The control: the header greets the citizen by the masked name; the full name (shown only on the identify
      // and review steps) and the full number (never shown) are not on this screen.
      await page.getByTestId('welcome').filter({ hasText: maskName(HAN.name) }).waitFor();
      expect(await sweepPage(page, HAN)).toEqual([]);
      // …and the host holds the citizen's session (the question the soak asks after every session).
      expect(await hostSession(page)).toBe(sessionId);

      await page.reload();

      // Attract screen, nothing of the citizen in the page or the log; the host ended the lost session as crashed.
      await expectNoTraces(page, logged, sessionId, HAN);
      expect(await page.content()).not.toContain(maskName(HAN.name));
      const ended = endedLines(logged.lines, sessionId);
      expect(ended).toHaveLength(1);
      expect(ended[0]).toContain('"reason":"crashed"');

      // Exactly one journal row for it, closed as crashed with what the flow came to.
      await expect
        .poll(() => readJournal(logged.dataDir).transactions.filter((t) => t.session_id === sessionId), { timeout: 5_000 })
        .toEqual([expect.objectContaining({ session_id: sessionId, end_reason: 'crashed', outcome: moment.outcome })]);

      // The host itself holds no session any more.
      expect(await hostSession(page)).toBeNull();

      // The next citizen: HAN takes the card away (the reader notices), MA places hers; a new session, with MA's name only.
      await dock(page, 'dock-remove-card');
      await expect.poll(() => readerEmpty(page!), { timeout: 10_000, message: 'the reader saw the card go' }).toBe(true);
      await placeCard(page, MA);
      const next = await newSessionId(logged.lines, new Set([...known, sessionId]));
      expect(await sweepPage(page, HAN)).toEqual([]);
      await dock(page, 'dock-remove-card');
      await page.getByTestId('cancel-button').click();
      await expectNoTraces(page, logged, next, MA);
      expect(endedLines(logged.lines, next).some((line) => line.includes('"reason":"cancelled"'))).toBe(true);

      // One row per session, none left open.
      const rows = readJournal(logged.dataDir).transactions;
      expect(rows).toHaveLength(rowsBefore + 2);
      expect(rows.filter((t) => t.ended_at === null)).toEqual([]);
      expect(rows.filter((t) => t.session_id === sessionId)).toHaveLength(1);
      expect(pageErrors).toEqual([]);
    });
  }
});
