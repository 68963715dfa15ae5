import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keyboardsEn } from '../../../renderer/i18n/keyboards.en';
import { keyboardsZhCN } from '../../../renderer/i18n/keyboards.zh-CN';
import { IdNumberKeypad, LatinKeyboard, PhoneKeypad, PinyinKeyboard, PlateKeypad } from '../../../renderer/ui/keyboards';
import type { IdNumberErrorReason } from '../../../domain/id-number';
import type { PhoneProblem } from '../../../domain/phone-number';
import type { PlateProblem } from '../../../domain/plate-number';
import { keyboardI18n, renderKeyboard, testLookup } from './support';

const SOURCE = join(import.meta.dirname, '../../../renderer/ui/keyboards');

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v as object, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.includes('.generated.') ? [path] : [];
  });
}

const zhKeys = new Set(flatten(keyboardsZhCN));
const enKeys = new Set(flatten(keyboardsEn));

// Compile-time lists: adding a reason to the union without wording it fails here.
const phoneReasons: Record<PhoneProblem, true> = { firstDigit: true, secondDigit: true };
const plateReasons: Record<PlateProblem, true> = {
  province: true,
  letter: true,
  letterIO: true,
  characters: true,
  ending: true,
  tooLong: true,
  newEnergyPosition: true,
  newEnergyDigits: true,
  newEnergyLargeDigits: true,
  newEnergyEnding: true,
};
const idReasons: Record<IdNumberErrorReason, true> = {
  length: true,
  characters: true,
  province: true,
  birthDate: true,
  futureBirthDate: true,
  checksum: true,
};

describe('keyboard catalogues', () => {
  it('zh-CN and en have exactly the same keys, all under `keyboard`', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect(Object.keys(keyboardsZhCN)).toEqual(['keyboard']);
    expect(Object.keys(keyboardsEn)).toEqual(['keyboard']);
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const zh = keyboardI18n('zh-CN');
    const en = keyboardI18n('en');
    for (const key of zhKeys) {
      const zhRaw = zh.getResource('zh-CN', 'translation', key) as string;
      const enRaw = en.getResource('en', 'translation', key) as string;
      expect(zhRaw.trim(), key).not.toBe('');
      expect(enRaw.trim(), key).not.toBe('');
      expect(placeholders(enRaw), key).toEqual(placeholders(zhRaw));
    }
  });

  it('has every key the keyboard source uses, and words every reason', () => {
    const pattern = /\bt\(\s*(?:'([^'\n]+)'|`([^`$\n]+)`)/g;
    const used = sourceFiles(SOURCE).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1] ?? m[2]!));
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !zhKeys.has(k))).toEqual([]);
    for (const r of Object.keys(phoneReasons)) expect(zhKeys.has(`keyboard.phone.reasons.${r}`), r).toBe(true);
    for (const r of Object.keys(plateReasons)) expect(zhKeys.has(`keyboard.plate.reasons.${r}`), r).toBe(true);
    for (const r of Object.keys(idReasons)) expect(zhKeys.has(`keyboard.idNumber.reasons.${r}`), r).toBe(true);
  });
});

/** Text that is neither from the catalogue (marked «…») nor a single key glyph nor typed data. */
function strayText(root: HTMLElement): string[] {
  const stray: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text === '' || Array.from(text).length === 1 || text.includes('«')) continue;
    if (node.parentElement?.closest('[data-kb-data]')) continue; // what the citizen typed or picks from
    stray.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label]')) {
    const label = el.getAttribute('aria-label') ?? '';
    if (!label.includes('«') && Array.from(label).length !== 1) stray.push(`aria-label=${label}`);
  }
  return stray;
}

describe('no hard-coded UI text', () => {
  it('the check itself catches hard-coded words', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>Hard coded</p><button aria-label="关闭">x</button><span>«ok»</span><span>7</span>';
    expect(strayText(div)).toEqual(['Hard coded', 'aria-label=关闭']);
  });

  it.each(['zh-CN', 'en'] as const)('every visible string and label comes from the catalogue (%s)', async (language) => {
    const user = userEvent.setup();
    const { container } = renderKeyboard(
      <>
        <IdNumberKeypad onConfirm={() => {}} defaultValue="1101051949123100" />
        <PhoneKeypad onConfirm={() => {}} defaultValue="12" />
        <PlateKeypad onConfirm={() => {}} defaultValue="京A123" />
        <PinyinKeyboard onConfirm={() => {}} loadLookup={testLookup} defaultValue="王" />
        <LatinKeyboard onConfirm={() => {}} digits defaultValue="Li" />
      </>,
      language,
      true,
    );
    await waitFor(() => expect(screen.getByTestId('pinyin-keyboard-feedback')).toHaveTextContent('«'));
    await act(async () => {});
    for (const l of 'zhangsan') await user.click(screen.getByTestId(`pinyin-keyboard-key-${l.toUpperCase()}`));
    expect(screen.getAllByTestId('pinyin-candidate').length).toBeGreaterThan(1);
    expect(strayText(container)).toEqual([]);
    await user.click(screen.getByTestId('pinyin-keyboard-layout'));
    expect(strayText(container)).toEqual([]);
  });
});
