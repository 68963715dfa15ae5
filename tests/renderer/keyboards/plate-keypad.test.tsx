import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PlateKeypad } from '../../../renderer/ui/keyboards';
import { renderKeyboard } from './support';

async function tap(user: ReturnType<typeof userEvent.setup>, chars: string): Promise<void> {
  for (const c of Array.from(chars)) await user.click(screen.getByTestId(`plate-keypad-key-${c}`));
}

describe('PlateKeypad', () => {
  it('goes province → letter → characters and confirms an ordinary plate once', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PlateKeypad onConfirm={onConfirm} />);
    const step = screen.getByTestId('plate-keypad-step');
    expect(step).toHaveTextContent('第一步');
    const provinces = screen.getByRole('group', { name: '省份简称' });
    expect(within(provinces).getAllByRole('button')).toHaveLength(31);
    expect(screen.queryByTestId('plate-keypad-key-A')).toBeNull();

    await tap(user, '豫');
    expect(step).toHaveTextContent('第二步');
    expect(screen.queryByRole('group', { name: '省份简称' })).toBeNull();
    expect(screen.queryByTestId('plate-keypad-key-1')).toBeNull(); // no digits for the office letter

    await tap(user, 'D');
    expect(step).toHaveTextContent('第三步');
    await tap(user, '1234');
    expect(screen.getByTestId('plate-keypad-confirm')).toBeDisabled();
    await tap(user, '5');
    expect(screen.getByRole('textbox', { name: '车牌号码' })).toHaveTextContent('豫D 12345');
    expect(screen.getByTestId('plate-keypad-feedback')).toHaveTextContent('✓普通号牌格式正确');
    await user.dblClick(screen.getByTestId('plate-keypad-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith('豫D12345');
  });

  it('takes a sixth character for new-energy plates and stops at 8', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PlateKeypad onConfirm={onConfirm} />);
    await tap(user, '京AD12345');
    expect(screen.getByTestId('plate-keypad-feedback')).toHaveTextContent('新能源号牌格式正确');
    expect(screen.getByTestId('plate-keypad-key-6')).toBeDisabled();
    expect(screen.getByTestId('plate-keypad-key-B')).toBeDisabled();
    await user.click(screen.getByTestId('plate-keypad-confirm'));
    expect(onConfirm).toHaveBeenCalledWith('京AD12345');
  });

  it('says what is wrong with a bad new-energy plate', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PlateKeypad onConfirm={() => {}} />);
    await tap(user, '京A123456');
    expect(screen.getByTestId('plate-keypad-feedback')).toHaveTextContent('✗新能源号牌：第3位或最后一位应为字母 D 或 F');
    expect(screen.getByTestId('plate-keypad-confirm')).toBeDisabled();
  });

  it('refuses the letters I and O, and says why', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderKeyboard(<PlateKeypad onConfirm={() => {}} onChange={onChange} />);
    await tap(user, '京');
    for (const letter of ['I', 'O']) {
      const key = screen.getByTestId(`plate-keypad-key-${letter}`);
      expect(key).toBeDisabled();
      expect(key).toHaveAccessibleName(`${letter}（不可用）`);
      await user.click(key);
    }
    expect(onChange).toHaveBeenLastCalledWith('京');
    expect(screen.getByText('号牌中没有字母 I 和 O（易与数字 1、0 混淆）')).toBeInTheDocument();
    await tap(user, 'A');
    expect(screen.getByTestId('plate-keypad-key-O')).toBeDisabled();
  });

  it('offers 挂/学/警 only as the last character of an ordinary plate', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PlateKeypad onConfirm={onConfirm} />);
    await tap(user, '粤B123');
    expect(screen.getByTestId('plate-keypad-key-学')).toBeDisabled();
    await tap(user, '4');
    expect(screen.getByTestId('plate-keypad-key-学')).toBeEnabled();
    await tap(user, '学');
    expect(screen.getByTestId('plate-keypad-key-5')).toBeDisabled();
    await user.click(screen.getByTestId('plate-keypad-confirm'));
    expect(onConfirm).toHaveBeenCalledWith('粤B1234学');
  });

  it('goes back a step with delete', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PlateKeypad onConfirm={() => {}} defaultValue="京A" />);
    expect(screen.getByTestId('plate-keypad-step')).toHaveTextContent('第三步');
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(screen.getByTestId('plate-keypad-step')).toHaveTextContent('第二步');
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(screen.getByRole('group', { name: '省份简称' })).toBeInTheDocument();
  });
});
