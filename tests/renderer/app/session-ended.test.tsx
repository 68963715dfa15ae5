import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_ENDED_MS } from '../../../renderer/app/session/useKioskSession';
import { citizen, identity, session } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';

function expectNoTrace(): void {
  const html = document.documentElement.outerHTML;
  expect(html).not.toContain(citizen.name);
  expect(html).not.toContain(identity.nameMasked!);
  expect(html).not.toContain(citizen.idNumber);
  expect(html).not.toContain(identity.idNumberMasked);
}

async function cardSession() {
  const rendered = renderApp(sessionHandlers);
  await act(() => vi.advanceTimersByTimeAsync(0));
  act(() => rendered.api.emit('session.started', { session, identity }));
  await act(() => vi.advanceTimersByTimeAsync(0));
  expect(screen.getByTestId('welcome')).toHaveTextContent('陈**');
  return rendered;
}

describe('"your information has been cleared" after a session ends', () => {
  afterEach(() => vi.useRealTimers());

  it('after cancel: shown in both languages, spoken, nothing of the citizen, gone after a few seconds', async () => {
    expect(SESSION_ENDED_MS).toBeGreaterThanOrEqual(3_000);
    expect(SESSION_ENDED_MS).toBeLessThanOrEqual(5_000);
    vi.useFakeTimers();
    const { voice } = await cardSession();
    act(() => screen.getByTestId('cancel-button').click());
    await act(() => vi.advanceTimersByTimeAsync(0));
    const notice = screen.getByTestId('session-ended');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent('您的信息已清除');
    expect(notice.querySelector('[lang="en"]')).toHaveTextContent('The session has ended and your information has been cleared');
    expect(voice.keys().at(-1)).toBe('voice.sessionEnded');
    expectNoTrace();
    await act(() => vi.advanceTimersByTimeAsync(SESSION_ENDED_MS - 100));
    expect(screen.getByTestId('session-ended')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
  });

  it('after the idle countdown ran out', async () => {
    vi.useFakeTimers();
    const { api } = await cardSession();
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'timeout' }]);
    expect(screen.getByTestId('session-ended')).toHaveTextContent('本次办理已结束，您的信息已清除');
    expectNoTrace();
  });

  it('after the host ended it by its own timeout', async () => {
    vi.useFakeTimers();
    const { api } = await cardSession();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'timeout' }));
    expect(screen.getByTestId('session-ended')).toBeInTheDocument();
  });

  it('not after a finished service or a host restart', async () => {
    vi.useFakeTimers();
    const { api } = await cardSession();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'finished' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
    act(() => api.emit('session.started', { session: { ...session, sessionId: 's-2' }, identity: null }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => api.emit('host.status', { state: 'restarting' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
  });

  it('after a citizen chose English it is there in English too; the next session takes it away at once', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    await screen.findByTestId('home');
    await user.click(screen.getByTestId('language-toggle'));
    await user.click(screen.getByTestId('cancel-button'));
    // The citizen's language went with the session; the notice says it in both.
    const notice = await screen.findByTestId('session-ended');
    expect(notice.querySelector('[lang="en"]')).toHaveTextContent('your information has been cleared');
    await user.click(screen.getByTestId('start-button'));
    await screen.findByTestId('home');
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'hostRestart' }));
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
  });

  it('after the host ended it because another card or number came: says so in both languages, nothing of either person', async () => {
    vi.useFakeTimers();
    const { api, voice } = await cardSession();
    act(() => api.emit('session.ended', { sessionId: 's-1', reason: 'identityChanged' }));
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    const notice = screen.getByTestId('session-ended');
    expect(notice).toHaveAttribute('data-reason', 'identityChanged');
    expect(notice).toHaveTextContent('检测到另一张身份证或另一个证件号码');
    expect(notice.querySelector('[lang="en"]')).toHaveTextContent('Another ID card or ID number was presented');
    expect(voice.keys().at(-1)).toBe('voice.sessionEndedIdentityChanged');
    expectNoTrace();
    await act(() => vi.advanceTimersByTimeAsync(SESSION_ENDED_MS));
    expect(screen.queryByTestId('session-ended')).not.toBeInTheDocument();
  });
});
