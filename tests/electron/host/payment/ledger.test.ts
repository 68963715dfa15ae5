import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createPaymentLedger } from '../../../../electron/host/payment/ledger';
import type { OrderState } from '../../../../electron/host/payment/payment-port';

let journal: Journal | undefined;
afterEach(() => journal?.close());

function ledgerAt(clock: { t: number }) {
  const opened = openJournal(':memory:');
  if (!opened.ok) throw new Error(opened.error.kind);
  journal = opened.value;
  return createPaymentLedger(journal.db, () => new Date(clock.t));
}

const state = (status: OrderState['status'], refundedFen = 0): OrderState => ({
  orderNo: 'PO1',
  status,
  amountFen: 2000,
  codeUrl: 'x',
  expiresAt: '2026-12-02T10:03:00Z',
  paidAt: status === 'unpaid' || status === 'closed' ? null : '2026-12-02T10:01:00Z',
  channel: status === 'unpaid' || status === 'closed' ? null : 'wechat',
  refundedFen,
});

describe('payment ledger', () => {
  it('keeps an order from its creation through payment, open until the kiosk settles it', () => {
    const ledger = ledgerAt({ t: Date.parse('2026-12-02T10:00:00Z') });
    ledger.opened({ orderNo: 'PO1', orderKey: 'flow-pay-1', sessionId: 's1', serviceId: 'svc', amountFen: 2000 });
    ledger.opened({ orderNo: 'PO1', orderKey: 'flow-pay-1', sessionId: 's1', serviceId: 'svc', amountFen: 2000 });
    ledger.observed(state('paid'));
    expect(ledger.get('PO1')).toMatchObject({ status: 'paid', channel: 'wechat', settlement: 'open', amountFen: 2000 });
    expect(ledger.open().map((o) => o.orderNo)).toEqual(['PO1']);
    ledger.settle('PO1', 'delivered', 'submitted');
    expect(ledger.open()).toEqual([]);
    expect(ledger.get('PO1')).toMatchObject({ settlement: 'delivered', note: 'submitted' });
  });

  it('never lets a late, older answer undo a payment or a refund', () => {
    const ledger = ledgerAt({ t: Date.parse('2026-12-02T10:00:00Z') });
    ledger.opened({ orderNo: 'PO1', orderKey: 'k', sessionId: 's1', serviceId: 'svc', amountFen: 2000 });
    ledger.observed(state('paid'));
    ledger.observed(state('unpaid'));
    ledger.observed(state('closed'));
    expect(ledger.get('PO1')?.status).toBe('paid');
    ledger.observed(state('refunded', 2000));
    ledger.observed(state('paid'));
    expect(ledger.get('PO1')).toMatchObject({ status: 'refunded', refundedFen: 2000 });
  });

  it('lists a day’s orders by when they were made', () => {
    const clock = { t: Date.parse('2026-12-01T15:59:00Z') };
    const ledger = ledgerAt(clock);
    ledger.opened({ orderNo: 'A', orderKey: 'a', sessionId: 's', serviceId: 'svc', amountFen: 100 });
    clock.t = Date.parse('2026-12-01T16:00:00Z');
    ledger.opened({ orderNo: 'B', orderKey: 'b', sessionId: 's', serviceId: 'svc', amountFen: 100 });
    expect(ledger.between(new Date('2026-12-01T16:00:00Z'), new Date('2026-12-02T16:00:00Z')).map((o) => o.orderNo)).toEqual(['B']);
  });
});
