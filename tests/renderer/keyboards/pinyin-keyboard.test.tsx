import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PinyinKeyboard } from '../../../renderer/ui/keyboards';
import { renderKeyboard, testLookup } from './support';

type User = ReturnType<typeof userEvent.setup>;

async function typeLetters(user: User, letters: string): Promise<void> {
  for (const l of letters) await user.click(screen.getByTestId(`pinyin-keyboard-key-${l.toUpperCase()}`));
}

function candidateTexts(): string[] {
  return screen.queryAllByTestId('pinyin-candidate').map((c) => c.textContent ?? '');
}

async function ready(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('pinyin-keyboard-feedback')).toHaveTextContent('请按字母键输入拼音'));
}

describe('PinyinKeyboard', () => {
  it('loads the real index lazily (dynamic import) and says so while loading', async () => {
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} />);
    expect(screen.getByTestId('pinyin-keyboard-feedback')).toHaveTextContent('正在载入字库');
    await ready();
  });

  it('says in words when the index cannot be loaded', async () => {
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} loadLookup={() => Promise.reject(new Error('404'))} />);
    await waitFor(() => expect(screen.getByTestId('pinyin-keyboard-feedback')).toHaveTextContent('✗字库载入失败'));
  });

  it('typing "zhang" offers 张 first for a name; picking it appends it and clears the pinyin', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} onChange={onChange} loadLookup={testLookup} />);
    await ready();
    await typeLetters(user, 'zhang');
    expect(screen.getByTestId('pinyin-buffer')).toHaveTextContent('zhang');
    expect(candidateTexts().slice(0, 8)).toContain('张');
    expect(candidateTexts()[0]).toBe('张');
    expect(screen.getByTestId('pinyin-keyboard-confirm')).toBeDisabled(); // pinyin still pending
    await user.click(screen.getByRole('button', { name: '第 1 个：张' }));
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveTextContent('张');
    expect(screen.getByTestId('pinyin-buffer')).toHaveTextContent('');
    expect(candidateTexts()).toEqual([]);
    expect(onChange).toHaveBeenLastCalledWith('张');
  });

  it('finds 喆 for "zhe" by paging with ▶ and goes back with ◀', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} defaultValue="李" loadLookup={testLookup} />);
    await ready();
    await typeLetters(user, 'zhe');
    const previous = screen.getByRole('button', { name: '上一页' });
    const next = screen.getByRole('button', { name: '下一页' });
    expect(previous).toBeDisabled();
    let pages = 1;
    while (!candidateTexts().includes('喆')) {
      expect(next).toBeEnabled();
      await user.click(next);
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(screen.getByTestId('pinyin-page')).toHaveTextContent(`第 ${pages} 页`);
    await user.click(screen.getByText('喆'));
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveTextContent('李喆');
    await typeLetters(user, 'zhe');
    expect(screen.getByTestId('pinyin-page')).toHaveTextContent('第 1 页'); // new pinyin starts at page 1
    await user.click(next);
    await user.click(previous);
    expect(previous).toBeDisabled();
  });

  it('finds 䶮 for "yan" (a CJK Extension A character in many young people’s names)', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} defaultValue="刘" loadLookup={testLookup} pageSize={10} />);
    await ready();
    await typeLetters(user, 'yan');
    for (let i = 0; i < 30 && !candidateTexts().includes('䶮'); i++) await user.click(screen.getByRole('button', { name: '下一页' }));
    expect(candidateTexts()).toContain('䶮');
  });

  it('offers a phrase for several syllables; a single character uses up only its syllable', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} loadLookup={testLookup} />);
    await ready();
    await typeLetters(user, 'zhangsan');
    expect(screen.getByRole('button', { name: '词组：张三' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '第 2 个：张' }));
    expect(screen.getByTestId('pinyin-buffer')).toHaveTextContent('san');
    await user.click(screen.getByText('三'));
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveTextContent('张三');
  });

  it('explains input that matches nothing, deletes pinyin before text, and confirms once', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderKeyboard(<PinyinKeyboard onConfirm={onConfirm} defaultValue="王" loadLookup={testLookup} />);
    await ready();
    await typeLetters(user, 'vv');
    expect(screen.getByTestId('pinyin-keyboard-feedback')).toHaveTextContent('✗没有与“vv”对应的汉字');
    await user.click(screen.getByRole('button', { name: '删除' }));
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(screen.getByTestId('pinyin-buffer')).toHaveTextContent('');
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveTextContent('王');
    await typeLetters(user, 'fang');
    await user.click(screen.getByText('方'));
    await user.dblClick(screen.getByTestId('pinyin-keyboard-confirm'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm).toHaveBeenCalledWith('王方');
  });

  it('switches to Latin letters and back, and has digits and spaces for addresses', async () => {
    const user = userEvent.setup();
    renderKeyboard(<PinyinKeyboard onConfirm={() => {}} mode="address" loadLookup={testLookup} />);
    await ready();
    expect(screen.getByRole('textbox', { name: '地址' })).toBeInTheDocument();
    await user.click(screen.getByTestId('pinyin-keyboard-key-3'));
    await user.click(screen.getByRole('button', { name: '英文字母' }));
    await user.click(screen.getByTestId('pinyin-keyboard-latin-caps'));
    await user.click(screen.getByTestId('pinyin-keyboard-latin-key-B'));
    await user.click(screen.getByRole('button', { name: '拼音输入' }));
    await typeLetters(user, 'dong');
    await user.click(screen.getByText('栋'));
    expect(screen.getByRole('textbox', { name: '地址' })).toHaveTextContent('3B栋');
  });
});
