/**
 * `npm run journal -- reconcile`: the kiosk's payment ledger against the
 * payment service's signed day statement (the sandbox served over HTTP),
 * when they agree, when they disagree (a mismatch table, exit 1, staff
 * alerts in the journal) and when the service cannot be reached (exit 2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../electron/host/journal';
import { createHttpPayment, fetchTransport } from '../../electron/host/payment/http-payment';
import { createPaymentLedger } from '../../electron/host/payment/ledger';
import type { PaymentPort } from '../../electron/host/payment/payment-port';
import { runReconcileCommand } from '../../electron/host/payment/reconcile-cli';
import { startSandboxPaymentServer, type SandboxPaymentServer } from '../../electron/host/payment/sandbox-payment-server';

const NOW = new Date('2026-12-02T03:00:00Z'); // 11:00 in Shanghai
const DATE = '2026-12-02';
const ZONE = 'Asia/Shanghai';
const ITEMS = [{ code: 'fee', name: '工本费', standard: '20元/证', basis: '依据', amountFen: 2000 }];

let journal: Journal | undefined;
let server: SandboxPaymentServer | undefined;
afterEach(async () => {
  journal?.close();
  journal = undefined;
  await server?.close();
  server = undefined;
});

async function setup() {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
  server = await startSandboxPaymentServer({ now: () => NOW, notify: () => undefined });
  const port = createHttpPayment({ transport: fetchTransport(server.url), timeoutMs: 5000, publicKey: 'fetchAtStart' });
  const ledger = createPaymentLedger(journal.db, () => NOW);
  const sandbox = server.handler.payment;
  /** An order the kiosk raised (in its ledger and at the service). */
  const kioskOrder = async (key: string) => {
    const created = await port.createOrder({ idempotencyKey: key, items: ITEMS, holderMasked: '张*', expiresInSeconds: 60 });
    if (!created.ok) throw new Error(created.error.kind);
    ledger.opened({ orderNo: created.value.orderNo, orderKey: key, sessionId: 's', serviceId: 'svc', amountFen: 2000 });
    return created.value.orderNo;
  };
  const paidAtBoth = async (key: string) => {
    const no = await kioskOrder(key);
    sandbox.payByPhone(no, 'wechat');
    const state = await port.queryOrder(no);
    if (!state.ok) throw new Error(state.error.kind);
    ledger.observed(state.value);
    return no;
  };
  const output = { out: '', err: '' };
  const run = (over: Partial<{ port: PaymentPort; date: string }> = {}) =>
    runReconcileCommand({
      db: journal!.db,
      port: over.port ?? port,
      date: over.date ?? DATE,
      timeZone: ZONE,
      out: (t) => (output.out += t),
      err: (t) => (output.err += t),
      now: () => NOW,
    });
  const alerts = () => journal!.db.prepare(`SELECT subject, detail FROM audit_events WHERE action = 'staff.alert'`).all() as Array<{ subject: string; detail: string }>;
  return { port, ledger, sandbox, kioskOrder, paidAtBoth, run, output, alerts };
}

describe('journal reconcile', () => {
  it('exits 0 and prints only the summary when the ledger and the statement agree', async () => {
    const { paidAtBoth, kioskOrder, run, output, alerts } = await setup();
    await paidAtBoth('match-order-1');
    await paidAtBoth('match-order-2');
    await kioskOrder('match-order-3'); // unpaid at both
    expect(await run()).toBe(0);
    expect(output.out).toBe(`${DATE}: 3 matched, 0 mismatches, 0 notes; kiosk 3 orders, paid 40.00 元, refunded 0.00 元; service 3 orders, paid 40.00 元, refunded 0.00 元\n`);
    expect(alerts()).toEqual([]);
  });

  it('prints each mismatch, notes moneyless differences, exits 1 and records a staff alert per mismatch', async () => {
    const { ledger, sandbox, paidAtBoth, kioskOrder, run, output, alerts } = await setup();
    await paidAtBoth('agree-order-1');
    // Refunded at the service behind the kiosk's back.
    const refundedThere = await paidAtBoth('refund-order-1');
    sandbox.refund(refundedThere, 'refund-key-0001', 500);
    // Paid at the service, never known to the kiosk.
    const stranger = sandbox.create({ idempotencyKey: 'stranger-0001', amountFen: 3000, expiresInSeconds: 60, notifyUrl: null, fingerprint: 'f' });
    if (!stranger.ok) throw new Error('not created');
    sandbox.payByPhone(stranger.value.body.orderNo, 'alipay');
    // Unpaid at the service only, and closed there while the kiosk last saw it unpaid: no money, notes.
    const unknownUnpaid = sandbox.create({ idempotencyKey: 'stranger-0002', amountFen: 1000, expiresInSeconds: 60, notifyUrl: null, fingerprint: 'g' });
    if (!unknownUnpaid.ok) throw new Error('not created');
    const closedThere = await kioskOrder('closed-order-1');
    sandbox.close(closedThere);
    // Paid in the kiosk's ledger, unknown to the service.
    ledger.opened({ orderNo: 'KIOSKONLY0001', orderKey: 'k', sessionId: 's', serviceId: 'svc', amountFen: 2000 });
    ledger.observed({ orderNo: 'KIOSKONLY0001', status: 'paid', refundedFen: 0, channel: 'wechat', paidAt: NOW.toISOString() });

    expect(await run()).toBe(1);
    const text = output.out;
    expect(text).toMatch(/^Mismatches:\norder\s+issue\s+kiosk\s+service\n/);
    expect(text).toMatch(new RegExp(`KIOSKONLY0001\\s+missingAtService\\s+paid 20\\.00\\s+-`));
    expect(text).toMatch(new RegExp(`${refundedThere}\\s+refundDiffers\\s+paid 20\\.00\\s+paid 20\\.00 \\(refunded 5\\.00\\)`));
    expect(text).toMatch(new RegExp(`${stranger.value.body.orderNo}\\s+missingAtKiosk\\s+-\\s+paid 30\\.00`));
    expect(text).toContain('Notes (no money involved):');
    expect(text).toMatch(new RegExp(`${unknownUnpaid.value.body.orderNo}\\s+missingAtKiosk\\s+-\\s+unpaid 10\\.00`));
    expect(text).toMatch(new RegExp(`${closedThere}\\s+statusDiffers\\s+unpaid 20\\.00\\s+closed 20\\.00`));
    expect(text).toContain(`${DATE}: 1 matched, 3 mismatches, 2 notes; kiosk 4 orders, paid 60.00 元, refunded 0.00 元; service 5 orders, paid 70.00 元, refunded 5.00 元`);
    expect(alerts().map((a) => a.subject).sort()).toEqual(['KIOSKONLY0001', refundedThere, stranger.value.body.orderNo].sort());
    expect(JSON.parse(alerts()[0]!.detail)).toMatchObject({ kind: 'payment', paymentIssue: 'reconcileMismatch' });
  });

  it('leaves another day out', async () => {
    const { paidAtBoth, run, output } = await setup();
    await paidAtBoth('today-order-1');
    expect(await run({ date: '2026-12-01' })).toBe(0);
    expect(output.out).toContain('2026-12-01: 0 matched, 0 mismatches, 0 notes; kiosk 0 orders');
  });

  it('exits 2 without alerts when the service cannot be reached', async () => {
    const { paidAtBoth, run, output, alerts } = await setup();
    await paidAtBoth('lonely-order-1');
    const gone = createHttpPayment({ transport: fetchTransport('http://127.0.0.1:9'), timeoutMs: 2000, publicKey: server!.handler.publicKeyBase64 });
    expect(await run({ port: gone })).toBe(2);
    expect(output.err).toContain('could not be had: unavailable');
    expect(alerts()).toEqual([]);
  });

  it('exits 64 for a date that is not one', async () => {
    const { run } = await setup();
    expect(await run({ date: '2026-13-45' })).toBe(64);
  });
});
