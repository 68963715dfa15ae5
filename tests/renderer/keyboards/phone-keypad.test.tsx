import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PhoneKeypad } from '../../../renderer/ui/keyboards';
import { renderKeyboard } from './support';

async function typePhone(user: ReturnType<typeof userEvent.setup>, digits: string): Promise<void> {
  for (const d of digits) await user.click(screen.getByTestId(`phone-keypad-key-${d}`));
}

describe('PhoneKeypad', () => {
  it('shows the number grouped, says it is valid in words and confirms once', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PhoneKeypad onConfirm={onConfirm} />);
    const feedback = screen.getByTestId('phone-keypad-feedback');
    expect(feedback).toHaveTextContent('请输入11位手机号码');
    await typePhone(user, '1380013');
    expect(feedback).toHaveTextContent('已输入 7 位，还需输入 4 位');
    expect(screen.getByTestId('phone-keypad-confirm')).toBeDisabled();
    await typePhone(user, '8000');
    expect(screen.getByRole('textbox', { name: '手机号码' })).toHaveTextContent('138 0013 8000');
    expect(feedback).toHaveTextContent('✓号码格式正确');
    expect(screen.getByTestId('phone-keypad-key-1')).toBeDisabled();
    await user.dblClick(screen.getByTestId('phone-keypad-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith('13800138000');
  });

  it('explains a wrong second digit and keeps confirm off', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PhoneKeypad onConfirm={() => {}} />);
    await typePhone(user, '12');
    expect(screen.getByTestId('phone-keypad-feedback')).toHaveTextContent('✗手机号码的第二位应为 3 至 9 之间的数字');
    expect(screen.getByTestId('phone-keypad-display')).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: '删除' }));
    await typePhone(user, '5');
    expect(screen.getByTestId('phone-keypad-feedback')).toHaveTextContent('已输入 2 位');
  });

  it('confirms again after an edit', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PhoneKeypad onConfirm={onConfirm} defaultValue="13800138000" />);
    await user.click(screen.getByTestId('phone-keypad-confirm'));
    await user.click(screen.getByTestId('phone-keypad-backspace'));
    await typePhone(user, '1');
    await user.click(screen.getByTestId('phone-keypad-confirm'));
    expect(onConfirm.mock.calls).toEqual([['13800138000'], ['13800138001']]);
  });
});
