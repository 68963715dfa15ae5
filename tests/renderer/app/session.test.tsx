import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { session } from '../support/fixtures';
import { renderApp } from '../support/render-app';

const startAndEnd = {
  'session.start': () => ok<'session.start'>(session),
  'session.end': () => ok<'session.end'>({ ended: true }),
};

describe('session frame', () => {
  it('start calls session.start with language and elder mode; cancel calls session.end and returns to attract', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(startAndEnd);
    await screen.findByTestId('device-status-idcard');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await user.click(screen.getByTestId('start-button'));

    expect(api.callsTo('session.start')).toEqual([{ language: 'zh-CN', elderMode: true }]);
    expect(await screen.findByTestId('session-frame')).toHaveTextContent('服务目录即将开放');
    expect(screen.queryByTestId('attract-screen')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('cancel-button'));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'cancelled' }]);
    expect(await screen.findByTestId('attract-screen')).toBeInTheDocument();
    // No trace of the last citizen: settings back to the kiosk defaults.
    expect(screen.getByRole('switch', { name: /长辈模式/ })).toHaveAttribute('aria-checked', 'false');
  });

  it('labels the placeholder honestly in English too', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(startAndEnd);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('button', { name: 'English' }));
    await user.click(screen.getByTestId('start-button'));
    expect(api.callsTo('session.start')).toEqual([{ language: 'en', elderMode: false }]);
    expect(await screen.findByText('Services are being added')).toBeInTheDocument();
    expect(screen.getByTestId('cancel-button')).toHaveTextContent('Cancel');
    await user.click(screen.getByTestId('cancel-button'));
    expect(await screen.findByText('请放置身份证或触摸屏幕开始')).toBeInTheDocument();
  });

  it('shows a refused start in words and stays on the attract screen', async () => {
    const user = userEvent.setup();
    renderApp({ 'session.start': () => fail('deviceUnavailable') });
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    expect(await screen.findByTestId('start-error')).toHaveTextContent('所需设备暂不可用，请咨询工作人员');
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
  });

  it('returns to attract when the host ends the session', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(startAndEnd);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    await screen.findByTestId('session-frame');
    act(() => api.emit('session.ended', { sessionId: 'another', reason: 'timeout' }));
    expect(screen.getByTestId('session-frame')).toBeInTheDocument();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'timeout' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(api.callsTo('session.end')).toHaveLength(0);
  });

  it('returns to attract even when session.end fails', async () => {
    const user = userEvent.setup();
    renderApp({ ...startAndEnd, 'session.end': () => fail('noSession') });
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    await user.click(await screen.findByTestId('cancel-button'));
    expect(await screen.findByTestId('attract-screen')).toBeInTheDocument();
  });
});
