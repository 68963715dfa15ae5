/**
 * 可视化代办 when the kiosk's own session ends (issue 19, "the kiosk's session
 * idling"), end to end on the real parts (one hall process, a kiosk host,
 * three Chromium instances): the case is cancelled (kioskSessionEnded) and
 * the others are told.
 * - The agent ends the session (结束办理) mid-call: the phone and the console
 *   say it ended, the kiosk is back at its attract screen with no video playing.
 * - The agent walks away when it is their turn to sign: while they waited on
 *   the others the idle countdown (and the host's backstop) was held; now it
 *   runs (the simulated kiosk's `?idleScale=0.1`), asks 还需要更多时间吗 and
 *   ends the session: the case is cancelled, the phone and the console say
 *   so, nothing is printed. (A wait for the principal is bounded by the
 *   hall: the link's life, then the case's time limit.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskUrl } from './harness';
import {
  consoleLeavesEndedCase,
  framesFrom,
  intoProxyCall,
  liveVideos,
  printedPdfs,
  startProxyParties,
  type ProxyParties,
} from './proxy-support';
import { HEAVY_SLOT_WAIT_MS } from './heavy-slot';

let parties: ProxyParties;

beforeAll(async () => {
  parties = await startProxyParties();
}, 120_000 + HEAVY_SLOT_WAIT_MS);

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

  it('the agent walks away when it is their turn to sign: the idle countdown ends the session, the case is cancelled, the phone and console say so, nothing is printed', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    // The simulated kiosk's dev scale: a step waits 12 s, not 120 s, before asking 还需要更多时间吗.
    await kioskPage.goto(kioskUrl(parties.kiosk.url, 'idleScale=0.1'));
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
    await intoProxyCall(parties);
    // While the agent waits on the others (the call, the recording) the countdown is held: the recording is made.
    await consolePage.getByRole('button', { name: '开始录制' }).click();
    await phonePage.getByTestId('statement-text').waitFor({ timeout: 15_000 });
    await phonePage.waitForTimeout(4_000);
    await consolePage.getByRole('button', { name: '结束录制' }).click();
    await consolePage.getByText(/录像已保存/).waitFor({ timeout: 60_000 });

    // The agent's turn to sign, and nobody touches the kiosk: the countdown asks, then ends the session.
    await kioskPage.getByTestId('proxy-sign').waitFor({ timeout: 15_000 });
    await kioskPage.getByTestId('idle-countdown').waitFor({ timeout: 60_000 });
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
    expect(await kioskPage.getByTestId('session-ended').getAttribute('data-reason')).toBe('timeout');
    await expect.poll(() => liveVideos(kioskPage), { timeout: 15_000 }).toBe(0);

    const outcome = phonePage.getByTestId('outcome-screen');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('kioskSessionEnded');
    await consolePage.getByText('本次代办已结束：已中断').waitFor({ timeout: 20_000 });
    expect(await consolePage.getByRole('button', { name: '同意代办' }).count()).toBe(0);
    expect(printedPdfs(parties.kiosk)).toEqual([]);
    await consoleLeavesEndedCase(consolePage);
  });
});
