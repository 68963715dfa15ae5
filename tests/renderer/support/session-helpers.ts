/** Steps shared by the session tests. */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Touches start and waits for the home step. */
export async function startSession(user: UserEvent): Promise<HTMLElement> {
  await screen.findByTestId('hall-name');
  await user.click(screen.getByTestId('start-button'));
  return screen.findByTestId('home');
}

/** Opens a category from home. */
export async function openCategory(user: UserEvent, category: string): Promise<HTMLElement> {
  await user.click(await screen.findByTestId(`category-${category}`));
  return screen.findByTestId('category');
}

/** The step the frame shows. */
export function currentStep(): string | null {
  return screen.getByTestId('session-frame').getAttribute('data-step');
}

/** The current item of the step progress. */
export function currentProgressItem(): HTMLElement {
  return within(screen.getByTestId('step-progress'))
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'step')!;
}
