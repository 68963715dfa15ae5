/** The dock drawer's endorsement writer: place a sample permit, take it away, fail the next write, and the chip's endorsements listed. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../electron/contract';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import DockDrawer from '../../../renderer/dock/DockDrawer';
import { createI18n } from '../../../renderer/i18n';

type Writer = NonNullable<CallResult<'dock.state'>['devices'][number]['endorsementWriter']>;

describe('dock drawer: endorsement writer', () => {
  it('places a permit, shows what its chip holds, arms a write failure, and takes the card away', async () => {
    const user = userEvent.setup();
    const writer: Writer = {
      sampleCards: [
        { id: 'C38816402', kind: 'permit', label: '港澳通行证 C38816402 陈*远' },
        { id: 'damaged', kind: 'damaged', label: '损坏的通行证（芯片读不出）' },
      ],
      onWriter: null,
      failArmed: false,
    };
    const state: CallResult<'dock.state'> = { enabled: true, sampleCards: [], devices: [{ id: 'endorsementWriter', kind: 'endorsementWriter', plugged: true, endorsementWriter: writer }] };
    const api = createMockKioskApi({
      'dock.state': () => ok<'dock.state'>(structuredClone(state)),
      'dock.act': (params) => {
        if (params.action === 'placePermit') writer.onWriter = { id: params.card, label: '港澳通行证 C38816402 陈*远', endorsements: [] };
        if (params.action === 'failNextWrite') {
          writer.failArmed = true;
          // As if the flow then wrote one (and the failure was used up by another).
          writer.onWriter!.endorsements.push({ destination: 'hongKong', type: 'G', entries: 'single', validFrom: '2026-12-03', validUntil: '2027-03-02', stayDays: 7, number: 'HG2026000001' });
        }
        if (params.action === 'removePermit') writer.onWriter = null;
        return ok<'dock.act'>({ done: true });
      },
    });
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <DockDrawer api={api} />
      </I18nextProvider>,
    );
    await user.click(await screen.findByTestId('dock-handle'));
    const device = screen.getByTestId('dock-device-endorsementWriter');
    expect(device).toHaveTextContent('签注写卡器 endorsementWriter · 已连接');
    expect(device).toHaveTextContent('写卡器上没有卡');
    expect(screen.getByTestId('dock-permit-remove')).toBeDisabled();
    await user.click(screen.getByTestId('dock-permit-C38816402'));
    expect(await screen.findByText('写卡器上：港澳通行证 C38816402 陈*远')).toBeInTheDocument();
    expect(screen.getByTestId('dock-permit-chip')).toHaveTextContent('芯片上没有签注');
    await user.click(screen.getByTestId('dock-permit-fail-write'));
    expect(await screen.findByText('下一次写卡将失败')).toBeInTheDocument();
    expect(screen.getByTestId('dock-permit-chip')).toHaveTextContent('香港 G 一次，2026-12-03 至 2027-03-02，每次停留 7 天，编号 HG2026000001');
    await user.click(screen.getByTestId('dock-permit-remove'));
    expect(await screen.findByText('写卡器上没有卡')).toBeInTheDocument();
    expect(api.callsTo('dock.act')).toEqual([
      { action: 'placePermit', deviceId: 'endorsementWriter', card: 'C38816402' },
      { action: 'failNextWrite', deviceId: 'endorsementWriter', fault: 'writeFailed' },
      { action: 'removePermit', deviceId: 'endorsementWriter' },
    ]);
    expect(api.unexpectedCalls).toEqual([]);
  });
});
