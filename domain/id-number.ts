/**
 * Citizen ID numbers (GB 11643-1999, DOMAIN.md §2): 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd = male), and an ISO 7064
 * MOD 11-2 check character. The same layout and checksum serve Hong
 * Kong/Macau/Taiwan residence permits (81/82/83xxxx) and 2023 foreigner
 * cards (9 + province of acceptance + ISO numeric nationality). Old 2017
 * foreigner permit numbers (3 letters + 12 digits) have no checksum.
 *
 * Regional codes are deliberately not checked beyond the province: cards keep
 * the code that was valid when they were issued.
 */
import { parseCompactDate, zonedIsoDate, type IsoDate } from './calendar-date';
import type { Result } from './result';

/** What kind of holder an 18-character number belongs to. */
export type IdNumberKind = 'resident' | 'hmt' | 'foreigner2023';

/** Why a number was rejected, in the order the checks run. */
export type IdNumberErrorReason = 'length' | 'characters' | 'province' | 'birthDate' | 'futureBirthDate' | 'checksum';

/** A number that passed every check. */
export interface IdNumberInfo {
  readonly ok: true;
  readonly kind: IdNumberKind;
  /** The number with a lower-case `x` normalised to `X`. */
  readonly idNumber: string;
  /** First six digits: the address code, or `9` + province + nationality for foreigners. */
  readonly regionCode: string;
  /** The two-digit province: digits 1–2, or 2–3 for foreigner numbers. */
  readonly provinceCode: string;
  /** ISO 3166 numeric nationality (digits 4–6), foreigner numbers only. */
  readonly nationalityCode?: string;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
}

/** A number that failed a check, with messages for people in both languages. */
export interface IdNumberProblem<R extends string = IdNumberErrorReason> {
  readonly ok: false;
  readonly reason: R;
  readonly zh: string;
  readonly en: string;
}

/** The result of {@link validateIdNumber}. */
export type IdNumberCheck = IdNumberInfo | IdNumberProblem;

/** The result of {@link validatePermitNumber2017}. */
export type PermitNumberCheck =
  | { readonly ok: true; readonly kind: 'foreigner2017'; readonly permitNumber: string; readonly prefix: string }
  | IdNumberProblem<'length' | 'characters'>;

/** Options for the checks that depend on today's date. */
export interface IdNumberOptions {
  /** "Now" for the future-birth-date check; defaults to the current time. */
  readonly now?: Date;
  /** The zone whose calendar says what "today" is; default Asia/Shanghai (never the machine's zone). */
  readonly timeZone?: string;
}

/** zh/en messages for each rejection reason (plain words, no personal data). */
export const ID_NUMBER_MESSAGES: Readonly<Record<IdNumberErrorReason, { readonly zh: string; readonly en: string }>> = {
  length: { zh: '证件号码应为18位', en: 'The ID number must have 18 characters.' },
  characters: {
    zh: '证件号码只能包含数字，最后一位可以是X',
    en: 'The ID number may contain only digits; the last character may be X.',
  },
  province: { zh: '证件号码的地区代码无效', en: 'The region code at the start of the ID number is not valid.' },
  birthDate: { zh: '证件号码中的出生日期无效', en: 'The birth date inside the ID number is not a real date.' },
  futureBirthDate: { zh: '证件号码中的出生日期晚于今天', en: 'The birth date inside the ID number is in the future.' },
  checksum: {
    zh: '证件号码校验位不正确，请核对后重新输入',
    en: 'The last character does not match the rest of the number; please check it.',
  },
};

/** Earliest birth year accepted (anything older is treated as a typing error). */
export const EARLIEST_BIRTH_YEAR = 1800;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Two-digit province prefixes GB/T 2260 uses: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    [11, 15],
    [21, 23],
    [31, 37],
    [41, 46],
    [50, 54],
    [61, 65],
    [71, 71],
    [81, 83],
  ].flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String(from! + i))),
);

const HMT_PROVINCES = new Set(['81', '82', '83']);

function problem<R extends IdNumberErrorReason>(reason: R): IdNumberProblem<R> {
  return { ok: false, reason, ...ID_NUMBER_MESSAGES[reason] };
}

/**
 * The ISO 7064 MOD 11-2 check character for the first 17 digits:
 * S = Σ digit × weight, check = (12 − S mod 11) mod 11, 10 written `X`.
 * Returns `undefined` unless `first17` is exactly 17 ASCII digits.
 */
export function checkDigit(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-character ID number: length, characters, province, birth
 * date (a real date, not before {@link EARLIEST_BIRTH_YEAR}, not in the
 * future), then the check character. A lower-case `x` is accepted.
 */
export function validateIdNumber(s: string, options: IdNumberOptions = {}): IdNumberCheck {
  if (s.length !== 18) return problem('length');
  const idNumber = s.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return problem('characters');

  const foreigner = idNumber.startsWith('9');
  const provinceCode = foreigner ? idNumber.slice(1, 3) : idNumber.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return problem('province');

  const birthDate = parseCompactDate(idNumber.slice(6, 14));
  if (birthDate === undefined || Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) return problem('birthDate');
  if (birthDate > zonedIsoDate(options.now ?? new Date(), options.timeZone)) return problem('futureBirthDate');

  if (checkDigit(idNumber.slice(0, 17)) !== idNumber[17]) return problem('checksum');

  const kind: IdNumberKind = foreigner ? 'foreigner2023' : HMT_PROVINCES.has(provinceCode) ? 'hmt' : 'resident';
  const sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  const regionCode = idNumber.slice(0, 6);
  return foreigner
    ? { ok: true, kind, idNumber, regionCode, provinceCode, nationalityCode: idNumber.slice(3, 6), birthDate, sex }
    : { ok: true, kind, idNumber, regionCode, provinceCode, birthDate, sex };
}

/**
 * Checks the shape of a 2017 foreigner permit number: 3 letters + 12 digits.
 * There is no check character to verify. Lower-case letters are normalised.
 */
export function validatePermitNumber2017(s: string): PermitNumberCheck {
  if (s.length !== 15) return problem('length');
  const permitNumber = s.toUpperCase();
  if (!/^[A-Z]{3}\d{12}$/.test(permitNumber)) return problem('characters');
  return { ok: true, kind: 'foreigner2017', permitNumber, prefix: permitNumber.slice(0, 3) };
}

/**
 * Upgrades an old 15-digit number (2-digit year, no check character) to 18
 * characters: inserts `19` before the year and appends the check character.
 * The result must then pass {@link validateIdNumber}; its problem is returned if not.
 */
export function upgradeFifteenDigit(s15: string, options: IdNumberOptions = {}): Result<string, IdNumberProblem> {
  if (s15.length !== 15) return { ok: false, error: problem('length') };
  if (!/^\d{15}$/.test(s15)) return { ok: false, error: problem('characters') };
  const first17 = `${s15.slice(0, 6)}19${s15.slice(6)}`;
  const upgraded = `${first17}${checkDigit(first17)!}`;
  const check = validateIdNumber(upgraded, options);
  return check.ok ? { ok: true, value: upgraded } : { ok: false, error: check };
}

/** Live feedback for an ID number being typed on a keypad. */
export type KeypadIdNumberState =
  | { readonly state: 'incomplete' }
  | { readonly state: 'valid'; readonly info: IdNumberInfo }
  | ({ readonly state: 'invalid' } & IdNumberProblem);

function invalid(reason: IdNumberErrorReason): KeypadIdNumberState {
  return { state: 'invalid', ...problem(reason) };
}

/**
 * Feedback while a citizen types: `invalid` as soon as the typed prefix can no
 * longer become a valid number (bad character, X before the last place,
 * unknown province, impossible year/month/day, future date), `valid` once all
 * 18 characters pass {@link validateIdNumber}, `incomplete` otherwise.
 * The renderer's keypad runs it on every key; the host does not take its word
 * and validates the number it is handed with {@link validateIdNumber}.
 */
export function idNumberCheckForKeypad(partial: string, options: IdNumberOptions = {}): KeypadIdNumberState {
  if (partial.length > 18) return invalid('length');
  const s = partial.toUpperCase();
  if (!/^\d{0,17}$/.test(s.slice(0, 17)) || (s.length === 18 && !/[\dX]/.test(s[17]!))) return invalid('characters');

  const provinceStart = s.startsWith('9') ? 1 : 0;
  const province = s.slice(provinceStart, provinceStart + 2);
  if (province.length === 2 && !PROVINCE_CODES.has(province)) return invalid('province');

  const today = zonedIsoDate(options.now ?? new Date(), options.timeZone);
  const birth = s.slice(6, 14);
  if (birth.length >= 4) {
    const year = Number(birth.slice(0, 4));
    if (year < EARLIEST_BIRTH_YEAR) return invalid('birthDate');
    if (year > Number(today.slice(0, 4))) return invalid('futureBirthDate');
  }
  if (birth.length >= 5 && !/^[01]$/.test(birth[4]!)) return invalid('birthDate');
  if (birth.length >= 6 && !/^(0[1-9]|1[0-2])$/.test(birth.slice(4, 6))) return invalid('birthDate');
  if (birth.length >= 7 && !/^[0-3]$/.test(birth[6]!)) return invalid('birthDate');
  if (birth.length === 8) {
    const date = parseCompactDate(birth);
    if (date === undefined) return invalid('birthDate');
    if (date > today) return invalid('futureBirthDate');
  }

  if (s.length < 18) return { state: 'incomplete' };
  const check = validateIdNumber(s, options);
  return check.ok ? { state: 'valid', info: check } : { state: 'invalid', ...check };
}
