/**
 * Wraps the flows' printers so that every document or slip that did not
 * print raises a staff alert, whatever the service.
 */
import type { TicketPrinter } from '../flows/ports';
import type { DocumentDesk } from '../flows/library/kit';
import type { StaffAlerts } from './alerts';

/** The A4 document desk, alerting staff when a print fails. */
export function alertingDocumentDesk(desk: DocumentDesk, alerts: StaffAlerts): DocumentDesk {
  const watch = async (outcome: ReturnType<DocumentDesk['reprint']>) => {
    const result = await outcome;
    if (result.kind === 'notPrinted') alerts.printFailed({ deviceKind: 'a4Printer', messageKey: result.messageKey, documentNumber: result.documentNumber });
    return result;
  };
  return {
    issueAndPrint: (sessionId, request) => watch(desk.issueAndPrint(sessionId, request)),
    reprint: (documentNumber) => watch(desk.reprint(documentNumber)),
  };
}

/** The ticket printer, alerting staff when a queue ticket or slip fails. */
export function alertingTicketPrinter(printer: TicketPrinter, alerts: StaffAlerts): TicketPrinter {
  const watch = async <T extends { kind: string; messageKey?: string }>(outcome: Promise<T>): Promise<T> => {
    const result = await outcome;
    if (result.kind === 'notPrinted' && result.messageKey) alerts.printFailed({ deviceKind: 'receiptPrinter', messageKey: result.messageKey });
    return result;
  };
  return {
    printQueueTicket: (request) => watch(printer.printQueueTicket(request)),
    printCollectionReceipt: (request) => watch(printer.printCollectionReceipt(request)),
    printInfoSlip: (request) => watch(printer.printInfoSlip(request)),
    printFeeSlip: (request) => watch(printer.printFeeSlip(request)),
  };
}
