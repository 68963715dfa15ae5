/**
 * The payment screen: the bill (items, 标准, 依据, what is due after the
 * exemption, the total in 元), the order's QR code large with the 付款码
 * hint and a countdown, and only the citizen's own choices (cancel, retry,
 * counter, continue when nothing is due) sent to the host.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowEventType, FlowStepData } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type PaymentData = Extract<FlowStepData, { step: 'payment' }>;

function paymentView(over: Partial<PaymentData> = {}, accepts: FlowEventType[] = ['BACK'], messageKey?: string) {
  const base = fixtureViews.payment().data as PaymentData;
  return viewOf({ ...base, ...over }, accepts, messageKey ? { messageKey } : {});
}

describe('payment step', () => {
  it('shows the items, the exemption applied, the total in 元 and a large QR code to scan, with a countdown', () => {
    const { view } = renderFlowStep(paymentView());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请缴纳费用');
    const bill = screen.getByRole('table');
    expect(bill).toHaveTextContent('文件工本费');
    expect(bill).toHaveTextContent('20元/份');
    expect(bill).toHaveTextContent('依据：示例收费依据');
    expect(bill).toHaveTextContent('20.00元');
    expect(bill).toHaveTextContent('10.00元');
    expect(screen.getByTestId('payment-exemption')).toHaveTextContent('已按“困难群众减半”减免（依据：示例减免依据）');
    expect(screen.getByTestId('payment-total')).toHaveTextContent('合计 10.00元');
    const qr = screen.getByTestId('qr-code');
    expect(qr.getAttribute('width')).toBe('300');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+Z/);
    expect(screen.getByText('请用微信、支付宝或云闪付扫描二维码支付')).toBeInTheDocument();
    expect(screen.getByText('或打开手机上的付款码，对准下方扫码器')).toBeInTheDocument();
    expect(screen.getByTestId('payment-countdown').textContent).toMatch(/请在 [23]:\d\d 内完成支付/);
    expect(view.voice.keys()).toEqual(['voice.flow.payment']);
  });

  it('draws the QR code larger in elder mode', () => {
    renderFlowStep(paymentView(), {}, { elderMode: true });
    expect(screen.getByTestId('qr-code').getAttribute('width')).toBe('360');
  });

  it('offers no "I paid" button: only cancel, which the host turns into closing the order', () => {
    const { send } = renderFlowStep(paymentView());
    expect(screen.queryByTestId('payment-continue')).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('data-testid'))).toEqual(['payment-cancel']);
    fireEvent.click(screen.getByTestId('payment-cancel'));
    expect(send).toHaveBeenCalledWith({ type: 'BACK' });
  });

  it('after a timeout: the reason, a new QR code or the counter, and no QR code', () => {
    const { send } = renderFlowStep(paymentView({ state: 'expired', qrText: null, expiresAt: null }, ['RETRY', 'CONFIRM', 'BACK'], 'flow.payment.expired'));
    expect(screen.queryByTestId('qr-code')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('支付时间已过，订单已关闭，没有扣款。');
    fireEvent.click(screen.getByTestId('payment-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    fireEvent.click(screen.getByTestId('payment-counter'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
  });

  it('a declined 付款码 is said while the QR code stays', () => {
    renderFlowStep(paymentView({ failure: 'declined' }, ['BACK'], 'flow.payment.failure.declined'));
    expect(screen.getByRole('alert')).toHaveTextContent('付款码未能支付');
    expect(screen.getByTestId('qr-code')).toBeInTheDocument();
  });

  it('nothing due: says so and goes on at the citizen’s touch', () => {
    const { send } = renderFlowStep(
      paymentView({ state: 'exempt', totalFen: 0, qrText: null, expiresAt: null, items: [{ nameKey: 'svc.fixture-service.fee.copy', standard: '20元/份', basis: '示例收费依据', amountFen: 2000, dueFen: 0 }] }, ['CONFIRM', 'BACK']),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('本次无需缴费');
    expect(screen.getByTestId('payment-total')).toHaveTextContent('0.00元');
    fireEvent.click(screen.getByTestId('payment-continue'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
  });

  it('speaks English in English', () => {
    renderFlowStep(paymentView(), {}, { language: 'en' });
    expect(screen.getByTestId('payment-total')).toHaveTextContent('Total ¥10.00');
    expect(screen.getByText('Scan the QR code with WeChat, Alipay or UnionPay to pay')).toBeInTheDocument();
  });
});
