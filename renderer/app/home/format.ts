/** Money and counter windows, formatted for the citizen's language. */
import type { Language } from '../../i18n';

/** A fee from fen (CNY cents), e.g. ¥40.00 / CN¥40.00. */
export function formatFee(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** A range of fees from fen, e.g. 20–40元 / CNY 20–40 (in whole yuan unless an end has jiao or fen). */
export function formatFeeRange(minFen: number, maxFen: number, language: Language): string {
  const whole = minFen % 100 === 0 && maxFen % 100 === 0;
  const yuan = (fen: number) => (fen / 100).toFixed(whole ? 0 : 2);
  const range = `${yuan(minFen)}–${yuan(maxFen)}`;
  return language === 'en' ? `CNY ${range}` : `${range}元`;
}

/** The host's window name (e.g. `3号窗口`) in the citizen's language; unknown shapes pass through. */
export function formatWindow(window: string, language: Language): string {
  if (language !== 'en') return window;
  const numbered = /^(\d+)\s*号窗口$/.exec(window.trim());
  return numbered ? `window ${numbered[1]}` : window;
}
