/** The dock drawer against the strict mock host: every simulated device the host lists gets its controls. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallParams, CallResult } from '../../../electron/contract';
import { createMockKioskApi, fail, ok, type MockKioskApi } from '../../../renderer/api/mock';
import DockDrawer from '../../../renderer/dock/DockDrawer';
import { createI18n, type Language } from '../../../renderer/i18n';

type DockState = CallResult<'dock.state'>;

/** The default simulated kiosk: a reader, the receipt printer and the A4 printer, as the host lists them. */
function simulatedKiosk(): DockState {
  return {
    enabled: true,
    sampleCards: [
      { id: 'resident-han', label: 'Resident' },
      { id: 'expired-li', label: 'Expired card' },
    ],
    devices: [
      { id: 'idcard', kind: 'idcard', plugged: true, cardPresent: false },
      { id: 'receiptPrinter', kind: 'receiptPrinter', plugged: true, receipt: { paper: 'ok', coverOpen: false } },
      {
        id: 'a4Printer',
        kind: 'a4Printer',
        plugged: true,
        a4: { sheets: 250, capacity: 250, paper: 'ok', jammed: false, doorOpen: false, online: true, reasons: [], printing: false, completedJobs: 0 },
      },
    ],
  };
}

/** A stateful fake of the host's dock: `dock.act` changes what `dock.state` answers next. */
function fakeHostDock(state = simulatedKiosk(), refuse = false): MockKioskApi {
  const device = (id: string) => state.devices.find((d) => d.id === id)!;
  const apply = (params: CallParams<'dock.act'>): void => {
    const d = device(params.deviceId);
    switch (params.action) {
      case 'placeCard':
        d.cardPresent = true;
        break;
      case 'removeCard':
        d.cardPresent = false;
        break;
      case 'unplug':
      case 'replug':
        d.plugged = params.action === 'replug';
        break;
      case 'samFault':
      case 'placeFinger':
      case 'placePermit': // the endorsement writer's controls have their own test (dock-endorsement-writer)
      case 'removePermit':
      case 'failNextWrite':
        break;
      case 'a4Paper':
        d.a4 = { ...d.a4!, paper: params.state === 'refill' ? 'ok' : params.state, sheets: params.state === 'out' ? 0 : params.state === 'low' ? 5 : d.a4!.capacity };
        break;
      case 'a4Jam':
        d.a4 = { ...d.a4!, jammed: params.jammed };
        break;
      case 'a4Door':
        d.a4 = { ...d.a4!, doorOpen: params.open };
        break;
      case 'a4Offline':
        d.a4 = { ...d.a4!, online: !params.offline };
        d.plugged = !params.offline;
        break;
      case 'receiptPaper':
        d.receipt = { ...d.receipt!, paper: params.state === 'out' ? 'out' : 'ok' };
        break;
      case 'receiptCover':
        d.receipt = { ...d.receipt!, coverOpen: params.open };
        break;
      case 'scan':
        // A scanned code changes no device state.
        break;
    }
  };
  return createMockKioskApi({
    'dock.state': () => ok<'dock.state'>(structuredClone(state)),
    'dock.act': (params) => {
      if (refuse) return fail('deviceUnavailable');
      apply(params);
      return ok<'dock.act'>({ done: true });
    },
  });
}

function renderDock(api: MockKioskApi, language: Language = 'zh-CN') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <DockDrawer api={api} />
    </I18nextProvider>,
  );
}

async function openDrawer(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(await screen.findByTestId('dock-handle'));
  return screen.getByTestId('dock-drawer');
}

describe('dock drawer', () => {
  it('renders nothing when the host says the dock is disabled', async () => {
    const api = createMockKioskApi({ 'dock.state': () => ok<'dock.state'>({ enabled: false, sampleCards: [], devices: [] }) });
    renderDock(api);
    await waitFor(() => expect(api.callsTo('dock.state')).toHaveLength(1));
    expect(screen.queryByTestId('dock-handle')).toBeNull();
  });

  it('lists every simulated device the host lists, each under its name, with touch-sized buttons', async () => {
    const user = userEvent.setup();
    const api = fakeHostDock();
    renderDock(api);
    await openDrawer(user);
    expect(screen.getByTestId('dock-device-idcard')).toHaveTextContent('身份证阅读器 idcard · 已连接');
    expect(screen.getByTestId('dock-device-receiptPrinter')).toHaveTextContent('凭条打印机 receiptPrinter · 已连接');
    expect(screen.getByTestId('dock-device-a4Printer')).toHaveTextContent('文件打印机 a4Printer · 在线');
    expect(screen.getByTestId('dock-a4-status-a4Printer')).toHaveTextContent('纸张充足 · 纸盒余 250/250 张');
    expect(screen.getByTestId('dock-receipt-status-receiptPrinter')).toHaveTextContent('纸张充足');
    // Every control is a TouchButton (≥ 60 px: .dock__drawer .touch-button; measured in the e2e test).
    for (const button of within(screen.getByTestId('dock-drawer')).getAllByRole('button')) expect(button).toHaveClass('touch-button');
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('A4 printer: empty, low and refill the tray; jam and clear; open and close the door; offline and online', async () => {
    const user = userEvent.setup();
    const api = fakeHostDock();
    renderDock(api);
    await openDrawer(user);
    const status = () => screen.getByTestId('dock-a4-status-a4Printer');

    await user.click(screen.getByTestId('dock-a4-paper-out-a4Printer'));
    expect(status()).toHaveAttribute('data-paper', 'out');
    expect(status()).toHaveTextContent('缺纸 · 纸盒余 0/250 张');
    expect(screen.getByTestId('dock-a4-paper-out-a4Printer')).toBeDisabled();
    await user.click(screen.getByTestId('dock-a4-paper-low-a4Printer'));
    expect(status()).toHaveTextContent('纸张将尽');
    await user.click(screen.getByTestId('dock-a4-paper-refill-a4Printer'));
    expect(status()).toHaveAttribute('data-paper', 'ok');
    expect(screen.getByTestId('dock-a4-paper-out-a4Printer')).toBeEnabled();

    await user.click(screen.getByTestId('dock-a4-jam-a4Printer'));
    expect(status()).toHaveTextContent('卡纸');
    await user.click(screen.getByTestId('dock-a4-clear-jam-a4Printer'));
    expect(status()).toHaveAttribute('data-jammed', 'false');
    expect(screen.getByTestId('dock-a4-jam-a4Printer')).toBeInTheDocument();

    await user.click(screen.getByTestId('dock-a4-door-open-a4Printer'));
    expect(status()).toHaveTextContent('机门已打开');
    await user.click(screen.getByTestId('dock-a4-door-close-a4Printer'));
    expect(status()).toHaveAttribute('data-door-open', 'false');

    await user.click(screen.getByTestId('dock-a4-offline-a4Printer'));
    expect(screen.getByTestId('dock-device-a4Printer')).toHaveTextContent('文件打印机 a4Printer · 离线');
    await user.click(screen.getByTestId('dock-a4-online-a4Printer'));
    expect(screen.getByTestId('dock-device-a4Printer')).toHaveTextContent('文件打印机 a4Printer · 在线');

    expect(api.callsTo('dock.act')).toEqual([
      { action: 'a4Paper', deviceId: 'a4Printer', state: 'out' },
      { action: 'a4Paper', deviceId: 'a4Printer', state: 'low' },
      { action: 'a4Paper', deviceId: 'a4Printer', state: 'refill' },
      { action: 'a4Jam', deviceId: 'a4Printer', jammed: true },
      { action: 'a4Jam', deviceId: 'a4Printer', jammed: false },
      { action: 'a4Door', deviceId: 'a4Printer', open: true },
      { action: 'a4Door', deviceId: 'a4Printer', open: false },
      { action: 'a4Offline', deviceId: 'a4Printer', offline: true },
      { action: 'a4Offline', deviceId: 'a4Printer', offline: false },
    ]);
    // The A4 printer's cable is its offline switch: no separate pull/replug.
    expect(screen.queryByTestId('dock-unplug-a4Printer')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('receipt printer: empty and refill the roll, open and close the cover, pull and replug', async () => {
    const user = userEvent.setup();
    const api = fakeHostDock();
    renderDock(api);
    await openDrawer(user);
    const status = () => screen.getByTestId('dock-receipt-status-receiptPrinter');

    await user.click(screen.getByTestId('dock-receipt-paper-out-receiptPrinter'));
    expect(status()).toHaveTextContent('缺纸');
    expect(screen.getByTestId('dock-receipt-paper-out-receiptPrinter')).toBeDisabled();
    await user.click(screen.getByTestId('dock-receipt-paper-refill-receiptPrinter'));
    expect(status()).toHaveAttribute('data-paper', 'ok');

    await user.click(screen.getByTestId('dock-receipt-cover-open-receiptPrinter'));
    expect(status()).toHaveTextContent('纸张充足 · 上盖已打开');
    await user.click(screen.getByTestId('dock-receipt-cover-close-receiptPrinter'));
    expect(status()).toHaveAttribute('data-cover-open', 'false');

    await user.click(screen.getByTestId('dock-unplug-receiptPrinter'));
    expect(screen.getByTestId('dock-device-receiptPrinter')).toHaveTextContent('凭条打印机 receiptPrinter · 已拔出');
    await user.click(screen.getByTestId('dock-replug-receiptPrinter'));
    expect(screen.getByTestId('dock-device-receiptPrinter')).toHaveTextContent('已连接');

    expect(api.callsTo('dock.act')).toEqual([
      { action: 'receiptPaper', deviceId: 'receiptPrinter', state: 'out' },
      { action: 'receiptPaper', deviceId: 'receiptPrinter', state: 'refill' },
      { action: 'receiptCover', deviceId: 'receiptPrinter', open: true },
      { action: 'receiptCover', deviceId: 'receiptPrinter', open: false },
      { action: 'unplug', deviceId: 'receiptPrinter' },
      { action: 'replug', deviceId: 'receiptPrinter' },
    ]);
    // Only the reader has SAM controls.
    expect(screen.queryByTestId('dock-sam-fault-receiptPrinter')).toBeNull();
  });

  it('ID card reader: place a sample citizen, remove it, SAM fault and clear, pull and replug', async () => {
    const user = userEvent.setup();
    const api = fakeHostDock();
    renderDock(api);
    await openDrawer(user);
    const reader = screen.getByTestId('dock-device-idcard');
    expect(within(reader).getByTestId('dock-remove-card')).toBeDisabled();
    await user.click(within(reader).getByTestId('dock-card-resident-han'));
    expect(reader).toHaveTextContent('感应区有证件');
    await user.click(within(reader).getByTestId('dock-remove-card'));
    expect(reader).toHaveTextContent('感应区无证件');
    await user.click(within(reader).getByTestId('dock-sam-fault-idcard'));
    await user.click(within(reader).getByTestId('dock-sam-clear-idcard'));
    await user.click(within(reader).getByTestId('dock-unplug-idcard'));
    expect(reader).toHaveTextContent('已拔出');
    await user.click(within(reader).getByTestId('dock-replug-idcard'));
    expect(api.callsTo('dock.act')).toEqual([
      { action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' },
      { action: 'removeCard', deviceId: 'idcard' },
      { action: 'samFault', deviceId: 'idcard', code: 0x60 },
      { action: 'unplug', deviceId: 'idcard' },
      { action: 'replug', deviceId: 'idcard' },
      { action: 'samFault', deviceId: 'idcard', code: null },
      { action: 'unplug', deviceId: 'idcard' },
      { action: 'replug', deviceId: 'idcard' },
      { action: 'unplug', deviceId: 'idcard' },
      { action: 'replug', deviceId: 'idcard' },
    ]);
  });

  it('speaks English too', async () => {
    const user = userEvent.setup();
    renderDock(fakeHostDock(), 'en');
    await openDrawer(user);
    expect(screen.getByTestId('dock-device-a4Printer')).toHaveTextContent('A4 printer a4Printer · Online');
    expect(screen.getByTestId('dock-a4-status-a4Printer')).toHaveTextContent('Paper OK · 250 of 250 sheets in the tray');
    expect(screen.getByTestId('dock-device-receiptPrinter')).toHaveTextContent('Receipt printer receiptPrinter · Connected');
    for (const name of ['Take the paper out', 'Leave a few sheets', 'Jam the paper', 'Open the door', 'Take offline', 'Open the cover']) {
      expect(screen.getAllByRole('button', { name }).length).toBeGreaterThan(0);
    }
  });

  it('says so when the host refuses an action', async () => {
    const user = userEvent.setup();
    renderDock(fakeHostDock(simulatedKiosk(), true));
    await openDrawer(user);
    await user.click(screen.getByTestId('dock-a4-paper-out-a4Printer'));
    expect(screen.getByRole('alert')).toHaveTextContent('操作未成功');
  });

  it('follows devices.changed: a printer the host reports anew is shown as it is now', async () => {
    const user = userEvent.setup();
    const state = simulatedKiosk();
    const api = fakeHostDock(state);
    renderDock(api);
    await openDrawer(user);
    state.devices[2]!.a4 = { ...state.devices[2]!.a4!, paper: 'low', sheets: 3 };
    const before = api.callsTo('dock.state').length;
    act(() => api.emit('devices.changed', { devices: [] }));
    await screen.findByText(/纸张将尽/);
    expect(api.callsTo('dock.state').length).toBeGreaterThan(before);
  });
});
