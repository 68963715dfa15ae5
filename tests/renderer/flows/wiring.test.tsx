import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixtureServiceHandlers, ok } from '../../../renderer/api/mock';
import { services } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';
import { FIXTURE_SERVICE_ID, views } from './views';

/** The catalogue with the fixture service as a kiosk service among the certificates. */
const kioskCatalogue = [
  ...services,
  {
    id: FIXTURE_SERVICE_ID,
    category: 'certificates' as const,
    name: { 'zh-CN': '示例事项', en: 'Sample service' },
    handling: 'kiosk' as const,
    feeFen: 0,
    available: true,
  },
];

describe('home → kiosk flow', () => {
  it('a kiosk service, with no renderer folder of its own, runs in the session frame with the flow’s own back', async () => {
    const user = userEvent.setup();
    const { api } = renderApp({
      ...sessionHandlers,
      ...fixtureServiceHandlers(),
      'catalogue.list': () => ok<'catalogue.list'>({ services: kioskCatalogue }),
      'flow.start': () => ok<'flow.start'>(views.identifyCard()),
      'flow.send': () => ok<'flow.send'>(views.consent()),
    });
    await startSession(user);
    await openCategory(user, 'certificates');
    await user.click(screen.getByTestId(`service-${FIXTURE_SERVICE_ID}`));
    await screen.findByTestId('identify-step');
    expect(api.callsTo('service.wording')).toEqual([{ serviceId: FIXTURE_SERVICE_ID }]);
    expect(api.callsTo('flow.start')).toEqual([{ sessionId: 's-1', serviceId: FIXTURE_SERVICE_ID }]);
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
    expect(api.callsTo('service.wording')).toEqual([]);
  });
});
