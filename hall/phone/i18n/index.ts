/** i18next for the phone page: zh-CN by default, English on request. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type PhoneLanguage = 'zh-CN' | 'en';

export function createPhoneI18n(language: PhoneLanguage = 'zh-CN'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: structuredClone(zhCN) }, en: { translation: structuredClone(en) } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
