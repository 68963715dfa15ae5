import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IdNumberKeypad } from '../../../renderer/ui/keyboards';
import { canAppendIdChar, groupIdNumber } from '../../../renderer/ui/keyboards/id-number/id-number-format';
import { renderKeyboard } from './support';

const GB_SAMPLE = '11010519491231002X';

async function typeId(user: ReturnType<typeof userEvent.setup>, chars: string): Promise<void> {
  for (const c of chars) await user.click(screen.getByTestId(`id-keypad-key-${c}`));
}

describe('ID number grouping and keys', () => {
  it('groups 6-8-4', () => {
    expect(groupIdNumber('410402199001011234')).toEqual(['410402', '19900101', '1234']);
    expect(groupIdNumber('4104021990')).toEqual(['410402', '1990']);
    expect(groupIdNumber('')).toEqual([]);
  });

  it('allows X only as the 18th character and nothing past 18', () => {
    expect(canAppendIdChar('1'.repeat(16), 'X')).toBe(false);
    expect(canAppendIdChar('1'.repeat(17), 'X')).toBe(true);
    expect(canAppendIdChar('1'.repeat(18), '1')).toBe(false);
  });
});

describe('IdNumberKeypad', () => {
  it('shows typed digits grouped 6-8-4 in a read-only text box, not an input', async () => {
    const user = userEvent.setup();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />);
    await typeId(user, '410402199001011');
    const display = screen.getByRole('textbox', { name: '身份证号码' });
    expect(display).toHaveAttribute('aria-readonly', 'true');
    expect(display.tagName).not.toBe('INPUT');
    expect(document.querySelector('input, textarea')).toBeNull();
    expect([...display.querySelectorAll('.kb-display__group')].map((g) => g.textContent)).toEqual(['410402', '19900101', '1']);
  });

  it('keeps X disabled until the 18th position', async () => {
    const user = userEvent.setup();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />);
    const x = screen.getByTestId('id-keypad-key-X');
    expect(x).toBeDisabled();
    expect(x).toHaveAccessibleName('字母 X 只能作为最后一位');
    await typeId(user, GB_SAMPLE.slice(0, 16));
    expect(x).toBeDisabled();
    await typeId(user, GB_SAMPLE.slice(16, 17));
    expect(x).toBeEnabled();
    await user.click(x);
    expect(screen.getByTestId('id-keypad-display')).toHaveTextContent('110105 19491231 002X');
    expect(x).toBeDisabled();
    expect(screen.getByTestId('id-keypad-key-5')).toBeDisabled(); // max 18
  });

  it('shows incomplete, valid (✓ and words) and invalid (✗ and the reason in words)', async () => {
    const user = userEvent.setup();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />);
    const feedback = screen.getByTestId('id-keypad-feedback');
    expect(feedback).toHaveTextContent('请输入18位身份证号码');

    await typeId(user, '110105');
    await waitFor(() => expect(feedback).toHaveTextContent('已输入 6 位，还需输入 12 位'));
    expect(feedback).toHaveAttribute('data-tone', 'neutral');

    await typeId(user, GB_SAMPLE.slice(6));
    await waitFor(() => expect(feedback).toHaveAttribute('data-tone', 'ok'));
    expect(feedback).toHaveTextContent('✓');
    expect(feedback).toHaveTextContent('号码格式正确');

    await user.click(screen.getByTestId('id-keypad-backspace'));
    await user.click(screen.getByTestId('id-keypad-backspace'));
    await typeId(user, '19'); // …0019: wrong check character
    await waitFor(() => expect(feedback).toHaveAttribute('data-tone', 'error'));
    expect(feedback).toHaveTextContent('✗');
    expect(feedback).toHaveTextContent('号码有误：最后一位与前面的号码不符，请逐位核对后重新输入');
    expect(screen.getByTestId('id-keypad-display')).toHaveAttribute('aria-invalid', 'true');
  });

  it('words the reason early (province) and in English', async () => {
    const user = userEvent.setup();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />, 'en');
    await typeId(user, '00');
    const feedback = screen.getByTestId('id-keypad-feedback');
    await waitFor(() => expect(feedback).toHaveTextContent('The number is not right: The region code at the start is not right'));
  });

  it('says as soon as the birth date cannot be real, before all 18 are typed', async () => {
    const user = userEvent.setup();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />);
    await typeId(user, '1101051990');
    const feedback = screen.getByTestId('id-keypad-feedback');
    expect(feedback).toHaveAttribute('data-tone', 'neutral');
    await typeId(user, '13'); // month 13
    expect(feedback).toHaveAttribute('data-tone', 'error');
    expect(feedback).toHaveTextContent('号码中的出生日期不正确，请核对第7至14位');
  });

  it('enables confirm only when valid and fires once on a double tap', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<IdNumberKeypad onConfirm={onConfirm} />);
    const confirm = screen.getByTestId('id-keypad-confirm');
    expect(confirm).toBeDisabled();
    await typeId(user, GB_SAMPLE.slice(0, 17));
    await waitFor(() => expect(screen.getByTestId('id-keypad-feedback')).toHaveTextContent('还需输入 1 位'));
    expect(confirm).toBeDisabled();
    await typeId(user, 'X');
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.dblClick(confirm);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith(GB_SAMPLE);
  });

  it('clears, deletes and reports every change', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} onChange={onChange} />);
    await typeId(user, '123');
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(onChange).toHaveBeenLastCalledWith('12');
    await user.click(screen.getByRole('button', { name: '清空' }));
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(screen.getByRole('button', { name: '删除' })).toBeDisabled();
  });

  it('marks a key pressed on pointerdown and releases it on pointerup', () => {
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} />);
    const key = screen.getByTestId('id-keypad-key-5');
    fireEvent.pointerDown(key);
    expect(key).toHaveClass('is-pressed');
    fireEvent.pointerUp(key);
    expect(key).not.toHaveClass('is-pressed');
  });

  it('applies elder mode by prop', () => {
    renderKeyboard(<IdNumberKeypad onConfirm={() => {}} elder />);
    expect(screen.getByTestId('id-keypad')).toHaveClass('kb--elder');
  });
});
