import { act, waitFor, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { device, devices, HALL_NAME, kioskInfo } from '../support/fixtures';
import { renderApp } from '../support/render-app';
import { ok } from '../../../renderer/api/mock';

describe('attract screen', () => {
  it('shows the hall name from kiosk.info, the clock, the start target and the settings', async () => {
    const { api } = renderApp();
    expect(await screen.findByTestId('hall-name')).toHaveTextContent(HALL_NAME);
    expect(screen.getByTestId('clock')).toHaveTextContent(/\d{2}:\d{2}/);
    expect(screen.getByTestId('start-button')).toHaveTextContent('请放置身份证或触摸屏幕开始');
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('switch', { name: /长辈模式/ })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('simulation-badge')).toBeInTheDocument();
    expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument();
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('takes the hall name from the host, whatever it is', async () => {
    renderApp({ 'kiosk.info': () => ok<'kiosk.info'>({ ...kioskInfo, hallName: '测试大厅', simulation: false }) });
    // The heading is there at once with the loading words; the host's name replaces them when kiosk.info answers.
    await waitFor(() => expect(screen.getByTestId('hall-name')).toHaveTextContent('测试大厅'));
    expect(screen.queryByTestId('simulation-badge')).not.toBeInTheDocument();
  });

  it('lists devices with their state in words and data-state', async () => {
    renderApp();
    const idcard = await screen.findByTestId('device-status-idcard');
    expect(idcard).toHaveAttribute('data-state', 'online');
    expect(idcard).toHaveTextContent('身份证阅读器');
    expect(idcard).toHaveTextContent('正常');
    const camera = screen.getByTestId('device-status-camera');
    expect(camera).toHaveAttribute('data-state', 'noDevice');
    expect(camera).toHaveAttribute('data-tone', 'error');
    expect(camera).toHaveTextContent('未检测到设备');
    expect(within(screen.getByTestId('device-status')).getAllByRole('listitem')).toHaveLength(devices.length);
  });

  it('updates device statuses on a devices.changed event', async () => {
    const { api } = renderApp();
    expect(await screen.findByTestId('device-status-idcard')).toHaveTextContent('正常');
    act(() =>
      api.emit('devices.changed', {
        devices: [
          device({ id: 'idcard', kind: 'idcard', state: 'hardwareError', messageKey: 'devices.state.hardwareError' }),
          device({ id: 'receipt', kind: 'receiptPrinter', media: 'out' }),
        ],
      }),
    );
    const idcard = screen.getByTestId('device-status-idcard');
    expect(idcard).toHaveAttribute('data-state', 'hardwareError');
    expect(idcard).toHaveTextContent('故障');
    expect(screen.getByTestId('device-status-receipt')).toHaveTextContent('缺纸');
    expect(screen.getByTestId('device-status-receipt')).toHaveAttribute('data-tone', 'error');
    expect(screen.queryByTestId('device-status-camera')).not.toBeInTheDocument();
  });

  it('says a media problem once when the host already names it in messageKey', async () => {
    renderApp({ 'devices.list': () => ok<'devices.list'>([device({ id: 'r', kind: 'receiptPrinter', media: 'jammed', messageKey: 'devices.media.jammed' })]) });
    const item = await screen.findByTestId('device-status-r');
    expect(item.textContent!.match(/卡纸/g)).toHaveLength(1);
    expect(item).toHaveAttribute('data-tone', 'error');
  });

  it('falls back to the state words when the host sends a message key the catalogue lacks', async () => {
    renderApp({ 'devices.list': () => ok<'devices.list'>([device({ id: 'scan', kind: 'scanner', state: 'offline', messageKey: 'devices.message.somethingNew' })]) });
    expect(await screen.findByTestId('device-status-scan')).toHaveTextContent('未连接');
  });

  it('switches language without losing state', async () => {
    const user = userEvent.setup();
    const { api } = renderApp();
    await screen.findByTestId('device-status-idcard');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    expect(screen.getByTestId('kiosk')).toHaveClass('kiosk--elder');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('start-button')).toHaveTextContent('Place your ID card or touch to start');
    expect(screen.getByTestId('device-status-idcard')).toHaveTextContent('ID card reader');
    expect(screen.getByTestId('device-status-idcard')).toHaveTextContent('Ready');
    expect(screen.getByRole('switch', { name: /Senior mode/ })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('kiosk')).toHaveClass('kiosk--elder');
    expect(screen.getByTestId('hall-name')).toHaveTextContent(HALL_NAME);
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByTestId('start-button')).toHaveTextContent('请放置身份证或触摸屏幕开始');
    // Switching language asks the host for nothing.
    expect(api.callsTo('kiosk.info')).toHaveLength(1);
    expect(api.callsTo('devices.list')).toHaveLength(1);
  });

  it('starts in the kiosk default language from kiosk.info', async () => {
    renderApp({ 'kiosk.info': () => ok<'kiosk.info'>({ ...kioskInfo, defaultLanguage: 'en' }) });
    expect(await screen.findByText('Place your ID card or touch to start')).toBeInTheDocument();
  });

  it('unsubscribes from events when unmounted', async () => {
    const { api, view } = renderApp();
    await screen.findByTestId('device-status-idcard');
    expect(api.listenerCount('devices.changed')).toBe(1);
    view.unmount();
    expect(api.listenerCount('devices.changed')).toBe(0);
    expect(api.listenerCount('host.status')).toBe(0);
  });
});
