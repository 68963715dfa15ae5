import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';

describe('elder mode switched mid-session', () => {
  afterEach(() => vi.useRealTimers());

  it('sits next to the language toggle, says its position in words, changes sizes at once and tells the host', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'huzheng');
    const toggle = screen.getByRole('switch', { name: '长辈模式' });
    expect(toggle).toHaveAttribute('data-testid', 'elder-toggle');
    expect(toggle.previousElementSibling).toBe(screen.getByTestId('language-toggle'));
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toHaveTextContent('已关闭');
    expect(document.querySelectorAll('.services > li')).toHaveLength(6);

    await user.click(toggle);
    expect(screen.getByTestId('kiosk')).toHaveClass('kiosk--elder');
    expect(screen.getByTestId('kiosk')).toHaveAttribute('data-elder-mode', 'true');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(toggle).toHaveTextContent('已开启');
    expect(api.callsTo('session.preferences')).toEqual([{ sessionId: 's-1', language: 'zh-CN', elderMode: true }]);
    // The step is where it was, now with elder mode's fewer, bigger choices.
    expect(screen.getByTestId('category')).toBeInTheDocument();
    expect(document.querySelectorAll('.services > li').length).toBeLessThan(6);

    await user.click(screen.getByTestId('language-toggle'));
    const english = screen.getByRole('switch', { name: 'Senior mode' });
    expect(english).toHaveTextContent('On');
    expect(api.callsTo('session.preferences').at(-1)).toEqual({ sessionId: 's-1', language: 'en', elderMode: true });
    await user.click(english);
    expect(screen.getByTestId('kiosk')).not.toHaveClass('kiosk--elder');
    expect(api.callsTo('session.preferences').at(-1)).toEqual({ sessionId: 's-1', language: 'en', elderMode: false });
  });

  it('a session started in elder mode shows the switch on; the choice is forgotten when the session ends', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await startSession(user);
    expect(screen.getByTestId('elder-toggle')).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByTestId('elder-toggle'));
    await user.click(screen.getByTestId('cancel-button'));
    await screen.findByTestId('attract-screen');
    expect(screen.getByRole('switch', { name: /长辈模式/ })).toHaveAttribute('aria-checked', 'false');
  });

  it('doubles the idle limit from the next step, not the running one', async () => {
    vi.useFakeTimers();
    const { api } = renderApp(sessionHandlers);
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => api.emit('session.started', { session, identity: null }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('home')).toBeInTheDocument();

    // Switched on at home: home keeps its normal 90 s limit.
    act(() => screen.getByTestId('elder-toggle').click());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('kiosk')).toHaveClass('kiosk--elder');
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    act(() => screen.getByTestId('idle-more').click());

    // The next step waits twice as long (180 s), and so does its countdown (60 s).
    act(() => screen.getByTestId('category-huzheng').click());
    await act(() => vi.advanceTimersByTimeAsync(179_000));
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(api.callsTo('session.end')).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'timeout' }]);
  });

  it('switched off mid-step, the step keeps its elder limit; the next step is back to normal', async () => {
    vi.useFakeTimers();
    const { api } = renderApp(sessionHandlers);
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => screen.getByRole('switch', { name: /长辈模式/ }).click());
    act(() => api.emit('session.started', { session: { ...session, elderMode: true }, identity: null }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => screen.getByTestId('elder-toggle').click());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('kiosk')).not.toHaveClass('kiosk--elder');
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    act(() => screen.getByTestId('idle-more').click());
    act(() => screen.getByTestId('category-huzheng').click());
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
  });
});
