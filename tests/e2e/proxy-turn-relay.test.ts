/**
 * The relay proof of 可视化代办 calls (issue 19): coturn in its own network
 * namespace, reached only over a veth pair, and two Chromium instances (fake
 * camera with a face, fake microphone with espeak-ng's consent statement)
 * forced to `iceTransportPolicy: 'relay'` with TURN REST credentials. Video
 * and audio flow both ways through the relay at the namespace's address; a
 * wrong or expired credential gets no relay at all (coturn answers 401).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoturn, type RunningCoturn } from '../../hall/server/turn/coturn';
import { allocateNetns, describeNetnsError, type Netns } from '../../scripts/lib/netns';
import { turnRestCredentials } from '../helpers/turn-rest';
import { gatherRelay, startCall, type PartyPeerStats } from './fixtures/call-party';
import { consentAudio, fakeMediaArgs } from './fixtures/consent-audio';
import { stillFaceVideo } from './fixtures/face-video';
import { launchChromium } from './harness';

const SECRET = randomBytes(24).toString('hex');
const CASE_ID = `case-${randomBytes(6).toString('hex')}`;
let netns: Netns;
let turn: RunningCoturn;
let dataDir: string;
const browsers: Browser[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const made = allocateNetns();
  if (!made.ok) throw new Error(describeNetnsError(made.error));
  netns = made.value;
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-relay-'));
  const started = await startCoturn({ listenIp: netns.nsIp, port: 3478, minPort: 49152, maxPort: 49400, secret: SECRET, realm: 'hall.test', dataDir, netns: netns.name });
  if (!started.ok) throw new Error(`coturn did not start: ${started.error.detail}\n${started.error.logTail}`);
  turn = started.value;
  const media = fakeMediaArgs(stillFaceVideo(), consentAudio());
  for (let i = 0; i < 2; i++) {
    const browser = await launchChromium(media);
    browsers.push(browser);
    contexts.push(await browser.newContext());
  }
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await turn?.stop();
  await netns?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const iceServers = (role: string, override: Partial<{ username: string; credential: string }> = {}): RTCIceServer[] => [
  { urls: turn.urls.filter((u) => u.startsWith('turn:')), ...turnRestCredentials(SECRET, { caseId: CASE_ID, role }), ...override },
];

const flowing = (s: PartyPeerStats | undefined) => s !== undefined && s.framesDecoded > 0 && s.audioPacketsReceived > 0;

describe('a proxy call forced through TURN in its own network namespace', () => {
  it('carries video and audio both ways, and the path each side uses is the relay', async () => {
    const [kiosk, phone] = await startCall(
      [
        { role: 'kiosk', context: contexts[0]!, iceServers: iceServers('kiosk') },
        { role: 'phone', context: contexts[1]!, iceServers: iceServers('phone') },
      ],
      'relay',
    );
    await expect.poll(async () => flowing((await kiosk!.stats()).phone) && flowing((await phone!.stats()).kiosk), { timeout: 40_000, interval: 500 }).toBe(true);
    const kioskSees = (await kiosk!.stats()).phone!;
    const phoneSees = (await phone!.stats()).kiosk!;
    for (const seen of [kioskSees, phoneSees]) {
      expect(seen.state).toBe('connected');
      expect(seen.localCandidateType).toBe('relay');
      expect(seen.remoteCandidateType).toBe('relay');
      // The relayed address is coturn's, inside the namespace, across the veth pair.
      expect(seen.localAddress).toBe(netns.nsIp);
    }
    expect(await kiosk!.errors()).toEqual([]);
    expect(await phone!.errors()).toEqual([]);
  });

  it('grants a relay to a valid credential and refuses a wrong or expired one', async () => {
    const granted = await gatherRelay(contexts[0]!, iceServers('kiosk'));
    expect(granted.relayCandidates).toBeGreaterThan(0);

    const wrong = await gatherRelay(contexts[0]!, iceServers('kiosk', { credential: turnRestCredentials('not-the-hall-secret', { caseId: CASE_ID, role: 'kiosk' }).credential }));
    expect(wrong.relayCandidates).toBe(0);
    expect(wrong.errorCodes).toContain(401);

    const expired = await gatherRelay(contexts[1]!, iceServers('phone', turnRestCredentials(SECRET, { caseId: CASE_ID, role: 'phone' }, { ttlSeconds: -60 })));
    expect(expired.relayCandidates).toBe(0);
    expect(expired.errorCodes).toContain(401);
  });
});
