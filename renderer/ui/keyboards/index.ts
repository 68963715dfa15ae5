/** On-screen keyboards for the kiosk: no physical keyboard, no system keyboard. */
export { IdNumberKeypad, type IdNumberKeypadProps } from './id-number/IdNumberKeypad';
export { PhoneKeypad, type PhoneKeypadProps } from './phone/PhoneKeypad';
export { PlateKeypad, type PlateKeypadProps } from './plate/PlateKeypad';
export { PinyinKeyboard, type PinyinKeyboardProps } from './pinyin/PinyinKeyboard';
export { LatinKeyboard, type LatinKeyboardProps } from './latin/LatinKeyboard';
export { loadPinyinLookup } from './pinyin/load-pinyin-lookup';
export type { PinyinLookup, Candidate } from './pinyin/pinyin-lookup';
