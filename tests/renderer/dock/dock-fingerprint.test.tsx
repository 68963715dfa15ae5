/** The dock drawer's fingerprint scanner: place a good or a bad finger, pull the cable. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../electron/contract';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import DockDrawer from '../../../renderer/dock/DockDrawer';
import { createI18n } from '../../../renderer/i18n';

describe('dock drawer: fingerprint scanner', () => {
  it('places a good or a bad finger, shows the sensor, and disables both while unplugged', async () => {
    const user = userEvent.setup();
    const state: CallResult<'dock.state'> = { enabled: true, sampleCards: [], devices: [{ id: 'fingerprint', kind: 'fingerprint', plugged: true, fingerprint: { fingerOn: false, capturing: true } }] };
    const api = createMockKioskApi({
      'dock.state': () => ok<'dock.state'>(structuredClone(state)),
      'dock.act': (params) => {
        if (params.action === 'unplug') state.devices[0]!.plugged = false;
        return ok<'dock.act'>({ done: true });
      },
    });
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <DockDrawer api={api} />
      </I18nextProvider>,
    );
    await user.click(await screen.findByTestId('dock-handle'));
    expect(screen.getByTestId('dock-device-fingerprint')).toHaveTextContent('指纹采集仪 fingerprint · 已连接');
    expect(screen.getByTestId('dock-device-fingerprint')).toHaveTextContent('等待按压手指');
    await user.click(screen.getByTestId('dock-finger-good-fingerprint'));
    await user.click(screen.getByTestId('dock-finger-bad-fingerprint'));
    await user.click(screen.getByTestId('dock-finger-other-fingerprint'));
    expect(api.callsTo('dock.act')).toEqual([
      { action: 'placeFinger', deviceId: 'fingerprint', quality: 'good' },
      { action: 'placeFinger', deviceId: 'fingerprint', quality: 'bad' },
      // Someone else's finger: a good print that does not match the card's holder.
      { action: 'placeFinger', deviceId: 'fingerprint', quality: 'good', whose: 'other' },
    ]);
    await user.click(screen.getByTestId('dock-unplug-fingerprint'));
    expect(await screen.findByTestId('dock-replug-fingerprint')).toBeInTheDocument();
    expect(screen.getByTestId('dock-finger-good-fingerprint')).toBeDisabled();
    expect(screen.getByTestId('dock-finger-other-fingerprint')).toBeDisabled();
    expect(api.unexpectedCalls).toEqual([]);
  });
});
