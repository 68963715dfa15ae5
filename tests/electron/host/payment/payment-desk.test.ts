/** The payment desk: an order the run gave up on is closed; a payment that beat the close is refunded and journaled. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { createPaymentDesk, type PaymentRecord } from '../../../../electron/host/payment/payment-desk';

const ITEMS = [{ code: 'fee', name: '工本费', standard: '20元/证', basis: '依据', amountFen: 2000 }];

function setup() {
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const journaled: Array<PaymentRecord & { refunded?: { refundNo: string; amountFen: number } }> = [];
  const desk = createPaymentDesk({ port: configured.port, orderTimeoutSeconds: 60, logger: pino({ level: 'silent' }), journal: (_s, record) => journaled.push(record) });
  const order = async (key: string) => {
    const created = await configured.port.createOrder({ idempotencyKey: key, items: ITEMS, holderMasked: '张*', expiresInSeconds: 60 });
    if (!created.ok) throw new Error(created.error.kind);
    return created.value.orderNo;
  };
  return { desk, sandbox: configured.sandbox!, journaled, order };
}

describe('payment desk', () => {
  it('closes an unpaid order it is given up', async () => {
    const { desk, sandbox, journaled, order } = setup();
    const no = await order('desk-order-1');
    await desk.abandon('s-1', no);
    const state = sandbox.payment.get(no);
    expect(state.ok && state.value.body.status).toBe('closed');
    expect(journaled).toEqual([]);
  });

  it('refunds, in full, an order paid just before the close, and journals the refund', async () => {
    const { desk, sandbox, journaled, order } = setup();
    const no = await order('desk-order-2');
    sandbox.payment.payByPhone(no, 'wechat');
    await desk.abandon('s-1', no);
    const state = sandbox.payment.get(no);
    expect(state.ok && state.value.body).toMatchObject({ status: 'refunded', refundedFen: 2000 });
    expect(journaled).toHaveLength(1);
    expect(journaled[0]).toMatchObject({ orderNo: no, amountFen: 2000, refunded: { amountFen: 2000 } });
  });
});
