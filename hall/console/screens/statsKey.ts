/** A statistics row's key in words: service ids and categories by name, kiosks and dates as they are. */
import type { TFunction } from 'i18next';
import type { StatsQuery } from '../../contract/console-api';
import { ServiceCategory } from '../../../electron/contract/domain';
import { serviceName } from '../services';

export function wordStatsKey(t: TFunction, language: string, groupBy: StatsQuery['groupBy'], key: string): string {
  switch (groupBy) {
    case 'service':
      return serviceName(key, language) ?? key;
    case 'category':
      return ServiceCategory.safeParse(key).success ? t(`category.${key}`) : key;
    case 'kiosk':
    case 'day':
    case 'month':
      return key;
  }
}
