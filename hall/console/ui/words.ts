/** Puts a console failure and durations into the officer's language. */
import type { TFunction } from 'i18next';
import type { ConsoleFailure } from '../api/console-api';
import { clock, splitDuration } from '../format';

export function wordFailure(t: TFunction, failure: ConsoleFailure): string {
  switch (failure.error) {
    case 'lockedOut':
      return failure.until ? t('error.lockedOut', { time: clock(failure.until) }) : t('error.lockedOutNoTime');
    case 'badRequest':
      return failure.field ? t('error.badRequestField', { field: failure.field }) : t('error.badRequest');
    case 'badCredentials':
    case 'signedOut':
    case 'csrf':
    case 'forbidden':
    case 'notFound':
    case 'conflict':
    case 'kioskOffline':
    case 'internal':
    case 'network':
    case 'badAnswer':
      return t(`error.${failure.error}`);
  }
}

export function wordDuration(t: TFunction, seconds: number): string {
  return t('time.duration', splitDuration(seconds));
}

export function wordAgo(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('time.justNow');
  const minutes = Math.floor(seconds / 60);
  return minutes < 120 ? t('time.minutesAgo', { count: minutes }) : t('time.hoursAgo', { count: Math.floor(minutes / 60) });
}

/** An alert's message: the known key's words, else the kind's, else the key itself (never blank). */
export function wordAlert(t: TFunction, exists: (key: string) => boolean, alert: { messageKey: string; kind: string }): string {
  // i18next splits keys on dots, so the catalogue keeps message keys as flat entries under `alerts.message`.
  const byKey = t('alerts.message', { returnObjects: true }) as Record<string, string>;
  const known = byKey[alert.messageKey];
  if (typeof known === 'string') return known;
  if (exists(`alerts.kind.${alert.kind}`)) return t(`alerts.kind.${alert.kind}`);
  return t('alerts.fallback', { key: alert.messageKey });
}
