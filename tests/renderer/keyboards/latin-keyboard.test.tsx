import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LatinKeyboard } from '../../../renderer/ui/keyboards';
import { renderKeyboard } from './support';

describe('LatinKeyboard', () => {
  it('types lower case, one capital after shift, all capitals with caps lock', async () => {
    const user = userEvent.setup();
    renderKeyboard(<LatinKeyboard onConfirm={() => {}} />);
    const display = screen.getByRole('textbox', { name: '英文' });
    await user.click(screen.getByTestId('latin-keyboard-shift'));
    expect(screen.getByTestId('latin-keyboard-shift')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('latin-keyboard-key-A')).toHaveTextContent('A');
    await user.click(screen.getByTestId('latin-keyboard-key-A'));
    expect(screen.getByTestId('latin-keyboard-key-N')).toHaveTextContent('n');
    await user.click(screen.getByTestId('latin-keyboard-key-N'));
    await user.click(screen.getByRole('button', { name: '撇号' }));
    await user.click(screen.getByRole('button', { name: '连字符' }));
    const caps = screen.getByTestId('latin-keyboard-caps');
    await user.click(caps);
    expect(caps).toHaveAttribute('aria-pressed', 'true');
    expect(caps).toHaveAccessibleName('全部大写：已开启');
    expect(caps).toHaveTextContent('✓');
    await user.click(screen.getByTestId('latin-keyboard-key-L'));
    await user.click(screen.getByTestId('latin-keyboard-key-I'));
    await user.click(screen.getByRole('button', { name: '空格' }));
    expect(display).toHaveTextContent("An'-LI");
    expect(screen.queryByTestId('latin-keyboard-key-1')).toBeNull();
  });

  it('has digits for addresses and confirms the trimmed text once', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<LatinKeyboard onConfirm={onConfirm} digits initialCaps />, 'en');
    await user.click(screen.getByTestId('latin-keyboard-key-1'));
    await user.click(screen.getByTestId('latin-keyboard-key-2'));
    await user.click(screen.getByRole('button', { name: 'Space' }));
    await user.click(screen.getByTestId('latin-keyboard-key-B'));
    await user.click(screen.getByRole('button', { name: 'Space' }));
    expect(screen.getByRole('textbox', { name: 'English' })).toHaveTextContent('12 B');
    await user.dblClick(screen.getByRole('button', { name: 'Confirm' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith('12 B');
  });

  it('stops at maxLength', async () => {
    const user = userEvent.setup();
    renderKeyboard(<LatinKeyboard onConfirm={() => {}} maxLength={2} defaultValue="AB" />);
    expect(screen.getByTestId('latin-keyboard-key-C')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(screen.getByTestId('latin-keyboard-key-C')).toBeEnabled();
  });
});
