/**
 * The 256-byte card text block (DOMAIN.md §1): UCS-2 little-endian fields
 * padded with spaces, laid out per card type, the type given by the flag at
 * byte 248. `parseCardText` reads it, `encodeCardText` writes it (for the
 * simulator and tests), `cardToCliJson` gives the diagnostics CLI's JSON.
 */
import { parseCompactDate, toCompactDate } from '../../domain/calendar-date';
import type {
  Foreigner2017Card,
  Foreigner2023Card,
  Gender,
  HmtCard,
  IdCard,
  IdCardFields,
  ResidentCard,
  Result,
  ValidTo,
} from './card';
import { validateIdNumber, validatePermitNumber2017 } from '../../domain/id-number';
import { nationByCode } from './nations';

/** Length of the text block in bytes. */
export const CARD_TEXT_LENGTH = 256;
/** Byte offset of the card-type flag (one UCS-2 character). */
export const CARD_TYPE_FLAG_OFFSET = 248;

/** Where one field sits: byte offset and width in bytes (two per character). */
export interface FieldSpan {
  readonly offset: number;
  readonly width: number;
}

const span = (offset: number, width: number): FieldSpan => ({ offset, width });

/** Resident card (flag space/NUL) and HK/Macau/Taiwan permit (flag `J`) layout. */
export const RESIDENT_LAYOUT = {
  name: span(0, 30),
  gender: span(30, 2),
  nationCode: span(32, 4),
  birthDate: span(36, 16),
  address: span(52, 70),
  idNumber: span(122, 36),
  authority: span(158, 30),
  validFrom: span(188, 16),
  validTo: span(204, 16),
  passNumber: span(220, 18),
  issueCount: span(238, 4),
  flag: span(248, 2),
} as const;

/** 2017 foreigner permanent resident card layout (flag `I`). */
export const FOREIGNER_2017_LAYOUT = {
  englishName: span(0, 120),
  gender: span(120, 2),
  permitNumber: span(122, 30),
  nationality: span(152, 6),
  chineseName: span(158, 30),
  validFrom: span(188, 16),
  validTo: span(204, 16),
  birthDate: span(220, 16),
  versionField: span(236, 4),
  authorityCode: span(240, 8),
  flag: span(248, 2),
} as const;

/** 2023 foreigner permanent resident card layout (flag `Y`). */
export const FOREIGNER_2023_LAYOUT = {
  chineseName: span(0, 30),
  gender: span(30, 2),
  renewalCount: span(32, 4),
  birthDate: span(36, 16),
  englishName: span(52, 70),
  idNumber: span(122, 36),
  validFrom: span(188, 16),
  validTo: span(204, 16),
  englishNameContinued: span(220, 22),
  nationality: span(242, 6),
  flag: span(248, 2),
  previousNumberLink: span(250, 6),
} as const;

/** Fields a parse can reject. */
export type CardTextField =
  | 'name'
  | 'englishName'
  | 'gender'
  | 'nationCode'
  | 'nationality'
  | 'issueCount'
  | 'renewalCount'
  | 'birthDate'
  | 'validFrom'
  | 'validTo';

/**
 * Why a text block could not be parsed. Messages are technical English for
 * logs and never contain the card's personal data.
 */
export type CardTextError =
  | { readonly kind: 'wrongLength'; readonly expected: 256; readonly actual: number; readonly message: string }
  | { readonly kind: 'unknownCardType'; readonly flag: number; readonly message: string }
  | {
      readonly kind: 'invalidDate';
      readonly field: 'birthDate' | 'validFrom' | 'validTo';
      readonly message: string;
    }
  | { readonly kind: 'invalidField'; readonly field: CardTextField; readonly message: string };

const GENDER_BY_CODE: Readonly<Record<string, Gender>> = {
  '0': 'unknown',
  '1': 'male',
  '2': 'female',
  '9': 'unstated',
};

/** The GB/T 2261.1 code of a gender. */
export function genderCode(gender: Gender): string {
  switch (gender) {
    case 'unknown':
      return '0';
    case 'male':
      return '1';
    case 'female':
      return '2';
    case 'unstated':
      return '9';
  }
}

const UCS2 = new TextDecoder('utf-16le');
const SPACE = 0x20;

function trimPadding(s: string): string {
  const isPad = (c: string | undefined): boolean => c === ' ' || c === '\u0000';
  let start = 0;
  let end = s.length;
  while (start < end && isPad(s[start])) start++;
  while (end > start && isPad(s[end - 1])) end--;
  return s.slice(start, end);
}

function rawField(text: Uint8Array, f: FieldSpan): string {
  return UCS2.decode(text.subarray(f.offset, f.offset + f.width));
}

function field(text: Uint8Array, f: FieldSpan): string {
  return trimPadding(rawField(text, f));
}

type Parsed<T> = Result<T, CardTextError>;

const fail = <T>(error: CardTextError): Parsed<T> => ({ ok: false, error });

const badField = <T>(name: CardTextField, message: string): Parsed<T> =>
  fail({ kind: 'invalidField', field: name, message });

function parseDate(value: string, name: 'birthDate' | 'validFrom'): Parsed<string> {
  const date = parseCompactDate(value);
  return date === undefined
    ? fail({ kind: 'invalidDate', field: name, message: `${name} is not a real YYYYMMDD date` })
    : { ok: true, value: date };
}

function parseValidTo(value: string): Parsed<ValidTo> {
  // Test for a digit first: long-term cards hold 长期 instead of a date.
  if (/^\d/.test(value)) {
    const date = parseCompactDate(value);
    if (date !== undefined) return { ok: true, value: date };
  } else if (value === '长期') {
    return { ok: true, value: 'long-term' };
  }
  return fail({ kind: 'invalidDate', field: 'validTo', message: 'validTo is neither a real YYYYMMDD date nor 长期' });
}

function parseGender(value: string): Parsed<Gender> {
  const gender = GENDER_BY_CODE[value];
  return gender === undefined ? badField('gender', 'gender code is not 0, 1, 2 or 9') : { ok: true, value: gender };
}

function parseCount(value: string, name: 'issueCount' | 'renewalCount'): Parsed<number> {
  return /^\d{1,2}$/.test(value) ? { ok: true, value: Number(value) } : badField(name, `${name} is not 1–2 digits`);
}

function parseNationality(value: string): Parsed<string> {
  return /^[A-Z]{3}$/.test(value)
    ? { ok: true, value }
    : badField('nationality', 'nationality is not a three-letter code');
}

/** The common dates of every layout. */
function parseDates(
  birth: string,
  from: string,
  to: string,
): Parsed<{ birthDate: string; validFrom: string; validTo: ValidTo }> {
  const birthDate = parseDate(birth, 'birthDate');
  if (!birthDate.ok) return birthDate;
  const validFrom = parseDate(from, 'validFrom');
  if (!validFrom.ok) return validFrom;
  const validTo = parseValidTo(to);
  if (!validTo.ok) return validTo;
  return { ok: true, value: { birthDate: birthDate.value, validFrom: validFrom.value, validTo: validTo.value } };
}

function parseResidentOrHmt(text: Uint8Array, type: 'resident' | 'hmt'): Parsed<ResidentCard | HmtCard> {
  const L = RESIDENT_LAYOUT;
  const name = field(text, L.name);
  if (name === '') return badField('name', 'name is empty');
  const gender = parseGender(field(text, L.gender));
  if (!gender.ok) return gender;
  const dates = parseDates(field(text, L.birthDate), field(text, L.validFrom), field(text, L.validTo));
  if (!dates.ok) return dates;
  const idNumber = field(text, L.idNumber);
  const common = {
    name,
    gender: gender.value,
    birthDate: dates.value.birthDate,
    address: field(text, L.address),
    idNumber,
    authority: field(text, L.authority),
    validFrom: dates.value.validFrom,
    validTo: dates.value.validTo,
  };
  if (type === 'hmt') {
    const issueCount = parseCount(field(text, L.issueCount), 'issueCount');
    if (!issueCount.ok) return issueCount;
    const card: HmtCard = {
      type,
      ...common,
      passNumber: field(text, L.passNumber),
      issueCount: issueCount.value,
      idNumberCheck: validateIdNumber(idNumber),
    };
    return { ok: true, value: card };
  }
  const nationCode = field(text, L.nationCode);
  const nation = nationByCode(nationCode);
  if (nation === undefined || nationCode.length !== 2) return badField('nationCode', 'nation code is not in GB 3304');
  const card: ResidentCard = {
    type,
    ...common,
    nationCode,
    nation: nation.name,
    idNumberCheck: validateIdNumber(idNumber),
  };
  return { ok: true, value: card };
}

function parseForeigner2017(text: Uint8Array): Parsed<Foreigner2017Card> {
  const L = FOREIGNER_2017_LAYOUT;
  const englishName = field(text, L.englishName);
  const chineseName = field(text, L.chineseName);
  if (englishName === '' && chineseName === '') return badField('englishName', 'both names are empty');
  const gender = parseGender(field(text, L.gender));
  if (!gender.ok) return gender;
  const nationality = parseNationality(field(text, L.nationality));
  if (!nationality.ok) return nationality;
  const dates = parseDates(field(text, L.birthDate), field(text, L.validFrom), field(text, L.validTo));
  if (!dates.ok) return dates;
  const permitNumber = field(text, L.permitNumber);
  return {
    ok: true,
    value: {
      type: 'foreigner',
      cardVersion: '2017',
      name: chineseName || englishName,
      englishName,
      chineseName,
      gender: gender.value,
      permitNumber,
      idNumber: permitNumber,
      nationality: nationality.value,
      ...dates.value,
      versionField: field(text, L.versionField),
      authorityCode: field(text, L.authorityCode),
      idNumberCheck: validatePermitNumber2017(permitNumber),
    },
  };
}

function parseForeigner2023(text: Uint8Array): Parsed<Foreigner2023Card> {
  const L = FOREIGNER_2023_LAYOUT;
  // Join the two English-name parts before trimming: a space at character 35 is part of the name.
  const englishName = trimPadding(rawField(text, L.englishName) + rawField(text, L.englishNameContinued));
  const chineseName = field(text, L.chineseName);
  if (englishName === '' && chineseName === '') return badField('englishName', 'both names are empty');
  const gender = parseGender(field(text, L.gender));
  if (!gender.ok) return gender;
  const renewalCount = parseCount(field(text, L.renewalCount), 'renewalCount');
  if (!renewalCount.ok) return renewalCount;
  const nationality = parseNationality(field(text, L.nationality));
  if (!nationality.ok) return nationality;
  const dates = parseDates(field(text, L.birthDate), field(text, L.validFrom), field(text, L.validTo));
  if (!dates.ok) return dates;
  const idNumber = field(text, L.idNumber);
  return {
    ok: true,
    value: {
      type: 'foreigner',
      cardVersion: '2023',
      name: chineseName || englishName,
      chineseName,
      englishName,
      gender: gender.value,
      renewalCount: renewalCount.value,
      idNumber,
      nationality: nationality.value,
      ...dates.value,
      previousNumberLink: field(text, L.previousNumberLink),
      idNumberCheck: validateIdNumber(idNumber),
    },
  };
}

/**
 * Parses a 256-byte card text block. The card type is decided by the flag
 * at byte 248 before anything else: space or NUL → resident, `J` → hmt,
 * `I` → foreigner 2017, `Y` → foreigner 2023, anything else → `unknownCardType`.
 * Dates must be real calendar dates; `长期` in valid-to gives `long-term`.
 * An invalid ID number does not fail the parse: see the card's `idNumberCheck`.
 */
export function parseCardText(text: Uint8Array): Result<IdCard, CardTextError> {
  if (text.length !== CARD_TEXT_LENGTH) {
    return fail({
      kind: 'wrongLength',
      expected: CARD_TEXT_LENGTH,
      actual: text.length,
      message: `card text must be ${CARD_TEXT_LENGTH} bytes, got ${text.length}`,
    });
  }
  const flag = text[CARD_TYPE_FLAG_OFFSET]! | (text[CARD_TYPE_FLAG_OFFSET + 1]! << 8);
  switch (flag) {
    case 0x0020:
    case 0x0000:
      return parseResidentOrHmt(text, 'resident');
    case 0x004a: // J
      return parseResidentOrHmt(text, 'hmt');
    case 0x0049: // I
      return parseForeigner2017(text);
    case 0x0059: // Y
      return parseForeigner2023(text);
    default:
      return fail({
        kind: 'unknownCardType',
        flag,
        message: `unknown card type flag U+${flag.toString(16).toUpperCase().padStart(4, '0')} at byte ${CARD_TYPE_FLAG_OFFSET}`,
      });
  }
}

/** Writes `value` as UCS-2LE into the span, truncated to its width without splitting a surrogate pair. */
function writeField(out: Uint8Array, f: FieldSpan, value: string): void {
  const maxUnits = f.width / 2;
  let units = 0;
  for (const ch of value) {
    if (units + ch.length > maxUnits) break;
    for (let i = 0; i < ch.length; i++) {
      const unit = ch.charCodeAt(i);
      const at = f.offset + (units + i) * 2;
      out[at] = unit & 0xff;
      out[at + 1] = unit >> 8;
    }
    units += ch.length;
  }
}

function validToText(validTo: ValidTo): string {
  return validTo === 'long-term' ? '长期' : toCompactDate(validTo);
}

/**
 * Encodes card fields into a 256-byte text block: UCS-2LE, space padded, each
 * field truncated to its width. Values are written as given (no validation),
 * so tests can build faulty cards. Derived fields of an {@link IdCard}
 * (`nation`, `idNumberCheck`, foreigner `name`) are ignored.
 */
export function encodeCardText(card: IdCardFields): Uint8Array {
  const out = new Uint8Array(CARD_TEXT_LENGTH);
  for (let i = 0; i < CARD_TEXT_LENGTH; i += 2) out[i] = SPACE;
  const count = (n: number): string => String(n).padStart(2, '0');
  switch (card.type) {
    case 'resident':
    case 'hmt': {
      const L = RESIDENT_LAYOUT;
      writeField(out, L.name, card.name);
      writeField(out, L.gender, genderCode(card.gender));
      writeField(out, L.birthDate, toCompactDate(card.birthDate));
      writeField(out, L.address, card.address);
      writeField(out, L.idNumber, card.idNumber);
      writeField(out, L.authority, card.authority);
      writeField(out, L.validFrom, toCompactDate(card.validFrom));
      writeField(out, L.validTo, validToText(card.validTo));
      if (card.type === 'resident') {
        writeField(out, L.nationCode, card.nationCode);
      } else {
        writeField(out, L.passNumber, card.passNumber);
        writeField(out, L.issueCount, count(card.issueCount));
        writeField(out, L.flag, 'J');
      }
      return out;
    }
    case 'foreigner':
      switch (card.cardVersion) {
        case '2017': {
          const L = FOREIGNER_2017_LAYOUT;
          writeField(out, L.englishName, card.englishName);
          writeField(out, L.gender, genderCode(card.gender));
          writeField(out, L.permitNumber, card.permitNumber);
          writeField(out, L.nationality, card.nationality);
          writeField(out, L.chineseName, card.chineseName);
          writeField(out, L.validFrom, toCompactDate(card.validFrom));
          writeField(out, L.validTo, validToText(card.validTo));
          writeField(out, L.birthDate, toCompactDate(card.birthDate));
          writeField(out, L.versionField, card.versionField);
          writeField(out, L.authorityCode, card.authorityCode);
          writeField(out, L.flag, 'I');
          return out;
        }
        case '2023': {
          const L = FOREIGNER_2023_LAYOUT;
          const english = Array.from(card.englishName);
          const firstUnits = splitAtUnits(english, L.englishName.width / 2);
          writeField(out, L.chineseName, card.chineseName);
          writeField(out, L.gender, genderCode(card.gender));
          writeField(out, L.renewalCount, count(card.renewalCount));
          writeField(out, L.birthDate, toCompactDate(card.birthDate));
          writeField(out, L.englishName, english.slice(0, firstUnits).join(''));
          writeField(out, L.idNumber, card.idNumber);
          writeField(out, L.validFrom, toCompactDate(card.validFrom));
          writeField(out, L.validTo, validToText(card.validTo));
          writeField(out, L.englishNameContinued, english.slice(firstUnits).join(''));
          writeField(out, L.nationality, card.nationality);
          writeField(out, L.flag, 'Y');
          writeField(out, L.previousNumberLink, card.previousNumberLink);
          return out;
        }
      }
  }
}

/** How many of `chars` fit in `maxUnits` UTF-16 code units. */
function splitAtUnits(chars: readonly string[], maxUnits: number): number {
  let units = 0;
  let n = 0;
  for (const ch of chars) {
    if (units + ch.length > maxUnits) break;
    units += ch.length;
    n++;
  }
  return n;
}

/** The card as the diagnostics CLI prints it (`--json`). */
export interface CardCliJson {
  readonly type: IdCard['type'];
  readonly name: string;
  readonly gender: Gender;
  /** Resident cards only. */
  readonly nation?: string;
  readonly birthDate: string;
  /** Empty for foreigner cards, which carry no address. */
  readonly address: string;
  readonly idNumber: string;
  /** Foreigner 2017: the authority code; foreigner 2023: empty (not on the card). */
  readonly authority: string;
  readonly validFrom: string;
  readonly validTo: ValidTo;
  /** hmt only. */
  readonly passNumber?: string;
  /** hmt only. */
  readonly issueCount?: number;
  /** foreigner only. */
  readonly englishName?: string;
  /** foreigner only. */
  readonly nationality?: string;
}

/**
 * The card's JSON for the CLI, keys in this order: type, name, gender,
 * nation (resident only), birthDate, address, idNumber, authority, validFrom,
 * validTo, then passNumber and issueCount (hmt) or englishName and
 * nationality (foreigner). Not masked: the CLI is an installer's tool.
 */
export function cardToCliJson(card: IdCard): CardCliJson {
  const dates = { validFrom: card.validFrom, validTo: card.validTo };
  switch (card.type) {
    case 'resident':
      return {
        type: card.type,
        name: card.name,
        gender: card.gender,
        nation: card.nation,
        birthDate: card.birthDate,
        address: card.address,
        idNumber: card.idNumber,
        authority: card.authority,
        ...dates,
      };
    case 'hmt':
      return {
        type: card.type,
        name: card.name,
        gender: card.gender,
        birthDate: card.birthDate,
        address: card.address,
        idNumber: card.idNumber,
        authority: card.authority,
        ...dates,
        passNumber: card.passNumber,
        issueCount: card.issueCount,
      };
    case 'foreigner':
      return {
        type: card.type,
        name: card.name,
        gender: card.gender,
        birthDate: card.birthDate,
        address: '',
        idNumber: card.idNumber,
        authority: card.cardVersion === '2017' ? card.authorityCode : '',
        ...dates,
        englishName: card.englishName,
        nationality: card.nationality,
      };
  }
}
