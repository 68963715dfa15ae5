/** How a form's values read in the field list (the host keeps them as sent; this is display only). */
import { maskIdNumber } from '../../../domain/mask';
import { groupPhone } from '../../../domain/phone-number';
import { regionName, type RegionTable } from '../../../domain/region';
import type { AddressValue, FormField, FormValue } from '../../../electron/contract';

/** `2010-06-30` → 2010年6月30日 (zh-CN) or 30 June 2010 (en). */
export function formatDate(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (language === 'en') return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  return `${y}年${m}月${d}日`;
}

export function isAddress(value: FormValue | undefined): value is AddressValue {
  return typeof value === 'object' && value !== null;
}

/** Whether nothing was entered for a field. */
export function isBlank(value: FormValue | undefined): boolean {
  if (value === undefined || value === '') return true;
  return isAddress(value) && !value.province && !value.city && !value.county && !value.detail;
}

/** The value as the list shows it; `t` translates a choice's label key. */
export function describeValue(field: FormField, value: FormValue | undefined, t: (key: string) => string, language: string, regions: RegionTable | null): string {
  if (value === undefined || isBlank(value)) return '';
  switch (field.type) {
    case 'text':
      // Another person's ID number (a child's) is shown back masked, like every ID number on screen.
      if (field.input === 'idNumber') return typeof value === 'string' ? maskIdNumber(value) : '';
      return typeof value === 'string' ? value : '';
    case 'choice': {
      const option = field.options.find((candidate) => candidate.value === value);
      return option ? t(option.labelKey) : String(value);
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : String(value);
    case 'phone':
      return typeof value === 'string' ? groupPhone(value).join(' ') : '';
    case 'address':
      if (!isAddress(value)) return '';
      return `${regions ? regionName(regions, value) : ''}${value.detail}`;
    default: {
      const unknown: never = field;
      return unknown;
    }
  }
}
