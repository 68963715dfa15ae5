/** Renders the whole console against a fake hall, signed in or not. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../../hall/console/app/App';
import { createConsoleI18n, type ConsoleLanguage } from '../../../hall/console/i18n';
import type { FakeHall } from './fake-api';

export function renderConsole(hall: FakeHall, language: ConsoleLanguage = 'zh-CN') {
  const chime = vi.fn();
  const user = userEvent.setup();
  const view = render(<App api={hall.api} live={hall.live} i18n={createConsoleI18n(language)} chime={chime} />);
  return { ...view, user, chime };
}

/** Opens a screen from the left navigation. */
export async function openScreen(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  const nav = await screen.findByRole('navigation');
  const { within } = await import('@testing-library/react');
  await user.click(within(nav).getByRole('button', { name: new RegExp(`^${name}`) }));
}
