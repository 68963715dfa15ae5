import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TouchButton } from '../../../renderer/ui/TouchButton';

describe('TouchButton', () => {
  it('shows as pressed on pointerdown, before any render, until the finger lifts or leaves', () => {
    render(<TouchButton onPress={() => {}}>OK</TouchButton>);
    const button = screen.getByRole('button', { name: 'OK' });
    fireEvent.pointerDown(button);
    expect(button).toHaveClass('is-pressed');
    fireEvent.pointerUp(button);
    expect(button).not.toHaveClass('is-pressed');
    fireEvent.pointerDown(button);
    fireEvent.pointerLeave(button);
    expect(button).not.toHaveClass('is-pressed');
  });

  it('runs its action once on a double tap and unlocks when it finished', async () => {
    const user = userEvent.setup();
    let finish: () => void = () => {};
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<TouchButton onPress={action}>Pay</TouchButton>);
    const button = screen.getByRole('button', { name: 'Pay' });
    await user.dblClick(button);
    fireEvent.click(button);
    expect(action).toHaveBeenCalledTimes(1);
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    finish();
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('unlocks after a failed action too', async () => {
    const user = userEvent.setup();
    const action = vi.fn(() => Promise.reject(new Error('no')));
    render(<TouchButton onPress={action}>Try</TouchButton>);
    await user.click(screen.getByRole('button', { name: 'Try' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Try' })).toBeEnabled());
  });
});
