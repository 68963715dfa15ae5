/**
 * 可视化代办, faults of the call other than the network (issue 19, "Faults
 * and abuse"), end to end on the real parts: one hall process, one kiosk
 * host, three Chromium instances, shared by the faults in turn, each a new
 * case from the same kiosk:
 * - the kiosk idles while waiting for the principal (the idle is not held
 *   before the call): the session ends, the case is cancelled, the link is dead;
 * - the agent ends the kiosk session mid-call: the case is cancelled
 *   (kioskSessionEnded), the phone and console say so, the kiosk's videos stop;
 * - the recording fails to store (the hall's recordings folder is a file):
 *   the case drops (recordingNotStored), nothing can be approved or printed;
 * - the officer closes the console: after `proxy.reconnectSeconds` (5 here,
 *   a real option) the case drops (officerLeft) and both people are told.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskUrl } from './harness';
import { agentInvites, framesFrom, intoProxyCall, inviteUrl, startProxyParties, type ProxyParties } from './proxy-support';

let parties: ProxyParties;

beforeAll(async () => {
  parties = await startProxyParties({ proxy: { reconnectSeconds: 5 } });
}, 120_000);

afterAll(async () => {
  await parties?.stop();
});

/** The kiosk back at the attract screen, whatever screen of the session it is on. */
async function backToAttract(kiosk: Page): Promise<void> {
  const attract = kiosk.getByTestId('attract-screen');
  if (await attract.isVisible()) return;
  const finish = kiosk.getByTestId('proxy-finish');
  if (await finish.isVisible()) await finish.click();
  const cancel = kiosk.getByTestId('cancel-button');
  await Promise.race([attract.waitFor({ timeout: 15_000 }), cancel.click({ timeout: 15_000 })]).catch(() => undefined);
  await attract.waitFor({ timeout: 15_000 });
}

/** Video elements on `page` still playing a live track (a camera or a remote party). */
function liveVideos(page: Page): Promise<number> {
  return page.evaluate(
    () => [...document.querySelectorAll('video')].filter((video) => video.srcObject instanceof MediaStream && video.srcObject.getTracks().some((track) => track.readyState === 'live')).length,
  );
}

/** PDFs the kiosk wrote (it keeps its documents in these tests): none means nothing was printed. */
function printedDocuments(): string[] {
  const documents = join(parties.kiosk.dataDir, 'documents');
  return existsSync(documents) ? readdirSync(documents, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.pdf')) : [];
}

/** The console leaves an ended case's call view for the list. */
async function consoleLeavesEndedCase(consolePage: Page): Promise<void> {
  const leave = consolePage.getByRole('button', { name: '离开', exact: true });
  if (await leave.isVisible()) await leave.click();
}

describe('可视化代办: the call\'s faults', () => {
  it('the kiosk idles while waiting for the principal: the session ends and is wiped, the case is cancelled, the link no longer opens', { timeout: 120_000 }, async () => {
    const { kioskPage, phonePage } = parties;
    // Short idle limits on this simulated kiosk (the dev override `?idleScale`, simulation only).
    await kioskPage.goto(kioskUrl(parties.kiosk.url, 'idleScale=0.05'));
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
    await agentInvites(kioskPage);
    const invite = inviteUrl(parties.kioskFrames);
    // Nobody touches the kiosk: it asks, then ends the session.
    await kioskPage.getByTestId('idle-countdown').waitFor({ timeout: 30_000 });
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
    expect(await liveVideos(kioskPage)).toBe(0);

    // The case was cancelled with the session: the principal's link leads nowhere.
    await phonePage.goto(invite);
    const claim = phonePage.locator('[data-testid="claim-screen"][data-problem]');
    await claim.waitFor({ timeout: 20_000 });
    expect(await phonePage.getByTestId('intro-screen').count()).toBe(0);

    await kioskPage.goto(parties.kiosk.url);
    await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
  });

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
    expect(printedDocuments()).toEqual([]);
    await consoleLeavesEndedCase(consolePage);
  });

  it('the recording fails to store: the console says so, the case drops, the kiosk says why and prints nothing, the phone is told', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    await backToAttract(kioskPage);
    await intoProxyCall(parties);
    // A real fault of the hall's disk: where its recordings go is a file, not a folder.
    const recordings = join(parties.hall.dataDir, 'recordings');
    rmSync(recordings, { recursive: true, force: true });
    writeFileSync(recordings, '');

    await consolePage.getByRole('button', { name: '开始录制' }).click();
    await phonePage.getByTestId('statement-text').waitFor({ timeout: 15_000 });
    // The statement read for a few seconds (a consent segment needs at least 3 s).
    await phonePage.waitForTimeout(4_000);
    await consolePage.getByRole('button', { name: '结束录制' }).click();
    await consolePage.getByText('录像未能保存，本次代办已结束').first().waitFor({ timeout: 60_000 });
    await consolePage.getByText('本次代办已结束：已中断').waitFor({ timeout: 20_000 });
    // Nothing to approve.
    expect(await consolePage.getByRole('button', { name: '同意代办' }).count()).toBe(0);

    const kioskEnd = kioskPage.getByTestId('proxy-ended');
    await kioskEnd.waitFor({ timeout: 20_000 });
    expect(await kioskEnd.getAttribute('data-reason')).toBe('recordingNotStored');
    expect(await kioskPage.getByTestId('proxy-end-reason').textContent()).toContain('录像没有保存成功，不能继续办理');
    const outcome = phonePage.getByTestId('outcome-screen');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('recordingNotStored');
    expect(printedDocuments()).toEqual([]);

    rmSync(recordings, { force: true });
    await consoleLeavesEndedCase(consolePage);
  });

  it('the officer closes the console mid-call: after the reconnect limit the case drops, the kiosk and the phone say the officer left', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    await backToAttract(kioskPage);
    await intoProxyCall(parties);
    await expect.poll(() => framesFrom(kioskPage, 'console'), { timeout: 45_000 }).toBeGreaterThan(0);

    await consolePage.context().close();

    const kioskEnd = kioskPage.getByTestId('proxy-ended');
    await kioskEnd.waitFor({ timeout: 60_000 });
    expect(await kioskEnd.getAttribute('data-reason')).toBe('officerLeft');
    expect(await kioskPage.getByTestId('proxy-end-reason').textContent()).toContain('民警离开了通话');
    const outcome = phonePage.getByTestId('outcome-screen');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('officerLeft');
    expect(await outcome.textContent()).toContain('民警离开了通话，没有办理任何业务');
    expect(printedDocuments()).toEqual([]);
  });
});
