/** The dock drawer's code scanner: sample codes as buttons, disabled while the cable is pulled. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../electron/contract';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import DockDrawer from '../../../renderer/dock/DockDrawer';
import { createI18n, type Language } from '../../../renderer/i18n';

function hostWithScanner() {
  const state: CallResult<'dock.state'> = { enabled: true, sampleCards: [], devices: [{ id: 'scanner', kind: 'scanner', plugged: true }] };
  return createMockKioskApi({
    'dock.state': () => ok<'dock.state'>(structuredClone(state)),
    'dock.act': (params) => {
      if (params.action === 'unplug' || params.action === 'replug') state.devices[0]!.plugged = params.action === 'replug';
      return ok<'dock.act'>({ done: true });
    },
  });
}

function renderDock(api: ReturnType<typeof createMockKioskApi>, language: Language = 'zh-CN') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <DockDrawer api={api} />
    </I18nextProvider>,
  );
}

describe('dock drawer: code scanner', () => {
  it('scans a sample payment code with one touch', async () => {
    const user = userEvent.setup();
    const api = hostWithScanner();
    renderDock(api);
    await user.click(await screen.findByTestId('dock-handle'));
    expect(screen.getByTestId('dock-device-scanner')).toHaveTextContent('扫码器 scanner · 已连接');
    await user.click(screen.getByTestId('dock-scan-payment-scanner'));
    expect(api.callsTo('dock.act')).toEqual([{ action: 'scan', deviceId: 'scanner', text: 'OD-PAY-2026-0001' }]);
    await user.click(screen.getByTestId('dock-scan-url-scanner'));
    expect(api.callsTo('dock.act')[1]).toMatchObject({ action: 'scan', text: expect.stringMatching(/^https:\/\//) });
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('offers the codes in English and disables them while the cable is pulled', async () => {
    const user = userEvent.setup();
    const api = hostWithScanner();
    renderDock(api, 'en');
    await user.click(await screen.findByTestId('dock-handle'));
    expect(screen.getByTestId('dock-scan-appointment-scanner')).toHaveTextContent('Scan: appointment code');
    await user.click(screen.getByTestId('dock-unplug-scanner'));
    expect(await screen.findByTestId('dock-replug-scanner')).toBeInTheDocument();
    expect(screen.getByTestId('dock-scan-payment-scanner')).toBeDisabled();
    await user.click(screen.getByTestId('dock-replug-scanner'));
    expect(await screen.findByTestId('dock-unplug-scanner')).toBeInTheDocument();
    expect(screen.getByTestId('dock-scan-payment-scanner')).toBeEnabled();
  });
});
