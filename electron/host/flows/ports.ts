/**
 * What flows need from the rest of the host, as small interfaces so a
 * service is tested with fakes and the composition root wires the real
 * ones (receipt printer, outbox).
 */
import type { ApplicationAttachments } from '../gateway/application-attachments';

/** A thermal-printer outcome: printed, or not with a message key. */
export type SlipOutcome = { kind: 'printed' } | { kind: 'notPrinted'; messageKey: string };

/** A queue ticket for a counter window. */
export interface QueueTicketRequest {
  sessionId: string;
  serviceId: string;
  /** e.g. 无犯罪记录证明. */
  serviceName: string;
  window: string;
  /** Printed masked by the receipt template; null when unknown. */
  name: string | null;
}

/** A small collection receipt printed with a certificate. */
export interface CollectionReceiptRequest {
  sessionId: string;
  serviceName: string;
  documentNumber: string;
  verifyCode: string | null;
  /** Printed masked. */
  name: string | null;
  idNumberMasked: string;
  issuedAt: Date;
}

/** An information slip (e.g. an application's progress): lines the service chose, names and numbers already masked. */
export interface InfoSlipRequest {
  sessionId: string;
  /** What the slip is, e.g. 身份证办理进度. */
  title: string;
  lines: ReadonlyArray<{ label: string; value: string }>;
  /** A number to scan at a window (printed as a QR code unless `codeFormat` says otherwise). */
  code?: string;
  /** How `code` is printed: 'qr' (default) or 'code128' (e.g. the 受理编号 on a 领证回执; printable ASCII only). */
  codeFormat?: 'qr' | 'code128';
  notes?: readonly string[];
}

/** 缴费凭证: what the kiosk charged and the 财政电子票据 (no name or full ID number; the holder masked at most). */
export interface FeeSlipRequest {
  sessionId: string;
  serviceName: string;
  items: ReadonlyArray<{ name: string; basis: string; amountFen: number }>;
  totalFen: number;
  exemption: { name: string; basis: string } | null;
  orderNo: string;
  channel: 'wechat' | 'alipay' | 'unionpay' | null;
  paidAt: string | null;
  receipt: { billCode: string; billNumber: string; checkCode: string; url: string } | null;
  holderMasked: string | null;
}

/** The receipt printer as flows use it (drivers/receipt templates behind it). */
export interface TicketPrinter {
  /** Allocates the queue number and prints the ticket. */
  printQueueTicket(request: QueueTicketRequest): Promise<({ kind: 'printed' } & { ticketNumber: string }) | { kind: 'notPrinted'; messageKey: string; ticketNumber?: string }>;
  printCollectionReceipt(request: CollectionReceiptRequest): Promise<SlipOutcome>;
  printInfoSlip(request: InfoSlipRequest): Promise<SlipOutcome>;
  printFeeSlip(request: FeeSlipRequest): Promise<SlipOutcome>;
}

/** An application as the outbox keeps it: the service's payload and what the kiosk captured for it. */
export interface Application {
  serviceId: string;
  payload: Record<string, unknown>;
  attachments?: ApplicationAttachments;
}

/** Hands an application to the outbox (written before it is sent; see electron/host/outbox). */
export interface ApplicationQueue {
  submit(application: Application, idempotencyKey: string): void;
}

/** What sending a held application came to (the submit step). */
export type SubmissionOutcome =
  | { kind: 'accepted'; receiptNumber: string | null }
  /** The back-end refused it for good; the entry is gone from the outbox. */
  | { kind: 'rejected'; reason: string }
  /** Not through yet: it stays in the outbox and the sender keeps trying. */
  | { kind: 'pending'; failure: string };

/**
 * An application written before its fee is paid: held in the outbox (kept,
 * never sent) until released, discarded when the fee was not paid.
 */
export interface HeldApplications {
  hold(application: Application, idempotencyKey: string, heldFor: string): void;
  release(idempotencyKey: string): void;
  discard(idempotencyKey: string): void;
  /** Sends it now (it must have been released) and answers the outcome. */
  submitNow(idempotencyKey: string): Promise<SubmissionOutcome>;
}
