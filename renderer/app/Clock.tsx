/** The live time and date, formatted for the current language. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from './host-data';

/** Formats the time as 24-hour HH:mm. */
export function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** Formats the date with the weekday, e.g. 2025年11月29日星期六 / Saturday 29 November 2025. */
export function formatDate(date: Date, language: string): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(date);
}

/** Time in very large digits with the date below. */
export function Clock(): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useNow();
  return (
    <div className="clock" data-testid="clock" role="timer" aria-label={t('clock.label')} aria-live="off">
      <time className="clock__time" dateTime={now.toISOString()}>
        {formatTime(now, i18n.language)}
      </time>
      <div className="clock__date">{formatDate(now, i18n.language)}</div>
    </div>
  );
}
