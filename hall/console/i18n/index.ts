/** i18next for the console: zh-CN by default, English on request (the same set-up as the kiosk's renderer). */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type ConsoleLanguage = 'zh-CN' | 'en';
export const CONSOLE_LANGUAGES: readonly ConsoleLanguage[] = ['zh-CN', 'en'];

export function createConsoleI18n(language: ConsoleLanguage = 'zh-CN'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: structuredClone(zhCN) }, en: { translation: structuredClone(en) } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: [...CONSOLE_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
