import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskInfo } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { ok } from '../../../renderer/api/mock';

/** Lets promises and timers due by `ms` run. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

async function start(elder = false): Promise<void> {
  await advance(0);
  if (elder) fireEvent.click(screen.getByTestId('elder-mode-switch'));
  fireEvent.click(screen.getByTestId('start-button'));
  await advance(0);
  expect(screen.getByTestId('home')).toBeInTheDocument();
}

describe('idle countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks "need more time?" after the step\'s idle limit, speaks it, and ends the session as timeout 30 s later', async () => {
    const { api, voice } = renderApp(sessionHandlers);
    await start();
    await advance(89_000);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    await advance(1_000);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('您还需要更多时间吗？');
    expect(screen.getByTestId('idle-seconds')).toHaveTextContent('30秒后自动结束');
    expect(voice.keys().at(-1)).toBe('voice.countdown');
    await advance(10_000);
    expect(screen.getByTestId('idle-seconds')).toHaveTextContent('20秒后自动结束');
    await advance(20_000);
    expect(api.callsTo('session.end')).toEqual([{ sessionId: 's-1', reason: 'timeout' }]);
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
  });

  it('"need more time" closes the countdown and restarts the limit; touches keep it away', async () => {
    const { api } = renderApp(sessionHandlers);
    await start();
    await advance(90_000);
    fireEvent.pointerDown(screen.getByTestId('idle-more'));
    fireEvent.click(screen.getByTestId('idle-more'));
    await advance(0);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    // Touches every 60 s keep the session open for as long as the citizen is there.
    for (let i = 0; i < 5; i += 1) {
      await advance(60_000);
      fireEvent.pointerDown(screen.getByTestId('home'));
    }
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    expect(api.callsTo('session.end')).toEqual([]);
    // …and the host hears about it at most once per 10 s.
    expect(api.callsTo('session.activity').length).toBeGreaterThanOrEqual(5);
    expect(api.callsTo('session.activity').length).toBeLessThanOrEqual(6);
  });

  it('sends session.activity at most every 10 s however often the citizen touches', async () => {
    const { api } = renderApp(sessionHandlers);
    await start();
    for (let i = 0; i <= 40; i += 1) {
      fireEvent.pointerDown(screen.getByTestId('home'));
      await advance(500);
    }
    // 20 s of touching (41 touches): two reports, at 10 s and 20 s.
    expect(api.callsTo('session.activity')).toEqual([{ sessionId: 's-1' }, { sessionId: 's-1' }]);
  });

  it('elder mode doubles the limits', async () => {
    renderApp(sessionHandlers);
    await start(true);
    await advance(90_000);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    await advance(90_000);
    expect(screen.getByTestId('idle-seconds')).toHaveTextContent('60秒后自动结束');
  });

  it('honours ?idleScale only on a simulated kiosk', async () => {
    renderApp(sessionHandlers, { query: '?idleScale=0.1' });
    await start();
    await advance(9_000);
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
  });

  it('ignores ?idleScale on a real kiosk', async () => {
    renderApp({ ...sessionHandlers, 'kiosk.info': () => ok<'kiosk.info'>({ ...kioskInfo, simulation: false }) }, { query: '?idleScale=0.1' });
    await start();
    await advance(9_000);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
  });
});
