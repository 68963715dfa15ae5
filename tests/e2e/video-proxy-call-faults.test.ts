/**
 * 可视化代办, faults of the call (issue 19, "Faults and abuse"), end to end
 * on the real parts: one hall process, one kiosk host, three Chromium
 * instances, shared by the faults in turn, each a new case from the same
 * kiosk (the kiosk's own session ending: video-proxy-session-faults.test.ts;
 * the phone's network: video-proxy-network-drop.test.ts):
 * - the recording fails to store (the hall's recordings folder is a file):
 *   the case drops (recordingNotStored), nothing can be approved or printed;
 * - the officer closes the console: after `proxy.reconnectSeconds` (5 here,
 *   a real option) the case drops (officerLeft) and both people are told.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleLeavesEndedCase, framesFrom, intoProxyCall, kioskBackToAttract, printedPdfs, startProxyParties, type ProxyParties } from './proxy-support';
import { HEAVY_SLOT_WAIT_MS } from './heavy-slot';

let parties: ProxyParties;

beforeAll(async () => {
  parties = await startProxyParties({ proxy: { reconnectSeconds: 5 } });
}, 120_000 + HEAVY_SLOT_WAIT_MS);

afterAll(async () => {
  await parties?.stop();
});

describe('可视化代办: the call\'s faults', () => {
  it('the recording fails to store: the console says so, the case drops, the kiosk says why and prints nothing, the phone is told', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    await intoProxyCall(parties);
    // A real fault of the hall's disk: where its recordings go is a file, not a folder.
    const recordings = join(parties.hall.dataDir, 'recordings');
    rmSync(recordings, { recursive: true, force: true });
    writeFileSync(recordings, '');
    try {
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
      expect(await outcome.textContent()).toContain('录像没有保存成功，没有办理任何业务');
      expect(printedPdfs(parties.kiosk)).toEqual([]);
    } finally {
      rmSync(recordings, { force: true });
    }
    await consoleLeavesEndedCase(consolePage);
  });

  it('the officer closes the console mid-call: after the reconnect limit the case drops, the kiosk and the phone say the officer left', { timeout: 150_000 }, async () => {
    const { kioskPage, phonePage, consolePage } = parties;
    await kioskBackToAttract(kioskPage);
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
    expect(printedPdfs(parties.kiosk)).toEqual([]);
  });
});
