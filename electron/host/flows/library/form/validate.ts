/**
 * The host's check of a submitted form: every declared field against its
 * declaration (type, required, length, allowed characters, date bounds,
 * phone shape, region codes that exist and belong together). A value is
 * accepted exactly as sent, never corrected, so what the citizen saw is
 * what the step keeps; a wrong one gives the field an error key
 * (`flow.form.error.*`). Values the declaration does not name are dropped.
 */
import { parseCompactDate, toCompactDate } from '../../../../../domain/calendar-date';
import { validateIdNumber } from '../../../../../domain/id-number';
import { phoneState } from '../../../../../domain/phone-number';
import { plateState } from '../../../../../domain/plate-number';
import { checkRegion, type RegionTable } from '../../../../../domain/region';
import { err, ok, type Result } from '../../../../../domain/result';
import type { AddressValue, FormField, FormValue, FormValues } from '../../../../contract';
import type { TextInput } from './fields';

/** Why a field's value was refused (the suffix of `flow.form.error.*`). */
export type FieldProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'characters'
  | 'notAnOption'
  | 'notADate'
  | 'tooEarly'
  | 'tooLate'
  | 'phone'
  | 'idNumber'
  | 'plate'
  | 'vinTail'
  | 'code'
  | 'idNumberTail'
  | 'regionMissing'
  | 'region'
  | 'detailMissing'
  | 'detailTooLong'
  | 'detailCharacters';

/** The i18n key of a problem. */
export const problemKey = (problem: FieldProblem): string => `flow.form.error.${problem}`;

/** A refused form: the error key (`flow.form.error.*`) of each refused field, by field id. */
export type FieldErrors = Record<string, string>;

/** What a form's check came to: the accepted values (empty optional fields left out), or an error key per field. */
export type FormCheck = Result<FormValues, FieldErrors>;

/** Han characters, the middle dot of minority names (·), digits, letters, spaces and a few address marks. */
const CHINESE_TEXT = /^[\p{Script=Han}·A-Za-z0-9 \-#()（）、，,.。/]+$/u;
/** The last six characters of a VIN (GB 16735: digits and capitals, never I, O or Q). */
const VIN_TAIL = /^[A-HJ-NPR-Z0-9]{6}$/;
/** A reference printed on a slip (受理编号 and the like): capitals and digits. */
const CODE = /^[A-Z0-9]+$/;
/** Han characters, joined by single middle dots (买买提·艾力). */
const CHINESE_NAME = /^\p{Script=Han}+(·\p{Script=Han}+)*$/u;
/** A name in pinyin, upper case, single spaces (ZHANG SAN). */
const LATIN_NAME = /^[A-Z]+( [A-Z]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks every field of `fields` in `values`. */
export function checkForm(fields: readonly FormField[], values: Readonly<Record<string, unknown>>, regions: RegionTable): FormCheck {
  const accepted: FormValues = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const raw = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
    const checked = checkField(field, raw, regions);
    if (!checked.ok) errors[field.id] = problemKey(checked.error);
    else if (checked.value !== null) accepted[field.id] = checked.value;
  }
  return Object.keys(errors).length === 0 ? ok(accepted) : err(errors);
}

/** One field: its value as sent, null for an optional field left empty, or why not. */
export function checkField(field: FormField, raw: unknown, regions: RegionTable): Result<FormValue | null, FieldProblem> {
  if (isEmpty(raw)) return field.required ? err('required') : ok(null);
  switch (field.type) {
    case 'text':
      return typeof raw === 'string' ? checkText(raw, field.input, field.maxLength) : err('invalid');
    case 'choice':
      if (typeof raw !== 'string') return err('invalid');
      return field.options.some((option) => option.value === raw) ? ok(raw) : err('notAnOption');
    case 'date':
      return typeof raw === 'string' ? checkDate(raw, field.min, field.max) : err('invalid');
    case 'phone':
      if (typeof raw !== 'string') return err('invalid');
      return phoneState(raw).kind === 'valid' ? ok(raw) : err('phone');
    case 'address':
      return checkAddress(raw, field.detailMaxLength, regions);
    default: {
      const unknown: never = field;
      return unknown;
    }
  }
}

/** Nothing entered: missing, an empty string, or an address with no region and no detail. */
function isEmpty(raw: unknown): boolean {
  if (raw === undefined || raw === null || raw === '') return true;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const address = raw as Partial<AddressValue>;
    return !address.province && !address.city && !address.county && !address.detail;
  }
  return false;
}

function checkText(text: string, input: TextInput, maxLength: number): Result<string, FieldProblem> {
  if (input === 'idNumber') return isResidentIdNumber(text) ? ok(text) : err('idNumber');
  if (input === 'plate') return plateState(text).kind === 'valid' ? ok(text) : err('plate');
  if (input === 'vinTail') return VIN_TAIL.test(text) ? ok(text) : err('vinTail');
  if (input === 'code') return CODE.test(text) && text.length <= maxLength ? ok(text) : err('code');
  // Exactly the tail's length: digits, the check character may be X (GB 11643).
  if (input === 'idNumberTail') return new RegExp(`^[0-9]{${maxLength - 1}}[0-9X]$`).test(text) ? ok(text) : err('idNumberTail');
  if (Array.from(text).length > maxLength) return err('tooLong');
  return charactersAllowed(text, input) ? ok(text) : err('characters');
}

/**
 * A citizen's 18-character number as the keypad sends it (upper-case X), passing
 * GB 11643's checks (province, birth date not after today, checksum). Kept as sent.
 */
function isResidentIdNumber(text: string): boolean {
  const check = validateIdNumber(text);
  return check.ok && check.kind === 'resident' && check.idNumber === text;
}

/** Whether `text` has only the characters its input allows, and no space at either end or twice in a row. */
function charactersAllowed(text: string, input: 'chinese' | 'chineseName' | 'latin'): boolean {
  switch (input) {
    case 'chinese':
      return CHINESE_TEXT.test(text) && text.trim() === text && !text.includes('  ');
    case 'chineseName':
      return CHINESE_NAME.test(text);
    case 'latin':
      return LATIN_NAME.test(text);
    default: {
      const unknown: never = input;
      return unknown;
    }
  }
}

function checkDate(text: string, min: string, max: string): Result<string, FieldProblem> {
  if (!ISO_DATE.test(text) || parseCompactDate(toCompactDate(text)) !== text) return err('notADate');
  if (text < min) return err('tooEarly');
  if (text > max) return err('tooLate');
  return ok(text);
}

function checkAddress(raw: unknown, detailMaxLength: number, regions: RegionTable): Result<AddressValue, FieldProblem> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('invalid');
  const address = raw as Record<string, unknown>;
  const { province, city, county, detail } = address;
  if (typeof province !== 'string' || typeof city !== 'string' || (county !== null && typeof county !== 'string') || typeof detail !== 'string') return err('invalid');
  if (province === '' || city === '') return err('regionMissing');
  const region = checkRegion(regions, { province, city, county: county === '' ? null : county });
  if (!region.ok) return err(region.error === 'countyMissing' ? 'regionMissing' : 'region');
  if (county === '') return err('region');
  if (detail === '') return err('detailMissing');
  if (Array.from(detail).length > detailMaxLength) return err('detailTooLong');
  if (!charactersAllowed(detail, 'chinese')) return err('detailCharacters');
  return ok({ province, city, county, detail });
}
