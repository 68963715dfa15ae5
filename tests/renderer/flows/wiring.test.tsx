import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../renderer/api/mock';
import { services } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';
import { views } from './views';

const kioskCatalogue = services.map((s) =>
  s.id === 'no-criminal-record' ? { ...s, handling: 'kiosk' as const, window: undefined } : s,
);

describe('home → kiosk flow', () => {
  it('a kiosk service with a renderer flow starts it in the session frame, with the flow’s own back', async () => {
    const user = userEvent.setup();
    const { api } = renderApp({
      ...sessionHandlers,
      'catalogue.list': () => ok<'catalogue.list'>({ services: kioskCatalogue }),
      'flow.start': () => ok<'flow.start'>(views.identifyCard()),
      'flow.send': () => ok<'flow.send'>(views.consent()),
    });
    await startSession(user);
    await openCategory(user, 'certificates');
    await user.click(screen.getByTestId('service-no-criminal-record'));
    await screen.findByTestId('identify-step');
    expect(api.callsTo('flow.start')).toEqual([{ sessionId: 's-1', serviceId: 'no-criminal-record' }]);
    // The frame's back would leave the flow behind the host's back: the flow draws its own when allowed.
    expect(screen.queryByTestId('back-button')).toBeNull();
    expect(screen.getByTestId('cancel-button')).toBeInTheDocument();
    await user.click(screen.getByTestId('identify-confirm'));
    await screen.findByTestId('flow-back');
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('a counter service keeps the shell’s guidance screen', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'certificates');
    await user.click(screen.getByTestId('service-no-criminal-record'));
    await screen.findByTestId('service-step');
    await waitFor(() => expect(api.callsTo('flow.start')).toEqual([]));
  });
});
