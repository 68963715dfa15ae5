/**
 * 可视化代办 when the kiosk's own session ends (issue 19, "the kiosk's session
 * idling"), end to end on the real parts (one hall process, a kiosk host,
 * three Chromium instances): the case is cancelled (kioskSessionEnded) and
 * the others are told.
 * - The agent ends the session (结束办理) mid-call: the phone and the console
 *   say it ended, the kiosk is back at its attract screen with no video playing.
 * - Nobody touches the kiosk while it waits for the principal: the renderer's
 *   idle countdown is held then (the agent waits on someone else), so it is
 *   the host's idle backstop (`session.backstopSeconds`, 30 here, its
 *   minimum; a kiosk host restarted with it) that ends the session; the case
 *   leaves the console's list and its link no longer opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleLeavesEndedCase,
  framesFrom,
  intoProxyCall,
  agentInvites,
  inviteUrl,
  KIOSK_ID,
  liveVideos,
  printedPdfs,
  startProxyParties,
  type ProxyParties,
} from './proxy-support';

let parties: ProxyParties;

beforeAll(async () => {
  parties = await startProxyParties();
}, 120_000);

afterAll(async () => {
  await parties?.stop();
});

describe('可视化代办: the kiosk session ends', () => {
  it('the agent ends the kiosk session mid-call: the case is cancelled, the phone and console say it ended, no video plays on at the kiosk', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    await intoProxyCall(parties);
    await expect.poll(() => framesFrom(kioskPage, 'phone'), { timeout: 45_000 }).toBeGreaterThan(0);
    expect(await liveVideos(kioskPage)).toBeGreaterThan(0);

    await kioskPage.getByTestId('cancel-button').click();
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 15_000 });
    await expect.poll(() => liveVideos(kioskPage), { timeout: 15_000 }).toBe(0);

    const outcome = phonePage.getByTestId('outcome-screen');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('kioskSessionEnded');
    expect(await outcome.textContent()).toContain('代办人那边已结束，没有办理任何业务');
    await consolePage.getByText('本次代办已结束：已中断').waitFor({ timeout: 20_000 });
    expect(printedPdfs(parties.kiosk)).toEqual([]);
    await consoleLeavesEndedCase(consolePage);
  });

  it('nobody touches the kiosk while it waits for the principal: the host ends the session, the case leaves the console, the link no longer opens', { timeout: 150_000 }, async () => {
    await parties.restartKiosk({ session: { backstopSeconds: 30 } });
    const { kioskPage, phonePage, consolePage } = parties;
    await consolePage.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /^可视化代办/ }).click();
    await agentInvites(kioskPage);
    const invite = inviteUrl(parties.kioskFrames);
    const row = consolePage.getByRole('listitem', { name: `无犯罪记录证明 ${KIOSK_ID}` });
    await row.waitFor({ timeout: 30_000 });

    // No touch from here: the session ends by itself and is wiped.
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 90_000 });
    await kioskPage.getByTestId('session-ended').waitFor({ timeout: 15_000 });
    await row.waitFor({ state: 'detached', timeout: 30_000 });

    // The principal's link leads nowhere now.
    await phonePage.goto('about:blank');
    await phonePage.goto(invite);
    const claim = phonePage.locator('[data-testid="claim-screen"][data-problem]');
    await claim.waitFor({ timeout: 20_000 });
    expect(await phonePage.getByTestId('intro-screen').count()).toBe(0);
  });
});
