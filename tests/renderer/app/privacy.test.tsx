import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { citizen, identity, session } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';

/** Nothing of the citizen anywhere: not in the DOM, not in browser storage. */
function expectNoTrace(): void {
  const html = document.documentElement.outerHTML;
  expect(html).not.toContain(citizen.name);
  expect(html).not.toContain(identity.nameMasked!);
  expect(html).not.toContain(citizen.idNumber);
  expect(html).not.toContain(identity.idNumberMasked);
  expect(localStorage.length).toBe(0);
  expect(sessionStorage.length).toBe(0);
}

async function cardSession() {
  const user = userEvent.setup();
  const rendered = renderApp(sessionHandlers);
  await screen.findByTestId('hall-name');
  act(() => rendered.api.emit('session.started', { session, identity }));
  expect(await screen.findByTestId('welcome')).toHaveTextContent('欢迎，陈**');
  return { user, ...rendered };
}

describe('privacy wipe between citizens', () => {
  afterEach(() => vi.useRealTimers());

  it('after cancel', async () => {
    const { user } = await cardSession();
    await user.click(await screen.findByTestId('category-huzheng'));
    await user.click(screen.getByTestId('cancel-button'));
    await screen.findByTestId('attract-screen');
    expectNoTrace();
  });

  it('after the host ends the session (backstop)', async () => {
    const { api } = await cardSession();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'timeout' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expectNoTrace();
  });

  it('after the idle countdown ran out, and the next session starts from home', async () => {
    vi.useFakeTimers();
    const { api } = renderApp(sessionHandlers);
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => api.emit('session.started', { session, identity }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => screen.getByTestId('category-huzheng').click());
    expect(screen.getByTestId('welcome')).toHaveTextContent('陈**');
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'timeout' }]);
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expectNoTrace();

    act(() => api.emit('session.started', { session: { ...session, sessionId: 's-2' }, identity: null }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByTestId('home')).toBeInTheDocument();
    expect(screen.getByTestId('welcome')).toHaveTextContent('欢迎使用自助服务');
  });
});
