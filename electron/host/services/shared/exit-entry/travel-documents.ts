/**
 * The 出入境 back-end's record of a citizen, shared by every 出入境 service:
 * the documents they hold (普通护照, 往来港澳通行证, 往来台湾通行证: number,
 * form, validity, status), the applications being made, the pinyin of their
 * name on an earlier document, the city of their 户籍 (which decides, e.g.,
 * 个人旅游 endorsements) and whether they may apply here at all. Served by
 * the sandbox from sandbox.json beside this file; a real gateway answers
 * `POST /v1/ops/exit-entry-record` with the same shapes.
 *
 * `exitRestricted` is the back-end's word that this person's application
 * must be handled at the counter (出境限制: 法定不准出境 and the like). The
 * kiosk never says why: it says, discreetly, that the counter will help.
 */
import { z } from 'zod';
import { sandboxTable, type BackendOperation } from '../../../gateway/operation';
import { resolveSandboxDate, SandboxDate } from '../../../gateway/sandbox-date';
import sandboxData from './sandbox.json' with { type: 'json' };

const IsoDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The three documents a citizen applies for at the kiosk. */
export const TRAVEL_DOCUMENT_TYPES = ['passport', 'hkMacauPermit', 'taiwanPermit'] as const;
export const TravelDocumentType = z.enum(TRAVEL_DOCUMENT_TYPES);
export type TravelDocumentType = z.infer<typeof TravelDocumentType>;

/** 有效 / 过期 / 已挂失 (reported lost: invalid for good) / 已注销. */
export const TravelDocumentStatus = z.enum(['valid', 'expired', 'reportedLost', 'cancelled']);
export type TravelDocumentStatus = z.infer<typeof TravelDocumentStatus>;

export const TravelDocument = z
  .object({
    type: TravelDocumentType,
    /** 证件号码, e.g. E12345678 (passport), C12345678 (港澳, card), L12345678 (台湾, card). */
    number: z.string().regex(/^[A-Z][A-Z0-9]{7,9}$/),
    /** 电子卡式 (a permit with a chip: endorsements are written to it) or 本式 (a booklet: every passport; old permits). */
    form: z.enum(['card', 'booklet']),
    issuedOn: IsoDateString,
    validUntil: IsoDateString,
    status: TravelDocumentStatus,
    /** A passport's visa pages are used up (换发 even while valid). */
    pagesFull: z.boolean(),
  })
  .strict();
export type TravelDocument = z.infer<typeof TravelDocument>;

export const ExitEntryRecordRequest = z.object({ idNumber: z.string().regex(/^[0-9]{17}[0-9X]$/) }).strict();
export type ExitEntryRecordRequest = z.infer<typeof ExitEntryRecordRequest>;

/** Upper-case pinyin without tones, single spaces (as printed on the documents). */
export const PinyinName = z.string().regex(/^[A-Z]+(?: [A-Z]+)*$/).max(40);

export const ExitEntryRecordAnswer = z
  .object({
    name: z.string().min(1).max(40),
    /** The name in pinyin on the citizen's last document; null when they never held one (the kiosk proposes one). */
    pinyin: z.object({ surname: PinyinName, givenName: PinyinName }).strict().nullable(),
    documents: z.array(TravelDocument),
    /** Documents already being made for this citizen (a second application waits). */
    applicationsInProgress: z.array(TravelDocumentType),
    /** The 户籍's city (e.g. 郑州市): 个人旅游 endorsements depend on it. */
    registeredCity: z.string().min(1).max(40),
    /** The application must be handled at the counter; the reason is never shown. */
    exitRestricted: z.boolean(),
  })
  .strict();
export type ExitEntryRecordAnswer = z.infer<typeof ExitEntryRecordAnswer>;

const SandboxDocument = TravelDocument.omit({ status: true, pagesFull: true })
  .extend({
    issuedOn: SandboxDate,
    validUntil: SandboxDate,
    /** Absent: valid until `validUntil`, expired after it. */
    reportedLost: z.boolean().optional(),
    pagesFull: z.boolean().optional(),
  })
  .strict();
const SandboxPerson = z
  .object({
    pinyin: z.object({ surname: PinyinName, givenName: PinyinName }).strict().optional(),
    documents: z.array(SandboxDocument).default([]),
    applicationsInProgress: z.array(TravelDocumentType).default([]),
    exitRestricted: z.boolean().optional(),
  })
  .strict();
export const sandboxExitEntryPeople = sandboxTable(z.record(z.string(), SandboxPerson), sandboxData.people);

/** The document of `type` a record holds, if any (the newest). */
export function heldDocument(record: ExitEntryRecordAnswer, type: TravelDocumentType): TravelDocument | null {
  return record.documents.filter((document) => document.type === type).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0] ?? null;
}

export const exitEntryRecord: BackendOperation<ExitEntryRecordRequest, ExitEntryRecordAnswer> = {
  name: 'exit-entry-record',
  request: ExitEntryRecordRequest,
  response: ExitEntryRecordAnswer,
  sandbox: (request, world) => {
    const table = sandboxExitEntryPeople();
    if (!table.ok) return table;
    const citizen = world.citizen(request.idNumber);
    if (!citizen || citizen.holder !== 'resident') return { ok: false, error: { kind: 'notFound' } };
    // A citizen not in the table holds no 出入境 document: a first application.
    const person = table.value[request.idNumber] ?? { documents: [], applicationsInProgress: [] };
    const today = world.today();
    const documents = person.documents.map((document): TravelDocument => {
      const validUntil = resolveSandboxDate(document.validUntil, today);
      const status: TravelDocumentStatus = document.reportedLost ? 'reportedLost' : validUntil < today ? 'expired' : 'valid';
      return {
        type: document.type,
        number: document.number,
        form: document.form,
        issuedOn: resolveSandboxDate(document.issuedOn, today),
        validUntil,
        status,
        pagesFull: document.pagesFull ?? false,
      };
    });
    return {
      ok: true,
      value: {
        name: citizen.name,
        pinyin: person.pinyin ?? null,
        documents,
        applicationsInProgress: person.applicationsInProgress,
        registeredCity: citizen.registeredResidence?.city ?? '',
        exitRestricted: person.exitRestricted ?? false,
      },
    };
  },
};
