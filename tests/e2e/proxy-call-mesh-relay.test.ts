/**
 * `iceTransportPolicy: 'relay'` in real Chromium: with only a TURN server
 * (coturn on a free port, loopback relay) and the relay-only policy, kiosk
 * and phone still see and hear each other, and `stats()` says the media go
 * through TURN. Skipped when coturn (`/usr/bin/turnserver`) is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { IceServer, ProxyRole } from '../../electron/contract/proxy';
import { freePort } from '../../scripts/lib/local-postgres';
import { launchChromium } from './harness';
import { startCallSite, type CallSite } from './proxy-call-mesh-support';
import type { StartCall } from './proxy-call-mesh-page';

const TURNSERVER = '/usr/bin/turnserver';
const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];

let site: CallSite;
let browser: Browser;
let turn: ChildProcess;
let turnDir: string;
let iceServers: IceServer[];

/** coturn in the foreground, long-term credentials, loopback relay; resolves once it serves. */
async function startTurn(): Promise<void> {
  const port = await freePort();
  turnDir = mkdtempSync(join(tmpdir(), 'onedoor-turn-'));
  turn = spawn(
    TURNSERVER,
    ['-n', '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${port}`, '--lt-cred-mech', '--user=mesh:test-only', '--realm=onedoor.test',
      '--no-tls', '--no-dtls', '--no-cli', '--allow-loopback-peers', '--log-file=stdout', '--simple-log', `--pidfile=${join(turnDir, 'pid')}`, `--userdb=${join(turnDir, 'db')}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    turn.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Total General servers')) resolve();
    });
    turn.once('exit', (code) => reject(new Error(`turnserver exited with ${code}`)));
  });
  iceServers = [{ urls: [`turn:127.0.0.1:${port}?transport=udp`], username: 'mesh', credential: 'test-only' }];
}

async function joinCall(self: ProxyRole, peer: ProxyRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(site.pageUrl);
  await page.waitForFunction(() => typeof window.startCall === 'function');
  const start: StartCall = { self, peers: [peer], relayUrl: site.relayUrl, reconnectWindowMs: 10_000, iceTransportPolicy: 'relay', iceServers };
  await page.evaluate((s) => window.startCall(s), start);
  return page;
}

// coturn is one of the project's system packages (scripts/system-deps.mjs): a machine without it fails here, loudly.
describe('the call through TURN only', () => {
  beforeAll(async () => {
    await startTurn();
    site = await startCallSite();
    browser = await launchChromium(MEDIA_ARGS);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    turn?.kill('SIGTERM');
    if (turnDir) rmSync(turnDir, { recursive: true, force: true });
  });

  it('kiosk and phone see and hear each other through the relay', async () => {
    const pages = { kiosk: await joinCall('kiosk', 'phone'), phone: await joinCall('phone', 'kiosk') };
    for (const [self, peer] of [
      ['kiosk', 'phone'],
      ['phone', 'kiosk'],
    ] as const) {
      await expect
        .poll(
          async () => {
            const stats = (await pages[self].evaluate(() => window.callStats()))[peer];
            return { state: stats?.state, video: (stats?.framesDecoded ?? 0) > 0, audio: (stats?.audioPacketsReceived ?? 0) > 0, relayed: stats?.relayed };
          },
          { timeout: 20_000, interval: 250 },
        )
        .toEqual({ state: 'connected', video: true, audio: true, relayed: true });
    }
  });
});
