/**
 * What the citizen sees of the hall link: the help dialog says when staff
 * claimed the call ("约 2 分钟") and when it was handled; a line from hall
 * staff shows large on the session, is spoken, and goes when dismissed;
 * more time from the hall keeps the idle warning away that much longer.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';

describe('answers from the hall', () => {
  it('the help dialog says staff are coming in about 2 minutes once claimed, then that it was handled', async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'huzheng');
    await user.click(screen.getByTestId('help-button'));
    expect(await screen.findByTestId('help-dialog')).toHaveTextContent('已通知大厅工作人员');
    // An answer to some other call changes nothing.
    act(() => api.emit('help.answered', { callId: 'someone-else', state: 'claimed', etaMinutes: 5 }));
    expect(screen.getByTestId('help-dialog')).not.toHaveTextContent('5 分钟');
    act(() => api.emit('help.answered', { callId: 'call-1', state: 'claimed', etaMinutes: 2 }));
    expect(screen.getByTestId('help-dialog')).toHaveTextContent('工作人员正在赶来，约 2 分钟');
    expect(voice.keys()).toContain('voice.helpClaimed');
    // Dismissed, the dialog comes back when staff resolved the call.
    await user.click(screen.getByTestId('help-close'));
    act(() => api.emit('help.answered', { callId: 'call-1', state: 'resolved', etaMinutes: null }));
    expect(await screen.findByTestId('help-dialog')).toHaveTextContent('已处理');
  });

  it('in English: "Staff are coming: about 2 min"', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    await user.click(screen.getByTestId('language-toggle'));
    await user.click(screen.getByTestId('help-button'));
    await screen.findByTestId('help-dialog');
    act(() => api.emit('help.answered', { callId: 'call-1', state: 'claimed', etaMinutes: 2 }));
    expect(screen.getByTestId('help-dialog')).toHaveTextContent('Staff are coming: about 2 min');
  });

  it("shows a hall hint for this session large, speaks it, and takes it away when dismissed; another session's hint never shows", async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await startSession(user);
    act(() => api.emit('hall.hint', { sessionId: 'another-session', text: '不是给您的' }));
    expect(screen.queryByTestId('hall-hint')).not.toBeInTheDocument();
    act(() => api.emit('hall.hint', { sessionId: 's-1', text: '请把身份证放在感应区' }));
    const hint = screen.getByTestId('hall-hint');
    expect(hint).toHaveTextContent('工作人员提示');
    expect(hint).toHaveTextContent('请把身份证放在感应区');
    expect(voice.keys()).toContain('voice.hallHint');
    await user.click(screen.getByTestId('hall-hint-dismiss'));
    expect(screen.queryByTestId('hall-hint')).not.toBeInTheDocument();
  });
});

describe('more time from the hall', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('closes the idle warning and keeps it away for the extra time on this step', async () => {
    vi.useFakeTimers();
    const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
    const { api } = renderApp(sessionHandlers);
    await advance(0);
    fireEvent.click(screen.getByTestId('start-button'));
    await advance(0);
    await advance(90_000);
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    act(() => api.emit('session.extended', { sessionId: 's-1', seconds: 120 }));
    await advance(0);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    // The home step's 90 s limit plus the 120 s staff gave.
    await advance(200_000);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    await advance(10_000);
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    expect(api.callsTo('session.end')).toEqual([]);
  });
});
