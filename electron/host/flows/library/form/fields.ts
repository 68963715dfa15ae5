/**
 * A form's fields as a service declares them, and as the renderer gets
 * them: the same, except that a date's bounds may be relative to the
 * hall's today ("at most 120 years ago"), which the host resolves to
 * calendar dates for each view and each check.
 */
import { daysInMonth, type IsoDate } from '../../../../../domain/calendar-date';
import type { FormField } from '../../../../contract';

/** A date bound: a fixed date, or today in the hall's zone moved by whole years, months and days. */
export type DateBound = { date: IsoDate } | { fromToday: { years?: number; months?: number; days?: number } };

/**
 * What a text field takes: Chinese text, a Chinese name, upper-case pinyin,
 * an 18-digit ID number, a 号牌号码 (GA 36, the plate keypad), or the last six
 * characters of a 车辆识别代号 (VIN: digits and letters without I, O, Q), a
 * reference code printed on a slip (`code`: capitals and digits, e.g. a
 * 受理编号), or the last `maxLength` characters of an ID number
 * (`idNumberTail`: digits, the last may be X; a second factor with a code).
 */
export type TextInput = 'chinese' | 'chineseName' | 'latin' | 'idNumber' | 'plate' | 'vinTail' | 'code' | 'idNumberTail';

interface SpecBase {
  id: string;
  labelKey: string;
  /** Default true. */
  required?: boolean;
}

/** One field of a form, as a service declares it. */
export type FormFieldSpec =
  | (SpecBase & { type: 'text'; input: TextInput; maxLength: number })
  | (SpecBase & { type: 'choice'; options: ReadonlyArray<{ value: string; labelKey: string }> })
  | (SpecBase & { type: 'date'; min: DateBound; max: DateBound })
  | (SpecBase & { type: 'phone' })
  | (SpecBase & { type: 'address'; detailMaxLength?: number });

/** The detail line's default longest length (characters). */
export const DEFAULT_DETAIL_LENGTH = 60;

/** The field as the renderer gets it (and as the host checks it), with dates resolved against `today`. */
export function resolveField(spec: FormFieldSpec, today: IsoDate): FormField {
  const base = { id: spec.id, labelKey: spec.labelKey, required: spec.required ?? true };
  switch (spec.type) {
    case 'text':
      return { ...base, type: 'text', input: spec.input, maxLength: spec.maxLength };
    case 'choice':
      return { ...base, type: 'choice', options: spec.options.map((option) => ({ value: option.value, labelKey: option.labelKey })) };
    case 'date':
      return { ...base, type: 'date', min: resolveBound(spec.min, today), max: resolveBound(spec.max, today) };
    case 'phone':
      return { ...base, type: 'phone' };
    case 'address':
      return { ...base, type: 'address', detailMaxLength: spec.detailMaxLength ?? DEFAULT_DETAIL_LENGTH };
    default: {
      const unknown: never = spec;
      return unknown;
    }
  }
}

/** A bound as a calendar date. */
export function resolveBound(bound: DateBound, today: IsoDate): IsoDate {
  if ('date' in bound) return bound.date;
  const { years = 0, months = 0, days = 0 } = bound.fromToday;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Whole years and months first, the day clamped to the month (29 Feb + 1 year = 28 Feb), then days.
  const monthIndex = y * 12 + (m - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  const moved = new Date(0);
  // setUTCFullYear, not Date.UTC, which maps years 0–99 to 1900–1999; it carries extra days into the next months.
  moved.setUTCFullYear(year, month - 1, day + days);
  return moved.toISOString().slice(0, 10);
}

/** Checks a form's declaration (a service's bug, found when the host builds its flows). */
export function checkFieldSpecs(stepId: string, specs: readonly FormFieldSpec[]): void {
  if (specs.length === 0 || specs.length > 16) throw new RangeError(`form ${stepId}: 1–16 fields`);
  const ids = new Set<string>();
  for (const spec of specs) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(spec.id)) throw new RangeError(`form ${stepId}: field id ${spec.id} is not a short identifier starting with a letter`);
    if (ids.has(spec.id)) throw new RangeError(`form ${stepId}: two fields are called ${spec.id}`);
    ids.add(spec.id);
    if (spec.type === 'text' && (!Number.isInteger(spec.maxLength) || spec.maxLength < 1 || spec.maxLength > 100)) throw new RangeError(`form ${stepId}: ${spec.id} maxLength must be 1–100`);
    if (spec.type === 'choice' && (spec.options.length === 0 || spec.options.length > 12)) throw new RangeError(`form ${stepId}: ${spec.id} needs 1–12 options`);
    if (spec.type === 'address' && spec.detailMaxLength !== undefined && (spec.detailMaxLength < 1 || spec.detailMaxLength > 100)) throw new RangeError(`form ${stepId}: ${spec.id} detailMaxLength must be 1–100`);
  }
}
