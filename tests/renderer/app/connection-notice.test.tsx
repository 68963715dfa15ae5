import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, sessionHandlers } from '../support/render-app';

describe('connection notice', () => {
  it('shows "service restarting" when the link drops, and reloads host data when it is back', async () => {
    const { api } = renderApp();
    await screen.findByTestId('device-status-idcard');
    act(() => api.setConnectionState('disconnected'));
    const notice = screen.getByTestId('connection-notice');
    expect(notice).toHaveAttribute('data-notice', 'restarting');
    expect(notice).toHaveTextContent('服务正在重启，请稍候');
    expect(notice).toHaveTextContent('Service restarting, please wait');

    act(() => api.setConnectionState('connecting'));
    expect(screen.getByTestId('connection-notice')).toHaveAttribute('data-notice', 'restarting');

    act(() => api.setConnectionState('connected'));
    expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(api.callsTo('kiosk.info')).toHaveLength(2));
    expect(api.callsTo('devices.list')).toHaveLength(2);
  });

  it('shows it while host.status says restarting', async () => {
    const { api } = renderApp();
    await screen.findByTestId('hall-name');
    act(() => api.emit('host.status', { state: 'restarting' }));
    expect(screen.getByTestId('connection-notice')).toHaveTextContent('服务正在重启，请稍候');
    act(() => api.emit('host.status', { state: 'ready' }));
    expect(screen.queryByTestId('connection-notice')).not.toBeInTheDocument();
  });

  it('says "starting" before the first connection, and asks the host nothing until then', async () => {
    const { api } = renderApp({}, 'connecting');
    expect(screen.getByTestId('connection-notice')).toHaveAttribute('data-notice', 'starting');
    expect(api.calls).toHaveLength(0);
    act(() => api.setConnectionState('connected'));
    expect(await screen.findByTestId('device-status-idcard')).toBeInTheDocument();
  });

  it('says "restarting" (not "starting") while a host that never answered is retried', () => {
    const { api } = renderApp({}, 'connecting');
    act(() => api.setConnectionState('disconnected'));
    act(() => api.setConnectionState('connecting'));
    expect(screen.getByTestId('connection-notice')).toHaveAttribute('data-notice', 'restarting');
  });

  it('a restart ends the open session on screen', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    await screen.findByTestId('session-frame');
    act(() => api.emit('host.status', { state: 'restarting' }));
    act(() => api.emit('host.status', { state: 'ready' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
  });
});
