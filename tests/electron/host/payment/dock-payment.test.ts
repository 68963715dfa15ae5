/** `dock.pay`: the host pays the order the payment step shows, in its embedded sandbox; nothing else. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { dockPaymentHandler, orderNoOfQr } from '../../../../electron/host/payment/dock-payment';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';

async function withOrder() {
  const configured = createPaymentFromConfig({ simulation: true, payment: undefined });
  const created = await configured.port.createOrder({ idempotencyKey: 'dock-pay-test-1', items: [{ code: 'demo', name: '演示工本费', standard: '10元', basis: '测试', amountFen: 1000 }], holderMasked: '陈*', expiresInSeconds: 60 });
  if (!created.ok) throw new Error('no order');
  return { sandbox: configured.sandbox!, port: configured.port, order: created.value };
}

const logger = pino({ level: 'silent' });

describe('dock.pay', () => {
  it('pays the shown order by the chosen channel; the payment service then says it is paid', async () => {
    const { sandbox, port, order } = await withOrder();
    const pay = dockPaymentHandler({ sandbox, enabled: true, shownQr: () => order.codeUrl, logger });
    expect(await pay({ channel: 'alipay' })).toEqual({ ok: true, value: { outcome: 'paid' } });
    const queried = await port.queryOrder(order.orderNo);
    expect(queried.ok && queried.value).toMatchObject({ status: 'paid', channel: 'alipay' });
    // Paid once: a second press is refused, not a second payment.
    expect(await pay({ channel: 'alipay' })).toEqual({ ok: true, value: { outcome: 'refused', reasonKey: 'dock.pay.refused' } });
  });

  it('refuses with no order on screen, and outside simulation or without the embedded sandbox', async () => {
    const { sandbox, order } = await withOrder();
    expect(await dockPaymentHandler({ sandbox, enabled: true, shownQr: () => null, logger })({ channel: 'wechat' })).toMatchObject({ value: { reasonKey: 'dock.pay.noOrder' } });
    expect(await dockPaymentHandler({ sandbox, enabled: false, shownQr: () => order.codeUrl, logger })({ channel: 'wechat' })).toMatchObject({ value: { reasonKey: 'dock.pay.notSimulation' } });
    expect(await dockPaymentHandler({ sandbox: undefined, enabled: true, shownQr: () => order.codeUrl, logger })({ channel: 'wechat' })).toMatchObject({ value: { reasonKey: 'dock.pay.notSimulation' } });
  });

  it('reads the order number only from a sandbox QR code', () => {
    expect(orderNoOfQr('http://127.0.0.1:8743/sandbox/scan/SBX20261201000001')).toBe('SBX20261201000001');
    expect(orderNoOfQr('weixin://wxpay/bizpayurl?pr=abc')).toBeNull();
  });
});
