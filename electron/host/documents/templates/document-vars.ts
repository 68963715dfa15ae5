/**
 * Turns document data into template fields: dates in the official form
 * (2026年1月5日, GB/T 9704 Arabic numerals), amounts in figures and words,
 * and masking on receipts and vouchers (DOMAIN.md §5–6). The certificate is
 * the citizen's own document and carries the full name and ID number.
 */
import { maskIdNumber, maskName } from '../../../../domain/mask';
import type { DocumentData } from '../document-types';
import { err, ok, type Result } from '../result';
import { amountInWords, formatYuan } from './chinese-amount';
import type { TemplateVars } from './fill';

export type InvalidDataError = { kind: 'invalidData'; field: string; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-01-05` → `2026年1月5日`; `undefined` for anything but a real calendar date. */
export function formatChineseDate(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? `${y}年${mo}月${d}日` : undefined;
}

/** `2026-01-05T09:30` → `2026年1月5日 09:30`. */
export function formatChineseDateTime(value: string): string | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const date = formatChineseDate(`${m[1]}-${m[2]}-${m[3]}`);
  const [h, min] = [Number(m[4]), Number(m[5])];
  if (!date || h > 23 || min > 59) return undefined;
  return `${date} ${m[4]}:${m[5]}`;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** The template fields of `doc`, or the first invalid field. */
export function documentVars(doc: DocumentData): Result<TemplateVars, InvalidDataError> {
  const bad = (field: string, message: string): Result<TemplateVars, InvalidDataError> => err({ kind: 'invalidData', field, message });
  const required = (fields: Record<string, string>): string | undefined =>
    Object.entries(fields).find(([, v]) => v.trim() === '')?.[0];

  switch (doc.type) {
    case 'noCriminalRecord': {
      const empty = required({ number: doc.number, name: doc.name, idDocumentType: doc.idDocumentType, idNumber: doc.idNumber, issuingOffice: doc.issuingOffice });
      if (empty) return bad(empty, 'required');
      const queryDate = formatChineseDate(doc.queryDate);
      if (!queryDate) return bad('queryDate', 'expected YYYY-MM-DD');
      const issueDate = formatChineseDate(doc.issueDate);
      if (!issueDate) return bad('issueDate', 'expected YYYY-MM-DD');
      return ok({
        number: doc.number,
        name: doc.name.trim(),
        idDocumentType: doc.idDocumentType,
        idNumber: doc.idNumber,
        queryDate,
        issuingOffice: doc.issuingOffice,
        issueDate,
        verifyCode: doc.verifyCode,
        verifyTarget: doc.verifyUrl ?? doc.verifyCode,
      });
    }
    case 'acceptanceReceipt': {
      const empty = required({ number: doc.number, serviceName: doc.serviceName, name: doc.name, idNumber: doc.idNumber, office: doc.office });
      if (empty) return bad(empty, 'required');
      const acceptedAt = formatChineseDateTime(doc.acceptedAt);
      if (!acceptedAt) return bad('acceptedAt', 'expected YYYY-MM-DDTHH:mm');
      const dueDate = doc.dueDate === undefined ? undefined : formatChineseDate(doc.dueDate);
      if (doc.dueDate !== undefined && !dueDate) return bad('dueDate', 'expected YYYY-MM-DD');
      return ok({
        number: doc.number,
        serviceName: doc.serviceName,
        maskedName: maskName(doc.name),
        maskedIdNumber: maskIdNumber(doc.idNumber),
        acceptedAt,
        acceptedDate: acceptedAt.split(' ')[0],
        office: doc.office,
        dueDate,
        collection: doc.collection,
        notes: doc.notes ?? [],
        progressUrl: doc.progressUrl,
      });
    }
    case 'paymentVoucher': {
      const empty = required({ number: doc.number, serviceName: doc.serviceName, name: doc.name, idNumber: doc.idNumber, paymentMethod: doc.paymentMethod, transactionId: doc.transactionId, office: doc.office });
      if (empty) return bad(empty, 'required');
      if (!Number.isSafeInteger(doc.amountFen) || doc.amountFen < 0) return bad('amountFen', 'expected a non-negative integer (fen)');
      const paidAt = formatChineseDateTime(doc.paidAt);
      if (!paidAt) return bad('paidAt', 'expected YYYY-MM-DDTHH:mm');
      return ok({
        number: doc.number,
        serviceName: doc.serviceName,
        maskedName: maskName(doc.name),
        maskedIdNumber: maskIdNumber(doc.idNumber),
        amount: formatYuan(doc.amountFen),
        amountInWords: `人民币${amountInWords(doc.amountFen)}`,
        paymentMethod: doc.paymentMethod,
        paymentCode: doc.paymentCode,
        transactionId: doc.transactionId,
        paidAt,
        paidDate: paidAt.split(' ')[0],
        office: doc.office,
        notes: doc.notes ?? [],
      });
    }
    default:
      return assertNever(doc);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled document ${JSON.stringify(value)}`);
}
