/** The dock drawer's stand-in for the citizen's phone: choose a channel, pay the order on screen; what the host answered is said. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import DockDrawer from '../../../renderer/dock/DockDrawer';
import { createI18n } from '../../../renderer/i18n';

function renderDock(answers: Array<'paid' | 'dock.pay.noOrder'>) {
  const api = createMockKioskApi({
    'dock.state': () => ok<'dock.state'>({ enabled: true, sampleCards: [], devices: [{ id: 'scanner', kind: 'scanner', plugged: true }] }),
    'dock.pay': () => {
      const next = answers.shift() ?? 'paid';
      return ok<'dock.pay'>(next === 'paid' ? { outcome: 'paid' } : { outcome: 'refused', reasonKey: next });
    },
    'dock.act': () => ok<'dock.act'>({ done: true }),
  });
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <DockDrawer api={api} />
    </I18nextProvider>,
  );
  return api;
}

describe('dock drawer: pay by phone (simulation)', () => {
  it('pays by the chosen channel (微信 by default) and says the host\'s answer', async () => {
    const user = userEvent.setup();
    const api = renderDock(['dock.pay.noOrder', 'paid']);
    await user.click(await screen.findByTestId('dock-handle'));
    await user.click(screen.getByTestId('dock-pay-scan'));
    expect(await screen.findByTestId('dock-pay-status')).toHaveTextContent('屏幕上没有待支付的订单');
    await user.click(screen.getByTestId('dock-pay-channel-unionpay'));
    expect(screen.getByTestId('dock-pay-channel-unionpay')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('dock-pay-scan'));
    expect(await screen.findByTestId('dock-pay-status')).toHaveTextContent('已支付');
    expect(api.callsTo('dock.pay')).toEqual([{ channel: 'wechat' }, { channel: 'unionpay' }]);
  });

  it('offers 付款码 at the scanner that pay (1388…) or are declined (1399…)', async () => {
    const user = userEvent.setup();
    const api = renderDock([]);
    await user.click(await screen.findByTestId('dock-handle'));
    await user.click(screen.getByTestId('dock-scan-payCode-scanner'));
    await user.click(screen.getByTestId('dock-scan-payCodeDeclined-scanner'));
    expect(api.callsTo('dock.act')).toEqual([
      { action: 'scan', deviceId: 'scanner', text: '138812345678901234' },
      { action: 'scan', deviceId: 'scanner', text: '139912345678901234' },
    ]);
  });
});
