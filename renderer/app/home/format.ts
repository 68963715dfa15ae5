/** Money and counter windows, formatted for the citizen's language. */
import type { Language } from '../../i18n';

/** A fee from fen (CNY cents), e.g. ¥40.00 / CN¥40.00. */
export function formatFee(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** The host's window name (e.g. `3号窗口`) in the citizen's language; unknown shapes pass through. */
export function formatWindow(window: string, language: Language): string {
  if (language !== 'en') return window;
  const numbered = /^(\d+)\s*号窗口$/.exec(window.trim());
  return numbered ? `window ${numbered[1]}` : window;
}
