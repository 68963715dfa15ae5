/**
 * The live time and date, formatted for the current language in the kiosk's
 * configured zone (from the host's kiosk.info): never the machine's zone, so
 * the screen agrees with the receipts, the printed documents and the journal.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from './host-data';
import './Clock.css';

/** Formats the time as 24-hour HH:mm in `timeZone`. */
export function formatTime(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
}

/** Formats the date with the weekday in `timeZone`, e.g. 2025年11月29日星期六 / Saturday 29 November 2025. */
export function formatDate(date: Date, language: string, timeZone: string): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone }).format(date);
}

/** Time in very large digits with the date below; empty until the host has said which zone the kiosk keeps. */
export function Clock({ timeZone }: { timeZone: string | undefined }): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useNow();
  return (
    <div className="clock" data-testid="clock" role="timer" aria-label={t('clock.label')} aria-live="off">
      <time className="clock__time" dateTime={now.toISOString()}>
        {timeZone ? formatTime(now, i18n.language, timeZone) : null}
      </time>
      <div className="clock__date">{timeZone ? formatDate(now, i18n.language, timeZone) : null}</div>
    </div>
  );
}
