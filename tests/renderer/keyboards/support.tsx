/** Renders a keyboard with only the keyboard catalogues loaded (or a marked-up copy of them). */
import { render, type RenderResult } from '@testing-library/react';
import i18next, { type i18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { keyboardsEn } from '../../../renderer/i18n/keyboards.en';
import { keyboardsZhCN } from '../../../renderer/i18n/keyboards.zh-CN';
import { createPinyinLookup, type PinyinLookup } from '../../../renderer/ui/keyboards/pinyin/pinyin-lookup';
import { PINYIN_INDEX } from '../../../renderer/ui/keyboards/pinyin/pinyin-index.generated';

/** Wraps every string leaf in «…», keeping {{placeholders}}, so tests can tell catalogue text from anything else. */
export function markCatalogue<T>(tree: T): T {
  if (typeof tree === 'string') return `«${tree}»` as T;
  return Object.fromEntries(Object.entries(tree as object).map(([k, v]) => [k, markCatalogue(v)])) as T;
}

/** A synchronously initialised i18next instance with the keyboard strings. */
export function keyboardI18n(language: 'zh-CN' | 'en' = 'zh-CN', marked = false): i18n {
  const instance = i18next.createInstance();
  const zh = marked ? markCatalogue(keyboardsZhCN) : keyboardsZhCN;
  const en = marked ? markCatalogue(keyboardsEn) : keyboardsEn;
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** render() inside an I18nextProvider. */
export function renderKeyboard(ui: ReactElement, language: 'zh-CN' | 'en' = 'zh-CN', marked = false): RenderResult {
  return render(<I18nextProvider i18n={keyboardI18n(language, marked)}>{ui}</I18nextProvider>);
}

let lookup: PinyinLookup | undefined;
/** The real generated index, prepared once per test file. */
export function testLookup(): Promise<PinyinLookup> {
  lookup ??= createPinyinLookup(PINYIN_INDEX);
  return Promise.resolve(lookup);
}
