/**
 * The parsed ID card: what the 256-byte text block of a resident ID card,
 * a Hong Kong/Macau/Taiwan residence permit (flag `J`) or a foreigner
 * permanent resident card (2017 flag `I`, 2023 flag `Y`) says (DOMAIN.md §1).
 *
 * Each variant comes in two layers:
 * - `…Fields` is exactly what is stored on the card; it is what
 *   {@link ../card-text#encodeCardText} writes and what sample JSON holds.
 * - the card type adds what is derived from the fields when parsing: the
 *   nation's name, a display name, and the ID-number check (a card can carry
 *   an invalid number; that is reported, not thrown).
 */
import type { IsoDate } from '../../domain/calendar-date';
import type { IdNumberCheck, PermitNumberCheck } from '../../domain/id-number';

export type { IsoDate } from '../../domain/calendar-date';
export type { Result } from '../../domain/result';

/** GB/T 2261.1 gender: code 0 unknown, 1 male, 2 female, 9 unstated. */
export type Gender = 'male' | 'female' | 'unknown' | 'unstated';

/** The card's last day, or `long-term` for cards printed `长期`. */
export type ValidTo = IsoDate | 'long-term';

/** Discriminant of {@link IdCard}. */
export type CardType = 'resident' | 'hmt' | 'foreigner';

/** Foreigner permanent resident card generation, from the flag at byte 248. */
export type ForeignerCardVersion = '2017' | '2023';

/** Fields stored on a resident ID card (flag space/NUL at byte 248). */
export interface ResidentCardFields {
  readonly type: 'resident';
  /** Name, up to 15 characters. */
  readonly name: string;
  readonly gender: Gender;
  /** GB 3304 two-digit nation code, e.g. `01`. */
  readonly nationCode: string;
  readonly birthDate: IsoDate;
  /** Address, up to 35 characters (the appended address is read separately). */
  readonly address: string;
  /** 18-character citizen ID number as stored (may be invalid; see `idNumberCheck`). */
  readonly idNumber: string;
  /** Issuing authority (签发机关), up to 15 characters. */
  readonly authority: string;
  readonly validFrom: IsoDate;
  readonly validTo: ValidTo;
}

/** A parsed resident ID card. */
export interface ResidentCard extends ResidentCardFields {
  /** Nation name as printed, e.g. `汉`, `回` (from `nationCode`). */
  readonly nation: string;
  readonly idNumberCheck: IdNumberCheck;
}

/** Fields stored on a Hong Kong/Macau/Taiwan residence permit (flag `J`). */
export interface HmtCardFields {
  readonly type: 'hmt';
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  readonly address: string;
  /** 18-character residence-permit number (address codes 81/82/83xxxx). */
  readonly idNumber: string;
  readonly authority: string;
  readonly validFrom: IsoDate;
  readonly validTo: ValidTo;
  /** 通行证号码, up to 9 characters. */
  readonly passNumber: string;
  /** 签发次数, 0–99. */
  readonly issueCount: number;
}

/** A parsed Hong Kong/Macau/Taiwan residence permit. */
export interface HmtCard extends HmtCardFields {
  readonly idNumberCheck: IdNumberCheck;
}

/** Fields stored on a 2017 foreigner permanent resident card (flag `I`). */
export interface Foreigner2017CardFields {
  readonly type: 'foreigner';
  readonly cardVersion: '2017';
  /** English name, up to 60 characters. */
  readonly englishName: string;
  /** Chinese name, up to 15 characters; may be empty. */
  readonly chineseName: string;
  readonly gender: Gender;
  /** Permit number: 3 letters + 12 digits, no check character. */
  readonly permitNumber: string;
  /** Three-letter nationality code. */
  readonly nationality: string;
  readonly birthDate: IsoDate;
  readonly validFrom: IsoDate;
  readonly validTo: ValidTo;
  /** Raw 2-character card-version field (bytes 236–239). */
  readonly versionField: string;
  /** Raw 4-character authority code (bytes 240–247), 当次申请受理机关代码. */
  readonly authorityCode: string;
}

/** A parsed 2017 foreigner permanent resident card. */
export interface Foreigner2017Card extends Foreigner2017CardFields {
  /** Display name: the Chinese name, or the English name when there is none. */
  readonly name: string;
  /** The permit number, so every card has `idNumber`. */
  readonly idNumber: string;
  readonly idNumberCheck: PermitNumberCheck;
}

/** Fields stored on a 2023 foreigner permanent resident card (flag `Y`). */
export interface Foreigner2023CardFields {
  readonly type: 'foreigner';
  readonly cardVersion: '2023';
  /** Chinese name, up to 15 characters; may be empty. */
  readonly chineseName: string;
  /** English name, up to 46 characters (35 at byte 52 + 11 at byte 220). */
  readonly englishName: string;
  readonly gender: Gender;
  /** 换证次数, 0–99. */
  readonly renewalCount: number;
  readonly birthDate: IsoDate;
  /** 18-digit number starting with 9. */
  readonly idNumber: string;
  readonly validFrom: IsoDate;
  readonly validTo: ValidTo;
  /** Three-letter nationality code. */
  readonly nationality: string;
  /** Raw 3-character field at bytes 250–255 linking to the old 15-character number. */
  readonly previousNumberLink: string;
}

/** A parsed 2023 foreigner permanent resident card. */
export interface Foreigner2023Card extends Foreigner2023CardFields {
  /** Display name: the Chinese name, or the English name when there is none. */
  readonly name: string;
  readonly idNumberCheck: IdNumberCheck;
}

/** Stored fields of any card: the input of `encodeCardText`. */
export type IdCardFields = ResidentCardFields | HmtCardFields | Foreigner2017CardFields | Foreigner2023CardFields;

/** Either foreigner card generation. */
export type ForeignerCard = Foreigner2017Card | Foreigner2023Card;

/** A parsed card, discriminated on `type` (and `cardVersion` for foreigners). */
export type IdCard = ResidentCard | HmtCard | ForeignerCard;
