/**
 * One call party's own Chromium, launched as a browser server so its process
 * id is known (its CPU is read from /proc for its process tree). `args` are
 * the party's fake camera and microphone and call flags, as
 * `startProxyParties` passes them.
 */
import { chromium, type Browser } from 'playwright-core';
import type { ProxyRole } from '../../electron/contract/proxy';
import { CHROMIUM } from '../../tests/e2e/harness';

export interface PartyBrowser {
  role: ProxyRole;
  browser: Browser;
  /** The browser process's PID (the root of its process tree). */
  pid: number;
  close(): Promise<void>;
}

export async function launchPartyBrowser(role: ProxyRole, args: readonly string[]): Promise<PartyBrowser> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
  });
  const pid = server.process().pid;
  if (pid === undefined) {
    await server.close();
    throw new Error(`the ${role} browser has no process id`);
  }
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    role,
    browser,
    pid,
    async close() {
      // A connected browser's close only disconnects: the server ends the process.
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
