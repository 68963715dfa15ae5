/** i18next set up for the kiosk: zh-CN by default, English on request. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { flowsEn } from './flows.en';
import { flowsZhCN, type FlowCatalogue } from './flows.zh-CN';
import { keyboardsEn } from './keyboards.en';
import { keyboardsZhCN, type KeyboardCatalogue } from './keyboards.zh-CN';
import { zhCN, type Catalogue } from './zh-CN';
import { staffEn, staffZhCN, type StaffCatalogue } from '../staff/messages';

/** Languages the kiosk offers, as the contract names them. */
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** The app's strings plus the on-screen keyboards' (`keyboard.*`) and the step library's (`flow.*`, `print.*`, `voice.flow.*`), kept in their own files; a service's own words are added at `svc.<serviceId>` when its flow starts. */
export type FullCatalogue = Catalogue & KeyboardCatalogue & FlowCatalogue & StaffCatalogue;

/** Every catalogue by language. */
export const catalogues: Record<Language, FullCatalogue> = {
  'zh-CN': { ...zhCN, ...keyboardsZhCN, ...flowsZhCN, ...staffZhCN, voice: { ...zhCN.voice, ...flowsZhCN.voice } },
  en: { ...en, ...keyboardsEn, ...flowsEn, ...staffEn, voice: { ...en.voice, ...flowsEn.voice } },
};

/** A fresh, synchronously initialised i18next instance (one per app or test). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    // A copy each: i18next keeps the objects it is given and adds bundles (a service's wording) into them.
    resources: { 'zh-CN': { translation: structuredClone(catalogues['zh-CN']) }, en: { translation: structuredClone(catalogues.en) } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Flattens a catalogue to dotted keys (for the parity test and lookups). */
export function flattenKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flattenKeys(value as object, `${prefix}${key}.`),
  );
}
