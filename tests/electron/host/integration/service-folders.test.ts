/**
 * The services that came as folders only (issue 13), through the whole host
 * in process: each is listed by the catalogue, runs on the step library with
 * the host's adapters (back-end operations declared in its folder, A4
 * documents from its own template, slips on the receipt printer) and is
 * journaled with its own outcome, without any code outside its folder
 * naming it.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowView, ServiceEntry, SessionInfo } from '../../../../electron/contract';
import { passFaceCheck, startHarness, until, untilStep, untilStepId, type HostHarness } from './host-harness';

const HAN = { name: '陈思远', idNumber: '410402199001011230' };

let h: HostHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The sample card starts a session and the service's flow, through identify, consent and the face check. */
async function startedPastFace(harness: HostHarness, serviceId: string): Promise<string> {
  await harness.call('dock.act', { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' });
  const started = await until(() => harness.events.find((e) => e.event === 'session.started'), 'session.started');
  const sessionId = (started.payload as { session: SessionInfo }).session.sessionId;
  await harness.call('flow.start', { sessionId, serviceId });
  await harness.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
  await harness.call('flow.send', { sessionId, event: { type: 'CONSENT', granted: true } });
  await untilStep(harness, sessionId, 'faceCheck');
  await passFaceCheck(harness, sessionId);
  return sessionId;
}

const transactions = (harness: HostHarness) => harness.journal.db.prepare('SELECT * FROM transactions WHERE ended_at IS NOT NULL').all() as Array<Record<string, unknown>>;

describe('service folders through the host', () => {
  it('驾驶人安全驾驶证明: period → the driver’s record → review → an A4 certificate with the back-end’s number and dates in the official form', async () => {
    h = await startHarness();
    const { services } = await h.call<{ services: ServiceEntry[] }>('catalogue.list');
    expect(services.find((s) => s.id === 'safe-driving-certificate')).toMatchObject({ category: 'traffic', handling: 'kiosk', available: true });

    const sessionId = await startedPastFace(h, 'safe-driving-certificate');
    await untilStepId(h, sessionId, 'period', (v) => v.step === 'choice');
    await h.call('flow.send', { sessionId, event: { type: 'CHOOSE', value: 'y3' } });
    await untilStep(h, sessionId, 'review');
    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    const printed = await untilStep(h, sessionId, 'a4Print', (v) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing');
    const backendNumber = (printed.data as Extract<FlowView['data'], { step: 'a4Print' }>).documentNumber!;

    const jobs = h.printing.simulatorControls!.printed();
    expect(jobs).toHaveLength(1);
    const text = execFileSync('pdftotext', ['-', '-'], { input: jobs[0]!.pdf }).toString();
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(HAN.name);
    expect(flat).toContain(`编号：${backendNumber}`);
    // The licence's first issue date, in the form a certificate prints it.
    expect(flat).toContain('2012年7月20日');
    expect(flat).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await untilStep(h, sessionId, 'done');
    await h.call('session.end', { sessionId, reason: 'finished' });
    const [row] = transactions(h);
    expect(row).toMatchObject({ service_id: 'safe-driving-certificate', outcome: 'certificateIssued', print_outcome: 'completed', last_step_kind: 'done', fee_items: '[]' });
    expect(JSON.parse(row!.documents as string)).toEqual([expect.objectContaining({ type: 'safeDriving', printOutcome: 'completed', backendNumber })]);
  });

  it('身份证办理进度查询: the back-end’s status on screen and on a slip from the receipt printer, journaled as progressShown', async () => {
    h = await startHarness();
    const sessionId = await startedPastFace(h, 'id-card-progress');
    const shown = await untilStep(h, sessionId, 'receiptPrint', (v) => v.data.step === 'receiptPrint' && v.data.state !== 'printing');
    expect(shown.data).toMatchObject({ step: 'receiptPrint', state: 'printed', rows: expect.arrayContaining([expect.objectContaining({ text: 'SL410402202611150031' })]) });
    const slip = h.receipts().receipts.at(-1)!.lines.join('\n');
    expect(slip).toContain('SL410402202611150031');
    expect(slip).not.toContain(HAN.idNumber);
    expect(h.printing.simulatorControls!.printed()).toHaveLength(0);

    await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
    await untilStep(h, sessionId, 'done');
    await h.call('session.end', { sessionId, reason: 'finished' });
    expect(transactions(h)).toEqual([expect.objectContaining({ service_id: 'id-card-progress', outcome: 'progressShown', last_step_kind: 'done', print_outcome: null })]);
  });
});
