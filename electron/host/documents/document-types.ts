/**
 * The documents the kiosk prints on A4 and the data each one carries. Every
 * text on a document comes from here or from its template: nothing is
 * invented by the renderer. Dates are calendar dates `YYYY-MM-DD` (or
 * `YYYY-MM-DDTHH:mm` for times), already in the hall's local time.
 */

/** Template ids; each has `resources/templates/<id>.json`. */
export type DocumentType = 'noCriminalRecord' | 'acceptanceReceipt' | 'paymentVoucher';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['noCriminalRecord', 'acceptanceReceipt', 'paymentVoucher'];

/** 无犯罪记录证明 (DOMAIN.md §4). The citizen's own document: full name and ID number. */
export interface NoCriminalRecordData {
  type: 'noCriminalRecord';
  /** 证明编号. */
  number: string;
  name: string;
  /** 证件类型, e.g. 居民身份证. */
  idDocumentType: string;
  idNumber: string;
  /** 查询截止日期 `YYYY-MM-DD`. */
  queryDate: string;
  /** 出具单位 (from config/back-end). */
  issuingOffice: string;
  /** 出具日期 `YYYY-MM-DD`. */
  issueDate: string;
  /** Verification code from the back-end; omitted when the province prints none. */
  verifyCode?: string;
  /** What the QR code holds (a verification URL); defaults to `verifyCode`. */
  verifyUrl?: string;
}

/** 受理回执: generic acceptance receipt. Name and ID number are printed masked. */
export interface AcceptanceReceiptData {
  type: 'acceptanceReceipt';
  number: string;
  serviceName: string;
  name: string;
  idNumber: string;
  /** 受理时间 `YYYY-MM-DDTHH:mm`. */
  acceptedAt: string;
  /** 受理单位. */
  office: string;
  /** 承诺办结日期 `YYYY-MM-DD`, when the service has one. */
  dueDate?: string;
  /** 领取方式 / next step, as the service states it. */
  collection?: string;
  /** Free notes the service supplies (one paragraph each). */
  notes?: string[];
  /** Progress-query QR content, when the back-end gives one. */
  progressUrl?: string;
}

/** 缴费凭证: payment voucher. Name and ID number are printed masked. */
export interface PaymentVoucherData {
  type: 'paymentVoucher';
  number: string;
  serviceName: string;
  name: string;
  idNumber: string;
  /** Amount in fen (分), a non-negative integer. */
  amountFen: number;
  /** 支付方式, e.g. 银联卡 / 扫码支付. */
  paymentMethod: string;
  /** 16-digit 缴款码 of the provincial payment platform. */
  paymentCode?: string;
  /** 交易流水号. */
  transactionId: string;
  /** 缴费时间 `YYYY-MM-DDTHH:mm`. */
  paidAt: string;
  /** 执收单位. */
  office: string;
  notes?: string[];
}

export type DocumentData = NoCriminalRecordData | AcceptanceReceiptData | PaymentVoucherData;

/** Document data before a number is allocated (the service fills the rest). */
export type UnnumberedDocument =
  | Omit<NoCriminalRecordData, 'number'>
  | Omit<AcceptanceReceiptData, 'number'>
  | Omit<PaymentVoucherData, 'number'>;
