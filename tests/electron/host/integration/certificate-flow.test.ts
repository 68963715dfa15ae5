/**
 * The 无犯罪记录证明 flow through the whole host in process: the dispatcher,
 * the simulated card reader (dock), the sandbox back-end, the face verdict
 * through face.verify, the A4 certificate through the simulated CUPS, the
 * queue ticket through the simulated receipt printer, the outbox, and the
 * journal that accounts for every session exactly once.
 *
 * The path: identify → consent → faceCheck → registration (query) →
 * purpose (choice) → record (query) → review → print (a4Print) → done.
 * The certificate carries the back-end's number (issueCertificate); the
 * journal numbers the document itself and records the back-end's beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, ServiceEntry, SessionInfo } from '../../../../electron/contract';
import { openJournal } from '../../../../electron/host/journal';
import { exportJournalCsv } from '../../../../electron/host/journal/export-csv';
import { stationDay } from '../../../../electron/host/journal/transactions-repo';
import { passFaceCheck, startHarness, until, untilStep, untilStepId, type HostHarness } from './host-harness';

const HAN = { name: '陈思远', idNumber: '410402199001011230' };
const WITH_RECORD = { name: '孙建军', idNumber: '410411198507150037' };

let h: HostHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Places the sample card at the attract screen; the card starts the session. */
async function cardSession(harness: HostHarness, card = 'resident-han'): Promise<string> {
  await harness.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: card });
  const started = await until(() => harness.events.find((e) => e.event === 'session.started'), 'session.started');
  return (started.payload as { session: SessionInfo }).session.sessionId;
}

/** identify → consent → face → registration → purpose: the flow then queries the record. */
async function throughPurpose(harness: HostHarness, sessionId: string): Promise<void> {
  await harness.call('flow.start', { sessionId, serviceId: 'no-criminal-record' });
  await harness.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
  await harness.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
  await untilStep(harness, sessionId, 'faceCheck');
  await passFaceCheck(harness, sessionId);
  await untilStepId(harness, sessionId, 'purpose', (v) => v.step === 'choice');
  await harness.call('flow.send', { sessionId, event: { type: 'CHOOSE', value: 'employment' } });
}

type A4PrintData = Extract<FlowView['data'], { step: 'a4Print' }>;
const isPrinted = (v: FlowView) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing';
/** The journal's own number of the document the back-end numbered `backendNumber`. */
const journalNumberOf = (harness: HostHarness, backendNumber: string) =>
  (harness.journal.db.prepare('SELECT number FROM document_backend_numbers WHERE backend_number = ?').get(backendNumber) as { number: string }).number;

const transactions = (harness: HostHarness) => harness.journal.db.prepare('SELECT * FROM transactions WHERE ended_at IS NOT NULL').all() as Array<Record<string, unknown>>;

describe('no-criminal-record through the host', () => {
  it('card → consent → face → registration → purpose → query → review → print: certificate printed with the back-end number, journaled once with both numbers, SHA-256 and outcome; the session end wipes', async () => {
    h = await startHarness();
    const catalogue = await h.call<{ services: ServiceEntry[] }>('catalogue.list');
    expect(catalogue.services.find((s) => s.id === 'no-criminal-record')).toMatchObject({ handling: 'kiosk', available: true });

    const sessionId = await cardSession(h);
    await throughPurpose(h, sessionId);
    const review = await untilStep(h, sessionId, 'review');
    expect(review).toMatchObject({ stepId: 'review', canGoBack: true });
    expect(review.data).toMatchObject({
      step: 'review',
      rows: expect.arrayContaining([
        expect.objectContaining({ text: HAN.name }),
        expect.objectContaining({ text: '4104**********1230' }),
        expect.objectContaining({ textKey: 'svc.no-criminal-record.purpose.employment' }),
      ]),
    });
    expect(JSON.stringify(review)).not.toContain(HAN.idNumber);
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    const printed = await untilStep(h, sessionId, 'a4Print', isPrinted);
    expect(printed.stepId).toBe('print');
    // What the citizen sees is the back-end's number and verification code; the journal keeps its own number.
    const { documentNumber: backendNumber, verifyCode } = printed.data as A4PrintData;
    expect(backendNumber).toMatch(/^WFZ\d{4}-T-01-\d{6}$/);
    expect(verifyCode).toEqual(expect.any(String));
    const number = journalNumberOf(h, backendNumber!);
    expect(number).toMatch(/^WF\d{4}-T-01-000001$/);

    // The PDF the printer got names the citizen, dates the query in the official form, and carries the back-end's number (the one an employer checks).
    const jobs = h.printing.simulatorControls!.printed();
    expect(jobs).toHaveLength(1);
    const text = execFileSync('pdftotext', ['-', '-'], { input: jobs[0]!.pdf }).toString();
    expect(text.replace(/\s+/g, '')).toContain(HAN.name);
    expect(text.replace(/\s+/g, '')).toMatch(/截至\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain(`编号：${backendNumber}`);
    expect(text).not.toContain(number);
    // The collection slip: masked name, the number on the certificate and its verification code.
    const slip = h.receipts().receipts.at(-1)!;
    expect(slip.lines.join('\n')).toContain(backendNumber);
    expect(slip.lines.join('\n')).toContain(verifyCode);
    expect(slip.lines.join('\n')).not.toContain(HAN.name);

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await untilStep(h, sessionId, 'done');
    const pdfDir = join(h.dataDir, 'documents', sessionId);
    expect(existsSync(pdfDir)).toBe(true);
    await h.call('session.end', { sessionId, reason: 'finished' });
    expect(await h.raw('session.end', { sessionId, reason: 'finished' })).toMatchObject({ ok: false, error: { code: 'noSession' } });
    expect(await h.raw('flow.current', { sessionId })).toMatchObject({ ok: false, error: { code: 'noSession' } });
    await until(() => (existsSync(pdfDir) ? undefined : true), 'PDFs removed');

    const rows = transactions(h);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const sha256 = (h.journal.db.prepare('SELECT sha256 FROM documents WHERE number = ?').get(number) as { sha256: string }).sha256;
    expect(row).toMatchObject({
      session_id: sessionId,
      service_id: 'no-criminal-record',
      outcome: 'certificateIssued',
      end_reason: 'finished',
      last_step: 'done',
      last_step_kind: 'done',
      print_outcome: 'completed',
      name_masked: '陈**',
      id_number_masked: '4104**********1230',
      // A free service: nothing charged, no payment.
      fee_fen: 0,
      fee_items: '[]',
      payment: null,
    });
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row.documents as string)).toEqual([
      expect.objectContaining({ number, type: 'noCriminalRecord', sha256, printOutcome: 'completed', backendNumber }),
    ]);
    expect(h.journal.db.prepare('SELECT count, outcome FROM counters WHERE service_id = ?').all('no-criminal-record')).toEqual([{ count: 1, outcome: 'certificateIssued' }]);

    // The application reached the back-end through the outbox.
    await until(() => ((h!.journal.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n === 0 ? true : undefined), 'outbox drained');

    // Nothing personal in the journal's export or its audit trail.
    const day = stationDay(new Date());
    const exported = exportJournalCsv(h.journal.db, 'transactions', { from: day, to: day });
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value.rows).toBe(1);
    const audit = JSON.stringify(h.journal.db.prepare('SELECT * FROM audit_events').all());
    for (const text of [exported.value.csv, audit]) {
      expect(text).not.toContain(HAN.idNumber);
      expect(text).not.toContain(HAN.name);
    }
    expect(exported.value.csv).toContain(number);
    expect(exported.value.csv).toContain(backendNumber);
  });

  it('a record found: the counter, a queue ticket with the window and a masked name, journaled as counter', async () => {
    h = await startHarness();
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'zh-CN', elderMode: false });
    await h.call('identity.typed', { sessionId, idNumber: WITH_RECORD.idNumber });
    await throughPurpose(h, sessionId);
    const counter = await untilStep(h, sessionId, 'counter', (v) => v.data.step === 'counter' && v.data.ticket.state !== 'printing');
    // Deliberately coarse: the screen does not say a record was found.
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'flow.counter.reason.atCounter', window: '2号窗口', ticket: { state: 'printed', number: 'B001' } });
    const ticket = h.receipts().receipts.at(-1)!.lines.join('\n');
    expect(ticket).toContain('B001');
    expect(ticket).toContain('2号窗口');
    expect(ticket).toContain('孙**');
    expect(ticket).not.toContain(WITH_RECORD.name);
    expect(ticket).not.toContain('前面等候');

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await untilStep(h, sessionId, 'done');
    await h.call('session.end', { sessionId, reason: 'finished' });
    expect(transactions(h)).toEqual([
      expect.objectContaining({ outcome: 'counter', last_step_kind: 'done', ticket_number: 'B001', ticket_outcome: 'printed', identity_source: 'typed', name_masked: null, print_outcome: null }),
    ]);
    const day = stationDay(new Date());
    const exported = exportJournalCsv(h.journal.db, 'transactions', { from: day, to: day });
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value.csv).not.toContain(WITH_RECORD.idNumber);
    expect(exported.value.csv).not.toContain(WITH_RECORD.name);
  });

  it('A4 paper out: the catalogue greys the service, the print says paper out (truthfully), one reprint after a refill prints it', async () => {
    h = await startHarness();
    const a4 = h.printing.simulatorControls!;
    const sessionId = await cardSession(h);
    await throughPurpose(h, sessionId);
    await untilStep(h, sessionId, 'review');

    a4.emptyPaper();
    const greyed = await until(async () => {
      const { services } = await h!.call<{ services: ServiceEntry[] }>('catalogue.list');
      const entry = services.find((s) => s.id === 'no-criminal-record');
      return entry && !entry.available ? entry : undefined;
    }, 'service greyed');
    expect(greyed.reasonKey).toBe('service.deviceDown.a4Printer');

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    const failed = await untilStep(h, sessionId, 'a4Print', (v) => v.data.step === 'a4Print' && v.data.state === 'notPrinted');
    expect(failed).toMatchObject({ messageKey: 'print.paperOut', data: { reprintAvailable: true }, accepts: expect.arrayContaining(['REPRINT']) });
    expect(a4.printed()).toHaveLength(0);

    a4.refillPaper();
    await h.call('flow.send', { sessionId, event: { type: 'REPRINT' } });
    const reprinted = await untilStep(h, sessionId, 'a4Print', isPrinted);
    expect(reprinted.data).toMatchObject({ reprintAvailable: false });
    expect(reprinted.accepts).not.toContain('REPRINT');
    expect(a4.printed()).toHaveLength(1);
    expect(await h.raw('flow.send', { sessionId, event: { type: 'REPRINT' } })).toMatchObject({ ok: false, error: { messageKey: 'flow.eventNotAccepted' } });

    // The host stops mid-session: the session is ended (hostRestart) and journaled once.
    const number = journalNumberOf(h, (reprinted.data as A4PrintData).documentNumber!);
    await h.host.stop();
    // The host closed its journal at stop: what it wrote is in the file.
    expect(h.journal.db.open).toBe(false);
    const reopened = openJournal(join(h.dataDir, 'journal.sqlite'));
    if (!reopened.ok) throw new Error(reopened.error.kind);
    const db = reopened.value.db;
    expect(db.prepare('SELECT print_outcome, reprint_outcome, reprint_count FROM documents WHERE number = ?').get(number)).toEqual({ print_outcome: 'paperOut', reprint_outcome: 'completed', reprint_count: 1 });
    expect(db.prepare('SELECT session_id, outcome, end_reason, last_step, print_outcome FROM transactions').all()).toEqual([
      { session_id: sessionId, outcome: 'abandoned', end_reason: 'hostRestart', last_step: 'print', print_outcome: 'completed' },
    ]);
    reopened.value.close();
    rmSync(h.dataDir, { recursive: true, force: true });
    h = undefined;
  });

  it('a flow cannot start when the catalogue says so, and a session without a service is still journaled', async () => {
    h = await startHarness();
    h.printing.simulatorControls!.goOffline();
    await until(async () => {
      const { services } = await h!.call<{ services: ServiceEntry[] }>('catalogue.list');
      return services.find((s) => s.id === 'no-criminal-record')?.available === false ? true : undefined;
    }, 'service greyed');
    const { sessionId } = await h.call<SessionInfo>('session.start', { language: 'en', elderMode: false });
    expect(await h.raw('flow.start', { sessionId, serviceId: 'no-criminal-record' })).toMatchObject({ ok: false, error: { code: 'deviceUnavailable', messageKey: 'service.deviceDown.a4Printer' } });
    await h.call('session.end', { sessionId, reason: 'cancelled' });
    expect(transactions(h)).toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'noService', end_reason: 'cancelled', service_id: null })]);
  });
});
