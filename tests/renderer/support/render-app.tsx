/** Renders the whole App against a strict mock host. */
import { render } from '@testing-library/react';
import { App } from '../../../renderer/app/App';
import { createMockKioskApi, ok, type MockHandlers, type MockKioskApi } from '../../../renderer/api/mock';
import type { ConnectionState } from '../../../renderer/api/types';
import { createI18n } from '../../../renderer/i18n';
import { devices, kioskInfo } from './fixtures';

/** kiosk.info and devices.list answered from the fixtures, plus `extra`. */
export function renderApp(extra: MockHandlers = {}, connection: ConnectionState = 'connected'): { api: MockKioskApi; view: ReturnType<typeof render> } {
  const api = createMockKioskApi(
    {
      'kiosk.info': () => ok<'kiosk.info'>(kioskInfo),
      'devices.list': () => ok<'devices.list'>(devices),
      ...extra,
    },
    connection,
  );
  const view = render(<App api={api} i18n={createI18n()} />);
  return { api, view };
}
