/**
 * One configured time zone (default Asia/Shanghai) for everything the kiosk
 * shows, prints and counts by day (issue 12, defect 13). The instant used is
 * 01:30 on 2 March in Shanghai, still 1 March on a machine set to UTC: the
 * certificate, the back-end's query date, document numbers per day, the
 * daily counters and the day report must all say 2 March.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../electron/contract';
import { defaultConfig, parseConfig } from '../../../electron/host/config/load';
import { createHost } from '../../../electron/host/create-host';
import { createQueueNumbers } from '../../../electron/host/journal/queue-numbers';
import { openJournal, type Journal } from '../../../electron/host/journal';
import { exportJournalCsv } from '../../../electron/host/journal/export-csv';
import { createTransactionsRepo } from '../../../electron/host/journal/transactions-repo';
import { createFakeDevices } from './fake-devices';
import { identity, kioskFlows, passFace, startRun, waitForView } from './flows/kiosk-flow-fakes';

const AT = new Date('2026-03-01T17:30:00Z'); // 2026-03-02 01:30 in Shanghai

let dir: string;
let journal: Journal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-zone-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

function close(repo: ReturnType<typeof createTransactionsRepo>, sessionId: string, at: Date) {
  repo.close({ sessionId, startedAt: at, endedAt: at, endReason: 'finished', serviceId: 'no-criminal-record', flowId: `f-${sessionId}`, outcome: 'noService', lastStep: 'done', identity: null, feeFen: 0, feeItems: [], payment: null, lastStepKind: null, documents: [], printOutcome: null, ticket: null });
}

describe('the configured time zone', () => {
  it('is Asia/Shanghai unless configured, and a typo is a config error naming the field', () => {
    expect(defaultConfig().timeZone).toBe('Asia/Shanghai');
    const bad = parseConfig({ simulation: true, timeZone: 'Asia/Shang_hai' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.problems).toEqual([expect.stringMatching(/^timeZone: /)]);
  });

  it('is what the host tells the renderer, for its clock', async () => {
    const host = createHost(defaultConfig({ timeZone: 'Asia/Urumqi' }), { logger: pino({ level: 'silent' }), devices: createFakeDevices([]) });
    const reply = await host.dispatch({ v: PROTOCOL_VERSION, type: 'call', id: 'r1', method: 'kiosk.info', params: {} });
    expect(reply).toMatchObject({ ok: true, result: { timeZone: 'Asia/Urumqi' } });
    await host.stop();
  });

  it("dates the certificate and the back-end's query by the hall's day", async () => {
    const h = kioskFlows({ at: AT });
    const flow = startRun(h, 'no-criminal-record', identity('410402199001011230', { name: '陈思远' }));
    flow.send({ type: 'CONFIRM' });
    flow.send({ type: 'CONSENT', granted: true });
    await waitForView(flow, (v) => v.step === 'faceCheck');
    flow.send(passFace);
    // The 户籍 lookup runs once the face check passed; then the purpose.
    await waitForView(flow, (v) => v.stepId === 'purpose');
    flow.send({ type: 'CHOOSE', value: 'abroad' });
    await waitForView(flow, (v) => v.step === 'review');
    flow.send({ type: 'CONFIRM' });
    await waitForView(flow, (v) => v.data.step === 'a4Print' && v.data.receipt === 'printed');
    // Printed in the official form, 2 March in the hall (still 1 March in UTC).
    expect(h.desk.issued[0]!.request.vars).toMatchObject({ queryDate: '2026年3月2日', issueDate: '2026年3月2日' });
  });

  it("numbers queue tickets and counts sessions per the hall's day", () => {
    const queue = createQueueNumbers(journal.db, defaultConfig().services.windows, () => AT, 'Asia/Shanghai');
    expect(queue.allocate({ window: '2号窗口', sessionId: 's1', serviceId: 'no-criminal-record' })).toMatchObject({ day: '2026-03-02' });
    close(createTransactionsRepo(journal.db, 'Asia/Shanghai'), 's1', AT);
    expect(journal.db.prepare('SELECT day FROM counters').all()).toEqual([{ day: '2026-03-02' }]);
  });

  it("reports a day from the hall's midnight to the next, and records instants in UTC", () => {
    const repo = createTransactionsRepo(journal.db, 'Asia/Shanghai');
    close(repo, 'late-on-1st', new Date('2026-03-01T15:59:00Z')); // 23:59 on 1 March in Shanghai
    close(repo, 'early-on-2nd', AT);
    const exported = exportJournalCsv(journal.db, 'transactions', { from: '2026-03-02', to: '2026-03-02', timeZone: 'Asia/Shanghai' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    expect(exported.value.rows).toBe(1);
    expect(exported.value.csv).toContain('early-on-2nd,no-criminal-record,2026-03-01T17:30:00.000Z');
  });
});
