/**
 * Fault injection on the whole running host (issue #8, item 3): the browser
 * host (`serve-main.ts`, its own process) is killed with SIGKILL while the
 * 无犯罪记录证明 it has just printed is being submitted to the police
 * back-end, then started again on the same data folder and port.
 *
 * The back-end is the sandbox served over HTTP inside this test; the host
 * talks to it with its real HTTP client (`backend: { kind: 'sandbox', baseUrl }`). The
 * submission is held by the back-end after it accepted it (`holdAnswer`):
 * the back-end is ahead of the kiosk, the outbox row is still there, and the
 * kill lands while the request is in flight.
 *
 * After the restart: the outbox delivers the submission again and the
 * back-end accepts it exactly once; the journal has one row for the
 * interrupted session, closed as `crashed`; the crashed session's PDF is
 * gone from the data folder; the page that was open reconnects with the token its URL carries (the
 * restart, like a launcher's, hands the new host the same token) and reloads itself into the new launch, and
 * shows the attract screen; the next citizen gets a certificate with a new
 * document number; no log line of either run holds the name or the ID number.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadSandboxData } from '../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../electron/host/gateway/wire-schemas';
import { sweepLog, sweepPage } from '../../scripts/soak/privacy';
import { stillFaceVideo } from './fixtures/face-video';
import { fakeCameraArgs, launchChromium, removeDataDir } from './harness';
import { chooseCertificate, consentToQueryAndFace, dock, HAN, newSessionId, openKioskWithCamera, placeCard, PORTRAIT, purposeToPrinted, sessionIds, waitPastFaceCheck } from './certificate-support';
import { endedLines, readJournal, startHostOn, type HostRun } from './fault-support';

let sandbox: SandboxGateway;
let server: SandboxServer;
let browser: Browser;
let dataDir: string;
const runs: HostRun[] = [];
let page: Page | undefined;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  // The sandbox's own face answer (resident-han: a match): the face check's comparison is not under test here.
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  [server, browser] = await Promise.all([startSandboxServer({ gateway: sandbox, port: 0 }), launchChromium(fakeCameraArgs(stillFaceVideo()))]);
  dataDir = mkdtempSync(join(tmpdir(), 'onedoor-fault-kill-'));
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
  for (const run of runs) await run.stop();
  await server?.close();
  if (dataDir) removeDataDir(dataDir);
});

const config = () => ({
  backend: { kind: 'sandbox', baseUrl: server.url, timeoutMs: 8000 },
  face: { challengeTimeoutSeconds: 5, testingSkipLiveness: true },
});

/** The PDFs left under `<dataDir>/documents` for `sessionId`. */
const pdfsOf = (sessionId: string) => {
  try {
    return readdirSync(join(dataDir, 'documents', sessionId));
  } catch {
    return [];
  }
};

describe('the host killed during a submission, then restarted', () => {
  it('delivers once, journals the session as crashed, wipes its PDF, and the page reconnects for the next citizen', { timeout: 120_000 }, async () => {
    const first = await startHostOn(dataDir, config());
    runs.push(first);
    page = await browser.newPage({ viewport: PORTRAIT });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openKioskWithCamera(page, first.url);

    // The citizen: card → 无犯罪记录证明 → consents → face → purpose → review → print.
    await placeCard(page, HAN);
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', first.lines);
    const sessionId = await newSessionId(first.lines, new Set());
    await dock(page, 'dock-remove-card');
    // From now on the back-end takes the submission and keeps the kiosk waiting for its answer.
    server.inject(GATEWAY_PATHS.submitApplication, { mode: 'holdAnswer', ms: 60_000, times: 1 });
    await page.getByTestId('choice-employment').click();
    await page.getByTestId('review-step').waitFor({ timeout: 15_000 });
    await page.getByTestId('review-confirm').click();

    // The certificate printed; its submission reached the back-end, which accepted it and holds the answer.
    await expect.poll(() => Object.keys(sandbox.stats().accepted), { timeout: 30_000, message: 'the back-end accepted the submission' }).toHaveLength(1);
    const key = Object.keys(sandbox.stats().accepted)[0]!;
    expect(sandbox.stats().attempts[key]).toBe(1);
    expect(pdfsOf(sessionId)).toHaveLength(1);

    // A mark on this document: gone once the page has reloaded itself into the new launch.
    await page.evaluate(() => Object.assign(window, { servedByFirstLaunch: true }));
    first.host.process.kill('SIGKILL');
    await first.exited;
    expect(first.host.process.signalCode).toBe('SIGKILL');

    // What the dead host left: the submission still in the outbox (never acknowledged), the session's row open.
    const left = readJournal(dataDir);
    expect(left.outbox).toBe(1);
    expect(left.transactions).toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'open', ended_at: null })]);
    expect(left.documents).toEqual([expect.objectContaining({ session_id: sessionId })]);
    const firstNumber = left.documents[0]!.number;
    // The certificate printed the back-end's number, recorded beside the journal's.
    expect(left.backendNumbers).toHaveLength(1);
    const firstPrinted = left.backendNumbers[0]!;

    // The page lost its host: the restarting notice, and the citizen's data already wiped.
    await page.getByTestId('connection-notice').and(page.locator('[data-notice="restarting"]')).waitFor({ timeout: 10_000 });
    await expect.poll(() => sweepPage(page!, HAN), { timeout: 5_000 }).toEqual([]);

    // The restart: the same data folder, the same port and the same launch token (the ones the page knows).
    const second = await startHostOn(dataDir, config(), first.port, first.token);
    runs.push(second);

    // The outbox delivers it again; the back-end recognises the key: accepted once, attempted twice.
    await expect.poll(() => sandbox.stats().attempts[key], { timeout: 20_000, message: 'the redelivery after the restart' }).toBe(2);
    expect(sandbox.stats().accepted).toEqual({ [key]: 1 });
    await expect.poll(() => readJournal(dataDir).outbox, { timeout: 10_000 }).toBe(0);
    expect(second.lines.some((line) => line.includes('"msg":"outbox"') && line.includes(`"idempotencyKey":"${key}"`) && line.includes('"kind":"delivered"'))).toBe(true);

    // The journal is truthful about the interrupted session: one row, closed as crashed.
    const recovered = readJournal(dataDir);
    expect(recovered.transactions).toHaveLength(1);
    // What was known when it crashed is on the row: the service, the step, the masked citizen, the printed certificate.
    expect(recovered.transactions[0]).toMatchObject({ session_id: sessionId, outcome: 'crashed', end_reason: 'crashed', service_id: 'no-criminal-record', print_outcome: 'completed', id_number_masked: '4104**********1230' });
    expect(JSON.parse(String(recovered.transactions[0]!.documents))).toEqual([expect.objectContaining({ number: firstNumber, printOutcome: 'completed' })]);
    expect(recovered.transactions[0]!.ended_at).not.toBeNull();
    expect(second.lines.some((line) => line.includes('"sessions":1') && line.includes('journaled as crashed'))).toBe(true);
    // The certificate it printed stays in the journal's documents, under that session.
    expect(recovered.documents).toEqual([expect.objectContaining({ number: firstNumber, session_id: sessionId, print_outcome: 'completed' })]);
    // Its certificate (name and full ID number) does not outlive the crash on disk.
    await expect.poll(() => pdfsOf(sessionId), { timeout: 5_000 }).toEqual([]);

    // The page reconnects, sees the new launch and reloads itself (renderer/api/relaunch-watch.ts), its token kept in the URL's fragment:
    // the notice goes, the attract screen is back, nothing of the citizen left.
    await page.getByTestId('connection-notice').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page!.evaluate(() => 'servedByFirstLaunch' in window), { timeout: 10_000, message: 'the page reloaded' }).toBe(false);
    expect(new URL(page.url()).hash).toBe(`#token=${first.token}`);
    await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    await expect.poll(() => sweepPage(page!, HAN), { timeout: 5_000 }).toEqual([]);

    // The next citizen (the same person, back for a second copy) gets a certificate with a new number.
    await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
    await placeCard(page, HAN);
    const nextSession = await newSessionId(second.lines, sessionIds(first.lines));
    await chooseCertificate(page);
    await page.getByTestId('identify-confirm').click();
    await consentToQueryAndFace(page);
    await waitPastFaceCheck(page, 'choice-step', second.lines);
    await dock(page, 'dock-remove-card');
    const secondPrinted = await purposeToPrinted(page, HAN.name);
    expect(secondPrinted).not.toBe(firstPrinted);
    await expect.poll(() => endedLines(second.lines, nextSession).some((line) => line.includes('"reason":"finished"')), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => sweepPage(page!, HAN), { timeout: 5_000 }).toEqual([]);

    // Its submission went through once; no document number twice, here or at the back-end.
    await expect.poll(() => Object.keys(sandbox.stats().accepted).length, { timeout: 10_000 }).toBe(2);
    for (const [k, times] of Object.entries(sandbox.stats().accepted)) expect(times, k).toBe(1);
    await second.stop();
    const final = readJournal(dataDir);
    expect(final.outbox).toBe(0);
    expect(final.transactions.map((t) => [t.session_id, t.end_reason])).toEqual([
      [sessionId, 'crashed'],
      [nextSession, 'finished'],
    ]);
    expect(final.documents).toHaveLength(2);
    expect(new Set(final.documents.map((d) => d.number)).size).toBe(2);
    expect(final.documents.map((d) => d.number)).toContain(firstNumber);
    expect(final.backendNumbers.sort()).toEqual([firstPrinted, secondPrinted].sort());

    // Neither run logged the name or the full ID number; the page threw nothing.
    expect(sweepLog([...first.lines, ...second.lines], HAN)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
