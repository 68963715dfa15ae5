import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { identity, session } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { currentProgressItem, currentStep, openCategory, startSession } from '../support/session-helpers';

describe('session frame', () => {
  it('starts with session.start and shows home with progress, welcome, help, and no back on the first step', async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await screen.findByTestId('device-status-idcard');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    const home = await startSession(user);
    // The catalogue loads after the home step is up; a loaded machine can be slower than the first paint.
    await within(home).findByTestId('category-huzheng');

    expect(api.callsTo('session.start')).toEqual([{ language: 'zh-CN', elderMode: true }]);
    expect(screen.queryByTestId('attract-screen')).not.toBeInTheDocument();
    expect(screen.getByTestId('welcome')).toHaveTextContent('欢迎使用自助服务');
    expect(currentProgressItem()).toHaveTextContent('选择业务类别');
    expect(screen.getByTestId('step-progress')).toHaveTextContent('第1步，共3步');
    expect(screen.getByTestId('help-button')).toHaveTextContent('呼叫工作人员');
    expect(screen.queryByTestId('back-button')).not.toBeInTheDocument();
    expect(screen.getByTestId('cancel-button')).toHaveTextContent('取消办理');
    expect(within(screen.getByTestId('home')).getAllByRole('button').map((b) => b.dataset.testid)).toEqual([
      'category-huzheng',
      'category-certificates',
      'category-exitEntry',
    ]);
    expect(voice.keys()).toContain('voice.welcome');
    expect(voice.spoken.find((u) => u.key === 'voice.welcome')).toMatchObject({ language: 'zh-CN', rate: 0.8, volume: 1 });
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('walks category → service and back, keeping the page', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'certificates');
    expect(currentStep()).toBe('category');
    expect(currentProgressItem()).toHaveTextContent('选择办理事项');
    await user.click(screen.getByTestId('service-no-criminal-record'));
    expect(currentStep()).toBe('service');
    expect(screen.getByTestId('service-window')).toHaveTextContent('请到 2号窗口 办理');
    await user.click(screen.getByTestId('back-button'));
    expect(currentStep()).toBe('category');
    await user.click(screen.getByTestId('back-button'));
    expect(currentStep()).toBe('home');
  });

  it('cancel calls session.end and returns to a clean attract screen', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await startSession(user);
    await user.click(screen.getByTestId('cancel-button'));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'cancelled' }]);
    expect(await screen.findByTestId('attract-screen')).toBeInTheDocument();
    // No trace of the last citizen: settings back to the kiosk defaults.
    expect(screen.getByRole('switch', { name: /长辈模式/ })).toHaveAttribute('aria-checked', 'false');
  });

  it('finishing a counter service ends the session as finished', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'exitEntry');
    await user.click(screen.getByTestId('service-hk-macau-endorsement'));
    await user.click(screen.getByTestId('service-done'));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'finished' }]);
    expect(await screen.findByTestId('attract-screen')).toBeInTheDocument();
  });

  it('in English: words, fee and window per language', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('button', { name: 'English' }));
    await startSession(user);
    expect(api.callsTo('session.start')).toEqual([{ language: 'en', elderMode: false }]);
    expect(screen.getByTestId('cancel-button')).toHaveTextContent('Cancel');
    await openCategory(user, 'exitEntry');
    const card = screen.getByTestId('service-hk-macau-endorsement');
    expect(card).toHaveTextContent('Hong Kong and Macau endorsement');
    expect(card).toHaveTextContent('Fee: CN¥15.00');
    expect(card).toHaveTextContent('At window 3');
    await user.click(screen.getByTestId('back-button'));
    await openCategory(user, 'huzheng');
    expect(screen.getByTestId('service-id-card-renewal')).toHaveTextContent('Fee: CNY 20–40');
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

  it('ends a session the host kept after the renderer reloaded, so the next citizen starts clean', async () => {
    let open = true;
    const { api } = renderApp({
      ...sessionHandlers,
      'session.current': () => ok<'session.current'>(open ? { session, identity } : { session: null, identity: null }),
      'session.end': () => {
        open = false;
        return ok<'session.end'>({ ended: true });
      },
    });
    await screen.findByTestId('hall-name');
    await waitFor(() => expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'crashed' }]));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(screen.queryByText(/陈\*\*/)).not.toBeInTheDocument();
  });

  it('joins a session a card started at the same moment as a touch', async () => {
    const user = userEvent.setup();
    let mounted = false;
    renderApp({
      ...sessionHandlers,
      'session.start': () => fail('sessionActive'),
      // Nothing open at connect; by the time of the touch a card has started one.
      'session.current': () => ok<'session.current'>(mounted ? { session, identity } : { session: null, identity: null }),
    });
    await screen.findByTestId('hall-name');
    mounted = true;
    await startSession(user);
    expect(screen.getByTestId('welcome')).toHaveTextContent('欢迎，陈**');
  });

  it('returns to attract when the host ends the session', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    act(() => api.emit('session.ended', { sessionId: 'another', reason: 'timeout' }));
    expect(screen.getByTestId('session-frame')).toBeInTheDocument();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'timeout' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(api.callsTo('session.end')).toHaveLength(0);
  });

  it('returns to attract even when session.end fails', async () => {
    const user = userEvent.setup();
    renderApp({ ...sessionHandlers, 'session.end': () => fail('noSession') });
    await startSession(user);
    await user.click(screen.getByTestId('cancel-button'));
    expect(await screen.findByTestId('attract-screen')).toBeInTheDocument();
  });

  it('a card placed at the attract screen opens the session with the citizen\'s name and the choices made there', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('button', { name: 'English' }));
    act(() => api.emit('session.started', { session, identity }));
    expect(await screen.findByTestId('home')).toBeInTheDocument();
    expect(screen.getByTestId('welcome')).toHaveTextContent('Welcome, 陈**');
    // The host started it with the kiosk defaults; the renderer tells it the citizen chose English.
    expect(api.callsTo('session.preferences')).toEqual([{ sessionId: 's-1', language: 'en', elderMode: false }]);
  });

  it('an unreadable card at the attract screen is explained there', async () => {
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    act(() => api.emit('identity.readFailed', { messageKey: 'identity.unknownCardType' }));
    expect(screen.getByTestId('start-error')).toHaveTextContent('无法识别该证件类型');
  });

  it('a card read during the session updates the welcome', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    act(() => api.emit('identity.read', { sessionId: 's-1', identity }));
    expect(screen.getByTestId('welcome')).toHaveTextContent('欢迎，陈**');
  });
});
