/**
 * The flows' TicketPrinter over the thermal receipt printer: queue tickets
 * (number allocated in the journal per window and day) and the collection
 * slip that goes with a certificate, laid out by the receipt templates
 * (names and ID numbers printed masked) and printed through the managed
 * printer. The outcome is what the printer said: paper out is `notPrinted`
 * with a message key, never "printed".
 */
import type { ManagedReceiptPrinter } from '../../../drivers/manager/receipt-device';
import type { PaperWidthMm } from '../../../drivers/receipt/paper';
import type { EncodeResult } from '../../../drivers/receipt/encode';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import { encodeAcceptanceReceipt } from '../../../drivers/receipt/templates/acceptance-receipt';
import { infoSlipDocument } from '../../../drivers/receipt/templates/info-slip';
import { feeSlipDocument } from '../../../drivers/receipt/templates/fee-slip';
import { queueTicketDocument } from '../../../drivers/receipt/templates/queue-ticket';
import type { CollectionReceiptRequest, FeeSlipRequest, InfoSlipRequest, QueueTicketRequest, SlipOutcome, TicketPrinter } from '../flows/ports';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import type { QueueNumbers } from '../journal/queue-numbers';
import { RECEIPT_ENCODE_FAILED_KEY, RECEIPT_UNAVAILABLE_KEY, receiptMessageKey, receiptOutcome } from './receipt-messages';

export interface ReceiptTicketPrinterDeps {
  /** The managed receipt printer now (undefined when the kiosk has none). */
  printer: () => ManagedReceiptPrinter | undefined;
  queue: QueueNumbers;
  /** Printed at the top of every slip (the hall's name). */
  site: string;
  paperWidthMm: PaperWidthMm;
  timeZone?: string;
  audit?: AuditLog;
  logger: Logger;
  now?: () => Date;
}

/** Creates the adapter. */
export function createReceiptTicketPrinter(deps: ReceiptTicketPrinterDeps): TicketPrinter {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'ticket-printer' });
  const options = { paperWidthMm: deps.paperWidthMm, ...(deps.timeZone ? { timeZone: deps.timeZone } : {}) };

  /** Prints `bytes`; the journal value and, when not printed, the message key. */
  const send = async (encoded: EncodeResult, printer: ManagedReceiptPrinter): Promise<{ recorded: string; outcome: SlipOutcome }> => {
    if (!encoded.ok) return { recorded: 'encodeFailed', outcome: { kind: 'notPrinted', messageKey: RECEIPT_ENCODE_FAILED_KEY } };
    const printed = await printer.print(encoded.value);
    if (printed.ok) return { recorded: 'printed', outcome: { kind: 'printed' } };
    return { recorded: receiptOutcome(printed.error), outcome: { kind: 'notPrinted', messageKey: receiptMessageKey(printed.error) } };
  };

  return {
    async printQueueTicket(request: QueueTicketRequest) {
      const printer = deps.printer();
      if (!printer) return { kind: 'notPrinted', messageKey: RECEIPT_UNAVAILABLE_KEY };
      const ticket = deps.queue.allocate({ window: request.window, sessionId: request.sessionId, serviceId: request.serviceId });
      // The hall's calling system is not connected, so the kiosk does not know
      // how many people wait at the window: the template's count is left out
      // rather than printed wrong.
      const document = queueTicketDocument(
        { site: deps.site, window: request.window, number: ticket.number, service: request.serviceName, issuedAt: now(), ...(request.name ? { name: request.name } : {}) },
        options,
      );
      const { recorded, outcome } = await send(encodeReceipt(document, options), printer);
      deps.queue.recordOutcome(ticket, recorded);
      log.info({ sessionId: request.sessionId, window: request.window, ticketNumber: ticket.number, outcome: recorded }, 'queue ticket');
      deps.audit?.record({ actor: 'host', action: 'ticket.print', sessionId: request.sessionId, subject: ticket.number, detail: { window: request.window, outcome: recorded } });
      return outcome.kind === 'printed' ? { kind: 'printed', ticketNumber: ticket.number } : { ...outcome, ticketNumber: ticket.number };
    },
    async printCollectionReceipt(request: CollectionReceiptRequest) {
      const printer = deps.printer();
      if (!printer) return { kind: 'notPrinted', messageKey: RECEIPT_UNAVAILABLE_KEY };
      const encoded = encodeAcceptanceReceipt(
        {
          businessType: request.serviceName,
          acceptanceNumber: request.documentNumber,
          name: request.name ?? '',
          // Already masked: the template masks again, which keeps it as it is.
          idNumber: request.idNumberMasked,
          amountFen: 0,
          site: deps.site,
          acceptedAt: request.issuedAt,
          progressUrl: request.verifyCode ?? `onedoor:document/${request.documentNumber}`,
          notes: ['证明已打印，请取走A4证明文件。', ...(request.verifyCode ? [`核验码：${request.verifyCode}`] : [])],
        },
        options,
      );
      const { recorded, outcome } = await send(encoded, printer);
      log.info({ sessionId: request.sessionId, documentNumber: request.documentNumber, outcome: recorded }, 'collection receipt');
      deps.audit?.record({ actor: 'host', action: 'receipt.print', sessionId: request.sessionId, subject: request.documentNumber, detail: { outcome: recorded } });
      return outcome;
    },
    async printInfoSlip(request: InfoSlipRequest) {
      const printer = deps.printer();
      if (!printer) return { kind: 'notPrinted', messageKey: RECEIPT_UNAVAILABLE_KEY };
      const document = infoSlipDocument(
        { site: deps.site, title: request.title, lines: request.lines, ...(request.code ? { code: request.code, codeFormat: request.codeFormat ?? 'qr' } : {}), ...(request.notes ? { notes: request.notes } : {}), issuedAt: now() },
        options,
      );
      const { recorded, outcome } = await send(encodeReceipt(document, options), printer);
      log.info({ sessionId: request.sessionId, outcome: recorded }, 'information slip');
      deps.audit?.record({ actor: 'host', action: 'slip.print', sessionId: request.sessionId, subject: request.title, detail: { outcome: recorded } });
      return outcome;
    },
    async printFeeSlip(request: FeeSlipRequest) {
      const printer = deps.printer();
      if (!printer) return { kind: 'notPrinted', messageKey: RECEIPT_UNAVAILABLE_KEY };
      const document = feeSlipDocument(
        {
          site: deps.site,
          service: request.serviceName,
          items: request.items,
          totalFen: request.totalFen,
          exemption: request.exemption,
          orderNo: request.orderNo,
          channel: request.channel,
          paidAt: request.paidAt ? new Date(request.paidAt) : null,
          receipt: request.receipt,
          holderMasked: request.holderMasked,
          printedAt: now(),
        },
        options,
      );
      const { recorded, outcome } = await send(encodeReceipt(document, options), printer);
      log.info({ sessionId: request.sessionId, orderNo: request.orderNo, outcome: recorded }, 'fee slip');
      deps.audit?.record({ actor: 'host', action: 'feeSlip.print', sessionId: request.sessionId, subject: request.orderNo, detail: { outcome: recorded } });
      return outcome;
    },
  };
}
