/**
 * What every service's flow may use from the host, bound by the composition
 * root: the back-end, A4 documents, the receipt printer, the outbox, the
 * clock and the site's settings. A service reaches nothing else.
 */
import type { ServiceCategory } from '../../../contract';
import type { PoliceGateway } from '../../gateway/police-gateway';
import type { ApplicationQueue, HeldApplications, TicketPrinter } from '../ports';
import type { DocumentPages } from './document-capture';
import type { PaymentDesk } from '../../payment/payment-desk';

/** An A4 document to issue: the documents module's request (template from the service's folder, values, the back-end's number and seal). */
export type { DocumentRequest } from '../../issued/document-request';
import type { DocumentRequest } from '../../issued/document-request';
import type { AuditLog } from '../../journal/transactions-audit';
import type { EndorsementWriterDesk } from './endorsement-writer';
import type { ProxyDesk } from './proxy-call';
import type { AttachmentDesk } from './attachments';

/** A truthful A4 outcome: printed only when the printer said so. */
export type A4Outcome =
  | { kind: 'printed'; documentNumber: string }
  | {
      kind: 'notPrinted';
      /** Null when nothing was issued (render or storage failed before a document existed). */
      documentNumber: string | null;
      /** i18n key, e.g. `print.paperOut`. */
      messageKey: string;
      /** Whether the same document may be printed again (one reprint). */
      reprintable: boolean;
    };

/** A4 documents for flows: issue (journal number, render, keep for the session), print, one reprint. */
export interface DocumentDesk {
  issueAndPrint(sessionId: string, request: DocumentRequest): Promise<A4Outcome>;
  reprint(documentNumber: string): Promise<A4Outcome>;
}

export interface FlowKit {
  serviceId: string;
  /** Who the service is for, by the identity's holder (the catalogue's audience). */
  audience: readonly ('resident' | 'hmt' | 'foreigner')[];
  /** The service's names (printed on slips in Chinese). */
  serviceName: { 'zh-CN': string; en: string };
  gateway: PoliceGateway;
  documents: DocumentDesk;
  slips: TicketPrinter;
  applications: ApplicationQueue;
  /** Fees: the payment service, and closing or recording orders (the payment step). */
  payment: PaymentDesk;
  kioskId: string;
  /** The hall's name (config `hallName`), where a document may be collected. */
  hallName?: string;
  /** The counter window for this service (its category's). */
  window: string;
  windows: Readonly<Record<ServiceCategory, string>>;
  /** GB/T 2260 province code of this hall. */
  homeProvinceCode: string;
  /** The hall's zone (dates on documents). */
  timeZone: string;
  maxFaceAttempts: number;
  now(): Date;
  /**
   * A fresh unpredictable seed (the 三力测试 draws its questions from one);
   * absent in production, where the step takes 16 random bytes. Tests give a
   * fixed one, as they give a fixed clock, so a replayed run shows the same.
   */
  randomSeed?: () => string;
  /** This service's settings from the site config, already checked against its schema. */
  settings: unknown;
  /** Applications held until their fee is paid (a payment step with `application`, the submit step); a plan using them fails to build without. */
  heldApplications?: HeldApplications;
  /** The captured content an application carries (attachments.ts); a plan writing an application after a capture step fails to build without it. */
  attachments?: AttachmentDesk;
  /** The document camera's pages and PDFs (the document capture step); a plan with that step fails to build without it. */
  documentPages?: DocumentPages;
  /** The endorsement writer (签注写卡: the electronic permit's chip); a kiosk without one has none, and a service that needs it lists the device. */
  endorsementWriter?: EndorsementWriterDesk;
  /** The station journal's audit events (e.g. who an application is for and who applies, masked); absent in tests that do not look. */
  audit?: AuditLog;
  /** 可视化代办: the hall's proxy cases over the hall link (the proxyCall step); absent on a kiosk without a hall, where the step says the hall is unavailable. */
  proxy?: ProxyDesk;
}
