import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { identity, session } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';

describe('help (呼叫工作人员) on the attract screen', () => {
  it('is there before any session, with an accessible name, and calls with no session and step "attract"', async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    const button = screen.getByRole('button', { name: '呼叫工作人员' });
    expect(button).toHaveAttribute('data-testid', 'help-button');
    // The kiosk's touch target class (≥ 60 px, measured in the browser by tests/e2e/ui-session.test.ts).
    expect(button).toHaveClass('touch-button');
    await user.click(button);
    expect(api.callsTo('help.request')).toEqual([{ sessionId: null, reason: 'button', step: 'attract' }]);
    expect(api.callsTo('session.start')).toEqual([]);
    const dialog = await screen.findByRole('dialog', { name: '工作人员正在赶来' });
    expect(dialog).toHaveTextContent('已通知大厅工作人员，请在本机前稍候。');
    expect(voice.keys()).toContain('voice.helpComing');
    expect(screen.getByTestId('help-close')).toHaveFocus();
    await user.click(screen.getByTestId('help-close'));
    expect(screen.queryByTestId('help-dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
  });

  it('is named in English too', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('button', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Call staff' }));
    expect(await screen.findByTestId('help-dialog')).toHaveTextContent(/staff/i);
  });

  it('says plainly when the call did not get through', async () => {
    const user = userEvent.setup();
    renderApp({ ...sessionHandlers, 'help.request': () => fail('internal') });
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('help-button'));
    expect(await screen.findByTestId('help-dialog')).toHaveTextContent('呼叫未能送达，请直接向大厅工作人员求助');
  });

  it('a double tap raises one call', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    const { api } = renderApp({
      ...sessionHandlers,
      'help.request': () =>
        new Promise((resolve) => {
          release = () => resolve(ok<'help.request'>({ callId: 'c', queuedAt: '2026-05-01T08:02:00.000Z' }));
        }),
    });
    await screen.findByTestId('hall-name');
    await user.dblClick(screen.getByTestId('help-button'));
    expect(api.callsTo('help.request')).toHaveLength(1);
    await act(async () => release());
    expect(screen.getByTestId('help-dialog')).toBeInTheDocument();
  });

  it('a card placed while the confirmation is open starts the session; the confirmation does not come back after it', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('help-button'));
    await screen.findByTestId('help-dialog');
    act(() => api.emit('session.started', { session, identity }));
    expect(await screen.findByTestId('welcome')).toHaveTextContent('陈**');
    expect(screen.queryByTestId('help-dialog')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('cancel-button'));
    await screen.findByTestId('attract-screen');
    expect(screen.queryByTestId('help-dialog')).not.toBeInTheDocument();
    // Help is still there, and calls from the attract screen carry no session.
    await user.click(screen.getByTestId('help-button'));
    expect(api.callsTo('help.request').at(-1)).toEqual({ sessionId: null, reason: 'button', step: 'attract' });
  });
});
