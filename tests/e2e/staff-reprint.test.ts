/**
 * An officer at the kiosk in Chromium: a citizen prints an A4 document (记分
 * 查询·驾驶人信息单, the quickest printed document); the sample officer signs
 * in with their card and PIN, sees the last document by number only,
 * reprints it once (the same number, recorded in the journal), is offered no
 * second reprint ("已补打过一次"), and signs out back to the attract screen.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stillFaceVideo } from './fixtures/face-video';
import { consentAndFaceCheck, dock, startByNumber, startServiceKiosk, withHanFace, type ServiceKiosk } from './service-support';

const XU = { name: '许磊', idNumber: '410411198809260039' } as const; // the sandbox's driver (fictional)

let kiosk: ServiceKiosk;

beforeAll(async () => {
  // A default kiosk: documents deleted at session end; the reprint uses the bytes held in memory (reprint-hold.ts).
  kiosk = await startServiceKiosk({ video: stillFaceVideo(), citizens: withHanFace([XU.idNumber]) });
});
afterAll(async () => {
  await kiosk?.stop();
});

function pdfsOnDisk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pdf'));
}

async function typePin(p: Page, pin: string): Promise<void> {
  for (const digit of pin) await p.getByTestId(`staff-pin-key-${digit}`).click();
  await p.getByTestId('staff-pin-confirm').click();
}

describe('an officer reprints the last document', () => {
  it('signs in with the officer card and PIN, reprints once with the same number, is offered no second reprint, signs out', { timeout: 120_000 }, async () => {
    const p = await kiosk.open();
    await startByNumber(p, 'driver-points', XU.idNumber, { category: 'traffic' });
    await consentAndFaceCheck(p, 'review-step', kiosk.logged.lines);
    await p.getByTestId('review-confirm').click();
    await p.getByTestId('choice-a4').click();
    await expect.poll(() => p.getByTestId('a4-print-step').getAttribute('data-state'), { timeout: 30_000 }).toBe('printed');
    const number = ((await p.getByTestId('print-document-number').textContent()) ?? '').trim();
    await p.getByTestId('print-collected').click();
    await p.getByTestId('done-finish').click();
    await p.getByTestId('attract-screen').waitFor({ timeout: 10_000 });
    // The session is over: no PDF of the citizen's stays on disk.
    await expect.poll(() => pdfsOnDisk(join(kiosk.logged.dataDir, 'documents')), { timeout: 10_000 }).toEqual([]);

    await dock(p, 'dock-card-officer-wang');
    await p.getByTestId('staff-choice-staff').click();
    await typePin(p, '246810');
    await p.getByTestId('staff-maintenance').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('staff-signed-in-as').textContent()).toBe('王**（工号 100234）');

    await p.getByTestId('staff-tab-prints').click();
    await expect.poll(() => p.getByTestId('staff-last-document-number').textContent(), { timeout: 10_000 }).toBe(number);
    // Number, type and time only: nothing the document says.
    const panel = (await p.getByTestId('staff-prints').innerText()).replace(/\s+/g, '');
    expect(panel).not.toContain(XU.name);
    expect(panel).not.toContain('4104');

    await p.getByTestId('staff-reprint').click();
    await expect.poll(() => p.getByTestId('staff-reprint-result').textContent(), { timeout: 30_000 }).toBe('已补打（同一编号）');
    expect(await p.getByTestId('staff-reprint').isDisabled()).toBe(true);
    expect(await p.getByTestId('staff-reprint').textContent()).toBe('已补打过一次');

    // The journal: one reprint of that number, printed; the officer's actions audited masked.
    const journal = new Database(join(kiosk.logged.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      const document = journal.prepare('SELECT reprint_count, reprint_outcome FROM documents WHERE number = ?').get(number);
      expect(document).toEqual({ reprint_count: 1, reprint_outcome: 'completed' });
      const audit = journal.prepare("SELECT action, subject, detail FROM audit_events WHERE actor = 'staff' ORDER BY id").all() as Array<{ action: string; subject: string | null }>;
      expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['staff.signedIn', 'staff.reprintLast']));
      expect(audit.find((row) => row.action === 'staff.reprintLast')?.subject).toBe(`100234 王** ${number}`);
      expect(JSON.stringify(audit)).not.toMatch(/\d{17}[\dXx]/);
    } finally {
      journal.close();
    }

    await p.getByTestId('staff-sign-out').click();
    // The staff screens lie over the attract screen: signed out, they are gone and it shows.
    await p.getByTestId('staff-maintenance').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await p.getByTestId('attract-screen').isVisible()).toBe(true);
  });
});
