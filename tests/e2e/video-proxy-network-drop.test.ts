/**
 * 可视化代办, the principal's phone losing its network mid-call (issue 19's
 * faults), end to end: the phone's Chromium runs in its own network
 * namespace and reaches the hall (and the other two parties) only through a
 * veth pair; taking that link down is the drop. Back before the limit, the
 * mesh's ICE restarts mend the call and the phone's signal socket comes back;
 * down past the limit, the hall drops the case (principalLeft) and the kiosk
 * and console say so. The hall's `proxy.reconnectSeconds` is set to 10 (a real
 * option, minimum 5) so the long outage does not take a minute.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { allocateNetns, describeNetnsError, IP_BINARY, type Netns } from '../../scripts/lib/netns';
import { expectMediaAllWays, framesFrom, intoProxyCall, startProxyParties, type ProxyParties } from './proxy-support';
import { HEAVY_SLOT_WAIT_MS } from './heavy-slot';

function setLink(netns: Netns, state: 'up' | 'down'): void {
  const done = spawnSync(IP_BINARY, ['link', 'set', netns.hostLink, state], { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`ip link set ${netns.hostLink} ${state}: ${done.stderr}`);
}

describe('可视化代办: the phone\'s network drops mid-call', () => {
  it('back within the limit the call goes on (media from the phone flows again); down past it the case drops and the kiosk and console say so', { timeout: 240_000 + HEAVY_SLOT_WAIT_MS }, async () => {
    const made = allocateNetns();
    if (!made.ok) throw new Error(describeNetnsError(made.error));
    const netns = made.value;
    let parties: ProxyParties | undefined;
    try {
      parties = await startProxyParties({ phoneNetns: netns, proxy: { reconnectSeconds: 10 } });
      const { kioskPage, phonePage, consolePage } = parties;
      await intoProxyCall(parties);
      await expectMediaAllWays(parties, false);
      const principalTile = kioskPage.getByTestId('proxy-tile-principal');
      const ended = consolePage.getByText(/本次代办已结束/);

      // A short outage: the kiosk notices (the principal's tile says it is reconnecting), then the network is back.
      setLink(netns, 'down');
      await kioskPage.locator('[data-testid="proxy-tile-principal"][data-state="reconnecting"]').waitFor({ timeout: 45_000 });
      const atKiosk = await framesFrom(kioskPage, 'phone');
      const atConsole = await framesFrom(consolePage, 'phone');
      setLink(netns, 'up');
      // The phone's picture moves again at both ends: frames decoded keep increasing.
      await expect.poll(() => framesFrom(kioskPage, 'phone'), { timeout: 60_000, interval: 500 }).toBeGreaterThan(atKiosk + 30);
      await expect.poll(() => framesFrom(consolePage, 'phone'), { timeout: 60_000, interval: 500 }).toBeGreaterThan(atConsole + 30);
      await expect.poll(() => principalTile.getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');
      // The case is still live everywhere: the kiosk's call, the phone's call screen, no end on the console.
      expect(await kioskPage.getByTestId('proxy-call').isVisible()).toBe(true);
      expect(await kioskPage.getByTestId('proxy-ended').count()).toBe(0);
      expect(await phonePage.getByTestId('call-screen').isVisible()).toBe(true);
      expect(await ended.count()).toBe(0);
      // And the phone's signal socket is back: the case still moves on it (recording starts, the phone shows the statement).
      await consolePage.getByRole('button', { name: '开始录制' }).click();
      await phonePage.getByTestId('statement-text').waitFor({ timeout: 30_000 });

      // Down past the limit: the hall drops the case.
      setLink(netns, 'down');
      await ended.waitFor({ timeout: 90_000 });
      expect(await ended.textContent()).toContain('已中断');
      const kioskEnd = kioskPage.getByTestId('proxy-ended');
      await kioskEnd.waitFor({ timeout: 30_000 });
      expect(await kioskEnd.getAttribute('data-reason')).toBe('principalLeft');
      expect(await kioskPage.getByTestId('proxy-end-reason').textContent()).toContain('委托人离开了通话');

      // When the phone's network comes back, it is told the case has ended: a clear end, not a frozen call.
      setLink(netns, 'up');
      const outcome = phonePage.getByTestId('outcome-screen');
      await outcome.waitFor({ timeout: 45_000 });
      // In words for the principal: their network was lost (not "you left").
      expect(await outcome.getAttribute('data-outcome')).toBe('networkLost');
      expect(await outcome.textContent()).toContain('网络断了，通话结束，没有办理任何业务');
    } finally {
      await parties?.stop();
      await netns.stop();
    }
  });
});
