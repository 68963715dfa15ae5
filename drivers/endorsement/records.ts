/**
 * The permit's two kinds of record on the chip, as BER-TLV
 * (docs/endorsement-writer.md §Files):
 *
 * EF.PERMIT, template 70: 80 permit type (01 港澳, 02 台湾) · 81 permit
 * number (ASCII) · 82 name (UTF-8) · 83 birth date · 84 valid until.
 * EF.ENDORSEMENTS, one record each, template 71: 80 destination (01 香港,
 * 02 澳门, 03 台湾) · 81 type letter · 82 entries (01 一次, 02 二次, 03 多次) ·
 * 83 valid from · 84 valid until · 85 stay days (2 bytes) · 86 number.
 * Dates are 4 bytes of packed BCD, YYYYMMDD.
 *
 * Decoders never throw: bytes decode to a record or a clear error.
 */
import { err, ok, type Result } from '../../domain/result';
import { daysInMonth } from '../../domain/calendar-date';
import { decodeTemplate, encodeTemplate, encodeTlv, type Tlv, type TlvError } from './tlv';

export type PermitType = 'hkMacauPermit' | 'taiwanPermit';
export type Destination = 'hongKong' | 'macau' | 'taiwan';
export type Entries = 'single' | 'twice' | 'multiple';

/** EF.PERMIT. */
export interface PermitRecord {
  permitType: PermitType;
  /** 证件号码: one letter and eight digits (C38816402, L21234567). */
  permitNumber: string;
  name: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  validUntil: string;
}

/** One record of EF.ENDORSEMENTS. */
export interface EndorsementRecord {
  destination: Destination;
  /** 签注种类 letter: L, G, T, S, D, Q… */
  type: string;
  entries: Entries;
  validFrom: string;
  validUntil: string;
  stayDays: number;
  /** 签注编号. */
  number: string;
}

export const PERMIT_TEMPLATE = 0x70;
export const ENDORSEMENT_TEMPLATE = 0x71;

export type RecordError = TlvError | { kind: 'missingTag'; tag: number } | { kind: 'badField'; tag: number; message: string };

const PERMIT_TYPES: readonly PermitType[] = ['hkMacauPermit', 'taiwanPermit'];
const DESTINATIONS: readonly Destination[] = ['hongKong', 'macau', 'taiwan'];
const ENTRIES: readonly Entries[] = ['single', 'twice', 'multiple'];

export const PERMIT_NUMBER = /^[A-Z]\d{8}$/;
const TYPE_LETTER = /^[A-Z]$/;
const ENDORSEMENT_NUMBER = /^[A-Z0-9]{1,20}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The longest name the chip holds, in characters. */
export const MAX_NAME_LENGTH = 30;
export const MAX_STAY_DAYS = 999;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = new TextEncoder();

function isCalendarDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** YYYY-MM-DD → 4 bytes of BCD. */
function encodeDate(iso: string): Uint8Array {
  if (!isCalendarDate(iso)) throw new RangeError(`not a calendar date: ${iso}`);
  const digits = iso.replaceAll('-', '');
  return Uint8Array.from({ length: 4 }, (_, i) => (Number(digits[2 * i]) << 4) | Number(digits[2 * i + 1]));
}

function decodeDate(bytes: Uint8Array): string | undefined {
  if (bytes.length !== 4) return undefined;
  let digits = '';
  for (const byte of bytes) {
    const [hi, lo] = [byte >> 4, byte & 0x0f];
    if (hi > 9 || lo > 9) return undefined;
    digits += `${hi}${lo}`;
  }
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return isCalendarDate(iso) ? iso : undefined;
}

function decodeAscii(bytes: Uint8Array, pattern: RegExp): string | undefined {
  const text = String.fromCharCode(...bytes);
  return pattern.test(text) ? text : undefined;
}

/** Strict UTF-8 without control characters, 1–30 characters. */
function decodeName(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const chars = [...text];
  if (chars.length === 0 || chars.length > MAX_NAME_LENGTH) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text) || text.trim() !== text) return undefined;
  return text;
}

function oneOf<T>(bytes: Uint8Array, values: readonly T[]): T | undefined {
  return bytes.length === 1 && bytes[0]! >= 1 && bytes[0]! <= values.length ? values[bytes[0]! - 1] : undefined;
}

/** Field `tag` of a template, decoded by `read`, or a badField/missingTag error. */
function field<T>(fields: readonly Tlv[], tag: number, read: (value: Uint8Array) => T | undefined, what: string): Result<T, RecordError> {
  const found = fields.filter((f) => f.tag === tag);
  if (found.length === 0) return err({ kind: 'missingTag', tag });
  if (found.length > 1) return err({ kind: 'badField', tag, message: `${what} appears ${found.length} times` });
  const value = read(found[0]!.value);
  return value === undefined ? err({ kind: 'badField', tag, message: `${what} is not valid` }) : ok(value);
}

/** Throws RangeError on a record that breaks the layout: encoding is for the simulator and tests, which build valid ones. */
export function encodePermit(permit: PermitRecord): Uint8Array {
  if (!PERMIT_NUMBER.test(permit.permitNumber)) throw new RangeError(`not a permit number: ${permit.permitNumber}`);
  if (decodeName(utf8.encode(permit.name)) === undefined) throw new RangeError('name must be 1–30 characters without controls');
  return encodeTemplate(PERMIT_TEMPLATE, [
    encodeTlv(0x80, Uint8Array.of(PERMIT_TYPES.indexOf(permit.permitType) + 1)),
    encodeTlv(0x81, ascii(permit.permitNumber)),
    encodeTlv(0x82, utf8.encode(permit.name)),
    encodeTlv(0x83, encodeDate(permit.birthDate)),
    encodeTlv(0x84, encodeDate(permit.validUntil)),
  ]);
}

export function decodePermit(bytes: Uint8Array): Result<PermitRecord, RecordError> {
  const fields = decodeTemplate(bytes, PERMIT_TEMPLATE);
  if (!fields.ok) return fields;
  const f = fields.value;
  const permitType = field(f, 0x80, (v) => oneOf(v, PERMIT_TYPES), 'permit type');
  if (!permitType.ok) return permitType;
  const permitNumber = field(f, 0x81, (v) => decodeAscii(v, PERMIT_NUMBER), 'permit number');
  if (!permitNumber.ok) return permitNumber;
  const name = field(f, 0x82, decodeName, 'name');
  if (!name.ok) return name;
  const birthDate = field(f, 0x83, decodeDate, 'birth date');
  if (!birthDate.ok) return birthDate;
  const validUntil = field(f, 0x84, decodeDate, 'valid-until date');
  if (!validUntil.ok) return validUntil;
  return ok({ permitType: permitType.value, permitNumber: permitNumber.value, name: name.value, birthDate: birthDate.value, validUntil: validUntil.value });
}

export function encodeEndorsement(e: EndorsementRecord): Uint8Array {
  if (!TYPE_LETTER.test(e.type)) throw new RangeError(`endorsement type must be one capital letter: ${e.type}`);
  if (!ENDORSEMENT_NUMBER.test(e.number)) throw new RangeError(`endorsement number must be 1–20 capitals or digits: ${e.number}`);
  if (!Number.isInteger(e.stayDays) || e.stayDays < 1 || e.stayDays > MAX_STAY_DAYS) throw new RangeError(`stay days out of 1..${MAX_STAY_DAYS}`);
  return encodeTemplate(ENDORSEMENT_TEMPLATE, [
    encodeTlv(0x80, Uint8Array.of(DESTINATIONS.indexOf(e.destination) + 1)),
    encodeTlv(0x81, ascii(e.type)),
    encodeTlv(0x82, Uint8Array.of(ENTRIES.indexOf(e.entries) + 1)),
    encodeTlv(0x83, encodeDate(e.validFrom)),
    encodeTlv(0x84, encodeDate(e.validUntil)),
    encodeTlv(0x85, Uint8Array.of(e.stayDays >> 8, e.stayDays & 0xff)),
    encodeTlv(0x86, ascii(e.number)),
  ]);
}

export function decodeEndorsement(bytes: Uint8Array): Result<EndorsementRecord, RecordError> {
  const fields = decodeTemplate(bytes, ENDORSEMENT_TEMPLATE);
  if (!fields.ok) return fields;
  const f = fields.value;
  const destination = field(f, 0x80, (v) => oneOf(v, DESTINATIONS), 'destination');
  if (!destination.ok) return destination;
  const type = field(f, 0x81, (v) => decodeAscii(v, TYPE_LETTER), 'endorsement type');
  if (!type.ok) return type;
  const entries = field(f, 0x82, (v) => oneOf(v, ENTRIES), 'entries');
  if (!entries.ok) return entries;
  const validFrom = field(f, 0x83, decodeDate, 'valid-from date');
  if (!validFrom.ok) return validFrom;
  const validUntil = field(f, 0x84, decodeDate, 'valid-until date');
  if (!validUntil.ok) return validUntil;
  if (validUntil.value < validFrom.value) return err({ kind: 'badField', tag: 0x84, message: 'valid-until date before the valid-from date' });
  const stayDays = field(f, 0x85, (v) => (v.length === 2 && ((v[0]! << 8) | v[1]!) >= 1 && ((v[0]! << 8) | v[1]!) <= MAX_STAY_DAYS ? (v[0]! << 8) | v[1]! : undefined), 'stay days');
  if (!stayDays.ok) return stayDays;
  const number = field(f, 0x86, (v) => decodeAscii(v, ENDORSEMENT_NUMBER), 'endorsement number');
  if (!number.ok) return number;
  return ok({ destination: destination.value, type: type.value, entries: entries.value, validFrom: validFrom.value, validUntil: validUntil.value, stayDays: stayDays.value, number: number.value });
}

/** One line for logs and the CLI: the kind of problem and where. */
export function describeRecordError(error: RecordError): string {
  const tag = (t: number) => t.toString(16).toUpperCase().padStart(2, '0');
  switch (error.kind) {
    case 'truncated':
      return `TLV truncated at byte ${error.at}`;
    case 'badLength':
      return `TLV length form not supported at byte ${error.at}`;
    case 'badTag':
      return `TLV tag longer than two bytes at byte ${error.at}`;
    case 'missingTag':
      return `tag ${tag(error.tag)} missing`;
    case 'badField':
      return `tag ${tag(error.tag)}: ${error.message}`;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
