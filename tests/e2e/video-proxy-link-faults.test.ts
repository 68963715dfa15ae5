/**
 * 可视化代办's invitation and face faults end to end (issue 19, docs/video-proxy.md
 * "Faults"): `npm run hall`'s process, a kiosk host linked to it, headless
 * Chromium for the kiosk, the principal's phone and the console, and other
 * phones in an instance of their own whose fake camera shows someone else
 * (a woman who is none of the sample citizens). A link opened a second time on another phone is
 * refused, as is an unknown or cut-short one, and none of them tells that
 * phone anything about the principal; the phone that opened it comes back
 * into its call. Someone else's face is refused with the tries left and
 * nothing about whose reference it was; out of tries the case ends failed.
 * A link nobody opens expires. After each case the kiosk session ends and
 * nothing of the call stays on the kiosk: no stream playing, no camera or
 * microphone left open, and neither the token nor the principal's number or
 * mobile in its data folder or its log.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from '../../domain/mask';
import { otherFaceVideo } from './fixtures/face-video';
import {
  AGENT,
  agentInvites,
  filesText,
  inviteUrl,
  launchPhone,
  principalJoins,
  PRINCIPAL,
  PRINCIPAL_MOBILE,
  startProxyParties,
  type ProxyParties,
} from './proxy-support';
import { dock } from './service-support';
import { HEAVY_SLOT_WAIT_MS } from './heavy-slot';

const SERVICE = '无犯罪记录证明';

/** Everything a phone that has not passed the face check must never learn (the principal, the agent, the service). */
const NOT_FOR_AN_UNVERIFIED_PHONE = [
  PRINCIPAL.name,
  maskName(PRINCIPAL.name),
  PRINCIPAL.idNumber,
  maskIdNumber(PRINCIPAL.idNumber),
  PRINCIPAL.idNumber.slice(6, 14),
  PRINCIPAL_MOBILE,
  `${PRINCIPAL_MOBILE.slice(0, 3)}****${PRINCIPAL_MOBILE.slice(-4)}`,
  AGENT.name,
  maskName(AGENT.name),
  SERVICE,
];

/** The phone API's answers a page received (`/phone/api/…`), kept as text as they arrive. */
function phoneAnswers(page: Page): { route: string; status: number; text: Promise<string> }[] {
  const answers: { route: string; status: number; text: Promise<string> }[] = [];
  page.on('response', (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/phone/api/')) answers.push({ route: path.slice('/phone/api'.length), status: response.status(), text: response.text().catch(() => '') });
  });
  return answers;
}

/** Neither the page's text nor any answer it got names the principal, the agent or the service; no answer is big enough to carry a photo. */
async function expectNothingAbout(page: Page, answers: ReturnType<typeof phoneAnswers>): Promise<void> {
  const texts = await Promise.all(answers.map((a) => a.text));
  const seen = [await page.locator('body').innerText(), ...texts].join('\n');
  expect(NOT_FOR_AN_UNVERIFIED_PHONE.filter((secret) => seen.includes(secret))).toEqual([]);
  expect(answers.filter((_, i) => texts[i]!.length > 2048).map((a) => a.route)).toEqual([]);
}

/** Test-only: every camera and microphone track the kiosk page opens, kept so the test can see each one stopped. */
const KEEP_KIOSK_TRACKS = `(() => {
  const tracks = [];
  window.__onedoorTracks = tracks;
  const media = navigator.mediaDevices;
  if (!media) return;
  const open = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    tracks.push(...stream.getTracks());
    return stream;
  };
})();`;

async function watchKioskTracks(parties: ProxyParties): Promise<void> {
  await parties.kioskPage.context().addInitScript(KEEP_KIOSK_TRACKS);
  await parties.kioskPage.reload();
  await parties.kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
}

/** The kiosk's camera and microphone tracks: how many it opened, and those of them, and of its videos, still live. */
function kioskMedia(page: Page): Promise<{ opened: number; liveOpened: string[]; livePlaying: string[] }> {
  return page.evaluate(() => {
    const opened = (window as unknown as { __onedoorTracks?: MediaStreamTrack[] }).__onedoorTracks ?? [];
    const playing = [...document.querySelectorAll('video')].flatMap((video) => (video.srcObject instanceof MediaStream ? video.srcObject.getTracks() : []));
    const live = (tracks: MediaStreamTrack[]) => tracks.filter((track) => track.readyState === 'live').map((track) => track.kind);
    return { opened: opened.length, liveOpened: live(opened), livePlaying: live(playing) };
  });
}

/**
 * After the session: the attract screen, no call stream playing, every camera and microphone track the
 * kiosk opened stopped, and neither the invitation's token nor the principal's number or mobile in the
 * kiosk's data folder or log; no recording or signature image there either.
 */
async function expectNothingLeftOnKiosk(parties: ProxyParties, invite: string, cameraOpened: boolean): Promise<void> {
  const { kioskPage, kiosk } = parties;
  await kioskPage.getByTestId('attract-screen').waitFor({ timeout: 30_000 });
  await expect.poll(() => kioskMedia(kioskPage), { timeout: 15_000 }).toMatchObject({ liveOpened: [], livePlaying: [] });
  if (cameraOpened) expect((await kioskMedia(kioskPage)).opened).toBeGreaterThan(0);

  const token = new URL(invite).hash.replace(/^#t=/, '');
  expect(token.length).toBeGreaterThan(30);
  const secrets = [token, PRINCIPAL.idNumber, PRINCIPAL_MOBILE];
  const files = filesText(kiosk.dataDir);
  expect(files.filter((file) => secrets.some((secret) => file.text.includes(secret))).map((file) => file.path)).toEqual([]);
  // No recording (WebM/Matroska, MP4) and no signature picture (PNG, JPEG, SVG) by name or by content.
  const media = files.filter(
    (file) => /\.(webm|mkv|mp4|png|jpe?g|svg)$/i.test(file.path) || file.text.startsWith('\x1a\x45\xdf\xa3') || file.text.startsWith('\x89PNG') || file.text.startsWith('\xff\xd8\xff'),
  );
  expect(media.map((file) => file.path)).toEqual([]);
  expect(kiosk.lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
}

/** What the kiosk shows (its test ids, twice a little apart) and the host's last frames: for a failure's message. */
async function kioskScreen(parties: ProxyParties): Promise<string> {
  const ids = () => parties.kioskPage.evaluate(() => [...document.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid')).filter((id) => !/^(phone-keypad-key|id-keypad-key|dock-)/.test(String(id))).join(' '));
  const first = await ids();
  await parties.kioskPage.waitForTimeout(500);
  return `on screen: ${first}\nthen: ${await ids()}\nlast frames: ${parties.kioskFrames.slice(-4).join('\n').slice(0, 4000)}`;
}

/** The case has ended at the kiosk: 知道了, then the run's end, back to the attract screen; the card taken out. */
async function finishAtKiosk(page: Page): Promise<void> {
  await page.getByTestId('proxy-finish').click();
  const done = page.getByTestId('done-finish');
  await done.or(page.getByTestId('attract-screen')).first().waitFor({ timeout: 15_000 });
  if (await done.isVisible()) await done.click();
  await page.getByTestId('attract-screen').waitFor({ timeout: 15_000 });
  await dock(page, 'dock-remove-card');
}

describe('可视化代办: the invitation link and the face check refuse what they must', () => {
  it('a link opened twice, unknown or cut short, and someone else\'s face: refused, nothing about the principal told; nothing of the call stays on the kiosk', { timeout: 240_000 + HEAVY_SLOT_WAIT_MS }, async () => {
    // Two tries per case, so someone else's face runs out of them sooner.
    const parties = await startProxyParties({ proxy: { maxFaceAttempts: 2 } });
    const others = await launchPhone(otherFaceVideo());
    try {
      const { kioskPage, phonePage } = parties;
      await watchKioskTracks(parties);

      // The principal opens the link and is in the call (waiting for the officer).
      await agentInvites(kioskPage);
      const invite = inviteUrl(parties.kioskFrames);
      await principalJoins(phonePage, invite);
      await kioskPage.locator('[data-testid="proxy-call-step"][data-phase="waitingForOfficer"]').waitFor({ timeout: 30_000 });

      // The same link on a second phone (no cookie): used, and not a word about whom it was for.
      const second = await others.newPage();
      const secondAnswers = phoneAnswers(second);
      await second.goto(invite);
      const problem = second.getByTestId('claim-problem');
      await problem.waitFor({ timeout: 20_000 });
      expect(await second.getByTestId('claim-screen').getAttribute('data-problem')).toBe('linkUsed');
      expect(await problem.textContent()).toContain('这个链接已经用过了');
      expect(secondAnswers.find((a) => a.route === '/claim')?.status).toBe(409);
      await expectNothingAbout(second, secondAnswers);
      expect(await second.getByTestId('intro-screen').count()).toBe(0);

      // An unknown token (well formed) and a cut-short link: "this link cannot be used", nothing more.
      const origin = new URL(invite).origin;
      for (const link of [`${origin}/p/#t=${'Q'.repeat(43)}`, invite.slice(0, invite.length - 20)]) {
        const other = await others.newPage();
        const answers = phoneAnswers(other);
        await other.goto(link);
        await other.getByTestId('claim-problem').waitFor({ timeout: 20_000 });
        expect(await other.getByTestId('claim-screen').getAttribute('data-problem'), link.length > invite.length - 20 ? 'unknown token' : 'cut-short link').toBe('linkUnknown');
        expect(await other.getByTestId('claim-problem').textContent()).toContain('这个链接无法使用');
        await expectNothingAbout(other, answers);
        await other.context().close();
      }

      // The principal's own phone is still in the call; a reload, or the link opened again on it, goes back in.
      await phonePage.getByTestId('call-screen').waitFor();
      await phonePage.reload();
      await phonePage.getByTestId('call-screen').waitFor({ timeout: 30_000 });
      await phonePage.goto('about:blank');
      await phonePage.goto(invite);
      await phonePage.getByTestId('call-screen').waitFor({ timeout: 30_000 });
      expect(await phonePage.getByTestId('claim-problem').count()).toBe(0);

      // The agent ends the session mid-call: the phone is told, nothing stays on the kiosk.
      await kioskPage.getByTestId('cancel-button').click();
      const ended = phonePage.getByTestId('outcome-screen');
      await ended.waitFor({ timeout: 30_000 });
      expect(await ended.getAttribute('data-outcome')).toBe('kioskSessionEnded');
      await dock(kioskPage, 'dock-remove-card');
      await expectNothingLeftOnKiosk(parties, invite, true);
      await second.context().close();

      // A new case; someone else opens the link and tries their own face.
      await agentInvites(kioskPage).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await kioskScreen(parties)}`);
      });
      const secondInvite = inviteUrl(parties.kioskFrames);
      expect(secondInvite).not.toBe(invite);
      const impostor = await others.newPage();
      const impostorAnswers = phoneAnswers(impostor);
      await impostor.goto(secondInvite);
      await impostor.getByTestId('intro-screen').waitFor({ timeout: 20_000 });
      await impostor.getByTestId('consent-agree').click();
      await impostor.locator('[data-testid="face-screen"][data-phase="notMatched"]').waitFor({ timeout: 90_000 }).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nthe phone says: ${await impostor.getByTestId('face-screen').getAttribute('data-phase')} ${await impostor.getByTestId('face-guidance').textContent()}`);
      });
      expect(await impostor.getByTestId('face-guidance').textContent()).toContain('没有核对成功');
      expect(await impostor.getByTestId('face-result').textContent()).toContain('还可以再试 1 次');
      // The answer is the one a number without any reference photo gets: no reason, whose face it was not, or whether one exists.
      const verdicts = async () => Promise.all(impostorAnswers.filter((a) => a.route === '/face/verify').map(async (a) => JSON.parse(await a.text) as unknown));
      expect(await verdicts()).toEqual([{ outcome: 'notMatched', reasonKey: null, attemptsLeft: 1 }]);
      await expectNothingAbout(impostor, impostorAnswers);
      await kioskPage.locator('[data-testid="proxy-call-step"][data-phase="principalChecking"]').waitFor({ timeout: 15_000 });

      // The last try: the case ends failed; the phone and the kiosk say so.
      await impostor.getByTestId('face-retry').click();
      const outcome = impostor.getByTestId('outcome-screen');
      await outcome.waitFor({ timeout: 90_000 });
      expect(await outcome.getAttribute('data-outcome')).toBe('principalFaceFailed');
      expect(await outcome.textContent()).toContain('身份核对没有通过');
      expect(await verdicts()).toEqual([
        { outcome: 'notMatched', reasonKey: null, attemptsLeft: 1 },
        { outcome: 'notMatched', reasonKey: null, attemptsLeft: 0 },
      ]);
      await expectNothingAbout(impostor, impostorAnswers);
      const kioskEnded = kioskPage.getByTestId('proxy-ended');
      await kioskEnded.waitFor({ timeout: 30_000 });
      expect(await kioskEnded.getAttribute('data-reason')).toBe('principalFaceFailed');
      expect(await kioskPage.getByTestId('proxy-end-reason').textContent()).toContain('委托人的身份没有核验通过');
      expect(await kioskEnded.textContent()).toContain('这次没有办理任何事项');

      await finishAtKiosk(kioskPage);
      await expectNothingLeftOnKiosk(parties, secondInvite, true);
    } finally {
      await others.close();
      await parties.stop();
    }
  });

  it('a link nobody opens expires: the kiosk says so and offers to finish, the phone that opens it late is told it expired', { timeout: 180_000 + HEAVY_SLOT_WAIT_MS }, async () => {
    // The hall's own short link life (proxy.linkSeconds), so the test need not wait ten minutes.
    const parties = await startProxyParties({ proxy: { linkSeconds: 10 } });
    try {
      const { kioskPage, phonePage } = parties;
      await watchKioskTracks(parties);
      await agentInvites(kioskPage);
      const invite = inviteUrl(parties.kioskFrames);

      const ended = kioskPage.getByTestId('proxy-ended');
      await ended.waitFor({ timeout: 60_000 });
      expect(await ended.getAttribute('data-reason')).toBe('linkExpired');
      expect(await kioskPage.getByTestId('proxy-end-reason').textContent()).toContain('链接已失效');
      expect(await kioskPage.getByTestId('proxy-invite').count()).toBe(0);
      expect(await kioskPage.getByTestId('proxy-finish').isVisible()).toBe(true);

      const answers = phoneAnswers(phonePage);
      await phonePage.goto(invite);
      await phonePage.getByTestId('claim-problem').waitFor({ timeout: 20_000 });
      expect(await phonePage.getByTestId('claim-screen').getAttribute('data-problem')).toBe('linkExpired');
      expect(await phonePage.getByTestId('claim-problem').textContent()).toContain('这个链接已经过期');
      await expectNothingAbout(phonePage, answers);

      await finishAtKiosk(kioskPage);
      await expectNothingLeftOnKiosk(parties, invite, false);
    } finally {
      await parties.stop();
    }
  });
});
