/** 排队凭条: the queue ticket a citizen takes to a counter window. */
import { encodeReceipt, type EncodeResult, type ReceiptDocument } from '../encode';
import { formatDateTime, printedName, type TemplateOptions } from './format';

/** What a queue ticket shows. The name, if given, is printed masked. */
export interface QueueTicket {
  site: string;
  /** Window or counter, e.g. `3号窗口`. */
  window: string;
  /** Queue number, e.g. `A023`. */
  number: string;
  /** People waiting before this one, when the hall's calling system tells; left off the ticket otherwise. */
  waiting?: number;
  /** Citizen's name (unmasked input; printed masked). */
  name?: string;
  /** The service queued for, e.g. `出入境 自助签注`. */
  service?: string;
  issuedAt: Date;
}

/** The ticket's layout. */
export function queueTicketDocument(ticket: QueueTicket, options: TemplateOptions): ReceiptDocument {
  const waiting = ticket.waiting !== undefined && Number.isFinite(ticket.waiting) ? Math.max(0, Math.floor(ticket.waiting)) : undefined;
  return {
    blocks: [
      { kind: 'text', text: ticket.site, align: 'center', bold: true },
      { kind: 'text', text: '排队凭条 QUEUE TICKET', align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: ticket.number, align: 'center', size: 'double', bold: true, overflow: 'truncate' },
      { kind: 'text', text: ticket.window, align: 'center', size: 'tall' },
      { kind: 'rule' },
      ...(ticket.service !== undefined ? [{ kind: 'field' as const, label: '业务', value: ticket.service }] : []),
      ...(waiting !== undefined ? [{ kind: 'field' as const, label: '前面等候', value: `${waiting} 人` }] : []),
      ...(ticket.name !== undefined ? [{ kind: 'field' as const, label: '姓名', value: printedName(ticket.name) }] : []),
      { kind: 'field', label: '取号时间', value: formatDateTime(ticket.issuedAt, options.timeZone) },
      { kind: 'text', text: '请留意叫号，过号请重新取号。' },
      { kind: 'cut', feedLines: 3 },
    ],
  };
}

/** The ticket's ESC/POS bytes. */
export function encodeQueueTicket(ticket: QueueTicket, options: TemplateOptions): EncodeResult {
  return encodeReceipt(queueTicketDocument(ticket, options), options);
}
