import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';

describe('help (呼叫工作人员)', () => {
  it('raises a help call with the session and step, and tells the citizen staff are coming', async () => {
    const user = userEvent.setup();
    const { api, voice } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'huzheng');
    await user.click(screen.getByTestId('help-button'));
    expect(api.callsTo('help.request')).toEqual([{ sessionId: 's-1', reason: 'button', step: 'category' }]);
    const dialog = await screen.findByRole('dialog', { name: '工作人员正在赶来' });
    expect(dialog).toHaveTextContent('已通知大厅工作人员');
    expect(voice.keys()).toContain('voice.helpComing');
    expect(screen.getByTestId('help-close')).toHaveFocus();
    await user.click(screen.getByTestId('help-close'));
    expect(screen.queryByTestId('help-dialog')).not.toBeInTheDocument();
    // The step is where it was.
    expect(screen.getByTestId('category')).toBeInTheDocument();
  });

  it('a double tap raises one call (the button locks while the call is on its way)', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    const { api } = renderApp({
      ...sessionHandlers,
      'help.request': () =>
        new Promise((resolve) => {
          release = () => resolve(ok<'help.request'>({ callId: 'c', queuedAt: '2026-05-01T08:02:00.000Z' }));
        }),
    });
    await startSession(user);
    await user.dblClick(screen.getByTestId('help-button'));
    expect(screen.getByTestId('help-button')).toBeDisabled();
    expect(api.callsTo('help.request')).toHaveLength(1);
    release();
    expect(await screen.findByTestId('help-dialog')).toBeInTheDocument();
    expect(api.callsTo('help.request')).toHaveLength(1);
  });

  it('says plainly when the call did not get through', async () => {
    const user = userEvent.setup();
    renderApp({ ...sessionHandlers, 'help.request': () => fail('internal') });
    await startSession(user);
    await user.click(screen.getByTestId('help-button'));
    expect(await screen.findByTestId('help-dialog')).toHaveTextContent('呼叫未能送达，请直接向大厅工作人员求助');
  });
});

describe('elder mode: repeated errors offer staff help', () => {
  async function twoErrors(elder: boolean) {
    const user = userEvent.setup();
    const rendered = renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    if (elder) await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await startSession(user);
    await openCategory(user, 'huzheng');
    await user.click(screen.getByTestId('service-id-card-renewal'));
    expect(screen.queryByTestId('help-offer')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('service-id-card-renewal'));
    return { user, ...rendered };
  }

  it('after two errors in one step the kiosk offers help by itself; accepting raises a repeatedErrors call', async () => {
    const { user, api, voice } = await twoErrors(true);
    const offer = screen.getByRole('dialog', { name: '需要工作人员帮忙吗？' });
    expect(offer).toBeInTheDocument();
    expect(voice.keys()).toContain('voice.helpOffer');
    await user.click(screen.getByTestId('help-offer-accept'));
    expect(api.callsTo('help.request')).toEqual([{ sessionId: 's-1', reason: 'repeatedErrors', step: 'category' }]);
    expect(await screen.findByRole('dialog', { name: '工作人员正在赶来' })).toBeInTheDocument();
  });

  it('declined, it does not nag again in the same step', async () => {
    const { user, api } = await twoErrors(true);
    await user.click(screen.getByTestId('help-offer-decline'));
    await user.click(screen.getByTestId('service-id-card-renewal'));
    expect(screen.queryByTestId('help-offer')).not.toBeInTheDocument();
    expect(api.callsTo('help.request')).toEqual([]);
  });

  it('outside elder mode, errors are explained but help is not pushed', async () => {
    await twoErrors(false);
    expect(screen.getByTestId('step-error')).toBeInTheDocument();
    expect(screen.queryByTestId('help-offer')).not.toBeInTheDocument();
  });
});
