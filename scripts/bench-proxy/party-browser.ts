/**
 * One call party's own Chromium (a separate browser process, so its CPU can
 * be read from /proc for its process tree), with the fake camera and the
 * espeak-ng consent statement as microphone.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/harness';
import { consentAudio, fakeMediaArgs } from '../../tests/e2e/fixtures/consent-audio';
import { stillFaceVideo } from '../../tests/e2e/fixtures/face-video';

export interface PartyBrowser {
  role: string;
  browser: Browser;
  /** The browser process's PID (the root of its process tree). */
  pid: number;
  close(): Promise<void>;
}

export async function launchPartyBrowser(role: string): Promise<PartyBrowser> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...fakeMediaArgs(stillFaceVideo(), consentAudio())],
  });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error(`the ${role} browser has no process id`);
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    role,
    browser,
    pid,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
