/**
 * Shared helpers of the 无犯罪记录证明 path tests (certificate-*.test.ts):
 * the sample citizens they use, a fake camera video made from a citizen's
 * reference photo, the UI moves of the flow, the
 * kept PDF's text, the host log's sessions, and the privacy sweep after each
 * session (the soak's sweep: page text and markup, Web Storage, IndexedDB,
 * host log).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { writeY4m } from './fixtures/face-video';
import { loadJpeg, paste, resize, solid } from '../electron/host/face/images';
import { sweepLog, sweepPage, type Secrets } from '../../scripts/soak/privacy';
import { chooseService, type LoggedHost } from './service-support';

// The kiosk-wide helpers these tests have always imported from here live in service-support.ts.
export { consentToQueryAndFace, dock, openKioskWithCamera, placeCard, PORTRAIT, startLoggedHost, waitPastFaceCheck, type LoggedHost } from './service-support';

/** Sample citizens (fictional): resources/citizens/*.json and resources/sandbox/citizens.json. */
export const HAN = { card: 'resident-han', name: '陈思远', idNumber: '410402199001011230' } as const;
export const MA = { card: 'resident-long-term', name: '马秀兰', idNumber: '410403195806150041' } as const;
/** 户籍 in Beijing: out of this (Henan) hall's province. */
export const WANG = { card: 'resident-rare-chars', name: '王喆', idNumber: '110105200511300072' } as const;

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

/** Home → 证明 category → 无犯罪记录证明, up to the flow's identify step. */
export async function chooseCertificate(page: Page): Promise<void> {
  await chooseService(page, 'certificates', 'no-criminal-record');
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
