/**
 * Shared helpers of the 无犯罪记录证明 path tests (certificate-*.test.ts):
 * the sample citizens they use, a host whose log lines are collected, a fake
 * camera video made from a citizen's reference photo, the UI moves of the
 * flow, the kept PDF's text, and the privacy sweep after each session (the
 * soak's sweep: page text and markup, Web Storage, IndexedDB, host log).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { hostLogLines, kioskUrl, removeDataDir, ROOT, startHostProcess, type RunningHost } from './harness';
import { writeY4m } from './fixtures/face-video';
import { loadJpeg, paste, resize, solid } from '../electron/host/face/images';
import { sweepLog, sweepPage, type Secrets } from '../../scripts/soak/privacy';
import { maskName } from '../../domain/mask';
import { chooseService } from './service-support';

/** Sample citizens (fictional): resources/citizens/*.json and resources/sandbox/citizens.json. */
export const HAN = { card: 'resident-han', name: '陈思远', idNumber: '410402199001011230' } as const;
export const MA = { card: 'resident-long-term', name: '马秀兰', idNumber: '410403195806150041' } as const;
/** 户籍 in Beijing: out of this (Henan) hall's province. */
export const WANG = { card: 'resident-rare-chars', name: '王喆', idNumber: '110105200511300072' } as const;

/** The page's viewport: the kiosk's portrait screen. */
export const PORTRAIT = { width: 1080, height: 1920 } as const;

/** A browser host whose log lines (stdout and stderr) are collected, and its own data dir. */
export interface LoggedHost {
  host: RunningHost;
  url: string;
  dataDir: string;
  lines: string[];
  stop(): Promise<void>;
}

/** Starts a host with `config` (merged over a fresh data dir) and collects its log lines. */
export async function startLoggedHost(config: Record<string, unknown>): Promise<LoggedHost> {
  if (!existsSync(join(ROOT, 'dist/renderer/face/models/blazeface.json'))) {
    spawnSync(process.execPath, [join(ROOT, 'scripts/prepare-face-assets.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-cert-data-'));
  const host = await startHostProcess({ dataDir, ...config });
  const lines = hostLogLines(host);
  return {
    host,
    url: host.url,
    dataDir,
    lines,
    stop: async () => {
      await host.stop();
      removeDataDir(dataDir);
    },
  };
}

/** A sandbox data file like resources/sandbox/citizens.json with some people's record case changed; returns its path. */
export function sandboxDataWith(dir: string, records: Record<string, 'noRecord' | 'record' | 'sealedJuvenile' | 'needsReview'>): string {
  const data = JSON.parse(readFileSync(join(ROOT, 'resources/sandbox/citizens.json'), 'utf8')) as { citizens: Record<string, { criminalRecord: string; label: string }> };
  for (const [idNumber, criminalRecord] of Object.entries(records)) {
    const citizen = data.citizens[idNumber];
    if (!citizen) throw new Error(`no sandbox citizen ${idNumber}`);
    citizen.criminalRecord = criminalRecord;
    citizen.label += ` (test data: ${criminalRecord})`;
  }
  const path = join(dir, 'sandbox-citizens.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/**
 * A fake-camera video of a citizen's reference photo (resources/faces/<card>.jpg),
 * scaled up on a plain light background like the still probe; written under `dir`.
 */
export function referenceFaceVideo(dir: string, card: string): string {
  // The photo is cut close to the face: 380 px makes the face about a quarter of the frame's width (the check wants ≥ 20 %).
  const face = resize(loadJpeg(`resources/faces/${card}.jpg`), 380, 380);
  const path = join(dir, `face-${card}.y4m`);
  writeY4m(path, paste(solid(640, 480, [236, 236, 232]), face, 130, 50), 10);
  return path;
}

/** Opens the kiosk (optionally with a query) and waits for the reader and the renderer's camera report. */
export async function openKioskWithCamera(page: Page, url: string, query = ''): Promise<void> {
  await page.goto(kioskUrl(url, query));
  await page.getByTestId('device-status-idcard').and(page.locator('[data-state="online"]')).waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('device-status-faceCamera').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
}

/** Uses the simulation dock: opens it, presses `testId`, closes it. */
export async function dock(page: Page, testId: string): Promise<void> {
  if (!(await page.getByTestId('dock-drawer').isVisible())) await page.getByTestId('dock-handle').click();
  await page.getByTestId(testId).click();
  await page.getByTestId('dock-handle').click();
}

/** Places a sample card at the attract screen and waits for the welcome with the (masked) name. */
export async function placeCard(page: Page, citizen: { card: string; name: string }): Promise<void> {
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  await dock(page, `dock-card-${citizen.card}`);
  await page.getByTestId('welcome').filter({ hasText: maskName(citizen.name) }).waitFor({ timeout: 10_000 });
}

/** Home → 证明 category → 无犯罪记录证明, up to the flow's identify step. */
export async function chooseCertificate(page: Page): Promise<void> {
  await chooseService(page, 'certificates', 'no-criminal-record');
}

/** The service's consent step, then the separate biometric consent: the face check starts. */
export async function consentToQueryAndFace(page: Page): Promise<void> {
  await page.getByTestId('consent-step-agree').click();
  await page.getByTestId('consent-agree').click({ timeout: 15_000 });
}

/**
 * Waits for `target` after the face check, pressing "more time" if the idle
 * countdown comes up meanwhile (a still face check touches nothing).
 */
export async function waitPastFaceCheck(page: Page, target: string, hostLines: readonly string[]): Promise<void> {
  const heardBefore = hostLines.length;
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        // A bounded click: the countdown may close between the look and the click.
        const more = page.getByTestId('idle-more');
        if (await more.isVisible()) await more.click({ timeout: 1_000 }).catch(() => undefined);
        // What the face check said on the way, for the failure message. Read in one
        // evaluate: a locator read would wait (up to the default timeout, long past the
        // idle limit) for a face check that unmounted just after isVisible().
        const said = await page.evaluate(() => {
          const check = document.querySelector('[data-testid="face-check"]');
          if (!check) return null;
          const guidance = check.querySelector('[data-testid="face-guidance"]')?.textContent ?? '';
          return `${check.getAttribute('data-phase')} [${check.getAttribute('data-measures')}] ${guidance}`;
        });
        if (said !== null) seen.add(said);
        return page.getByTestId(target).isVisible();
      },
      { timeout: 60_000, interval: 250, message: `waiting for ${target}` },
    )
    .toBe(true)
    .catch(async (error: unknown) => {
      // Where the kiosk ended up, so a failure says whether the check hung or the session ended.
      const at = await page
        .evaluate(() => [...document.querySelectorAll('[data-testid]')].slice(0, 12).map((el) => `${el.getAttribute('data-testid')}${el.getAttribute('data-step') ? `(${el.getAttribute('data-step')})` : ''}${el.getAttribute('data-phase') ? `[${el.getAttribute('data-phase')}]` : ''}`))
        .catch(() => ['(page gone)']);
      // And what the host logged meanwhile (masked by the host's own log redaction).
      const heard = hostLines.slice(heardBefore).slice(-25).join('\n');
      throw new Error(`${String(error)}\nface check on the way:\n${[...seen].slice(-15).join('\n')}\nnow on screen: ${at.join(' ')}\nhost log meanwhile:\n${heard}`);
    });
}

/** The value a review (or slip) row shows: the row under `list` whose `data-label-key` is `labelKey`. */
export async function detailValue(page: Page, list: string, labelKey: string): Promise<string> {
  const row = page.getByTestId(list).locator(`[data-testid="detail-row"][data-label-key="${labelKey}"] dd`);
  return ((await row.textContent({ timeout: 10_000 })) ?? '').trim();
}

/**
 * Review (its rows checked by `review`) → A4 print → collected → done → finish:
 * back to the attract screen. Returns the printed number (the back-end's) and
 * the verification code the screen showed.
 */
export async function reviewToPrinted(page: Page, outcome: string, review: (page: Page) => Promise<void>): Promise<{ number: string; verifyCode: string }> {
  await page.getByTestId('review-step').waitFor({ timeout: 15_000 });
  await review(page);
  await page.getByTestId('review-confirm').click();
  await expect.poll(() => page.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
  await page.getByTestId('print-collected').waitFor({ timeout: 20_000 });
  const number = (await page.getByTestId('print-document-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  const verifyCode = (await page.getByTestId('print-verify-code').textContent())?.trim() ?? '';
  await page.getByTestId('print-collected').click();
  await page.getByTestId('done-step').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('done-step').getAttribute('data-outcome')).toBe(outcome);
  await page.getByTestId('done-finish').click();
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  return { number, verifyCode };
}

/** The certificate's review rows are labelled with the service's own keys. */
const NCR_REVIEW_NAME = 'svc.no-criminal-record.review.name';

/** Purpose → review (name checked) → print → collected → done → finish: back to the attract screen. Returns the printed number (the back-end's). */
export async function purposeToPrinted(page: Page, name: string): Promise<string> {
  await page.getByTestId('choice-employment').click();
  const printed = await reviewToPrinted(page, 'certificateIssued', async (p) => {
    expect(await detailValue(p, 'review-details', NCR_REVIEW_NAME)).toBe(name);
  });
  return printed.number;
}

/** The text of one kept PDF (pdftotext), without whitespace. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/**
 * The kept PDF under `<dataDir>/documents/<sessionId>/` that prints
 * `printedNumber` (files are named by the journal's number, the document
 * prints the back-end's), as text without whitespace.
 */
export function keptPdfText(dataDir: string, printedNumber: string): string {
  const documents = join(dataDir, 'documents');
  const texts = readdirSync(documents, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.pdf'))
    .map((p) => pdfText(join(documents, p)));
  const found = texts.filter((text) => text.includes(`编号：${printedNumber}`));
  expect(found, `PDFs under ${documents} printing 编号：${printedNumber}`).toHaveLength(1);
  return found[0]!;
}

/** The host's log lines that carry `sessionId`. */
export function sessionLines(lines: readonly string[], sessionId: string): string[] {
  return lines.filter((line) => line.includes(`"sessionId":"${sessionId}"`));
}

/** Every session id in the host's log. */
export function sessionIds(lines: readonly string[]): Set<string> {
  return new Set(lines.flatMap((line) => [...line.matchAll(/"sessionId":"([^"]+)"/g)].map((m) => m[1]!)));
}

/** The one session the host logged that is not in `known` (waits for its first line). */
export async function newSessionId(lines: readonly string[], known: ReadonlySet<string>): Promise<string> {
  const fresh = () => [...sessionIds(lines)].filter((id) => !known.has(id));
  await expect.poll(() => fresh().length, { timeout: 10_000, message: 'a new session in the host log' }).toBe(1);
  return fresh()[0]!;
}

/**
 * The privacy sweep after a session: the page is back at the attract screen,
 * and neither the name nor the ID number is left in its text, markup, Web
 * Storage or IndexedDB, nor anywhere in the host's log (the whole log, once
 * the host logged the session's end).
 */
export async function expectNoTraces(page: Page, logged: LoggedHost, sessionId: string, secrets: Secrets): Promise<void> {
  await page.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
  await expect.poll(() => sessionLines(logged.lines, sessionId).some((line) => line.includes('"msg":"session ended')), { timeout: 10_000 }).toBe(true);
  // The renderer wipes after the attract screen shows: poll until clean.
  await expect.poll(() => sweepPage(page, secrets), { timeout: 5_000 }).toEqual([]);
  expect(sweepLog(logged.lines, secrets)).toEqual([]);
}
