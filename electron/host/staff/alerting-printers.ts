/**
 * Wraps the flows' printers so that every document or slip that did not
 * print raises a staff alert, whatever the service.
 */
import type { TicketPrinter } from '../flows/ports';
import type { CertificatePrinter } from '../services/no-criminal-record/certificate-printer';
import type { StaffAlerts } from './alerts';

/** The certificate printer, alerting staff when the A4 print fails. */
export function alertingCertificatePrinter(printer: CertificatePrinter, alerts: StaffAlerts): CertificatePrinter {
  const watch = async (outcome: ReturnType<CertificatePrinter['printCertificate']>) => {
    const result = await outcome;
    if (result.kind === 'notPrinted') alerts.printFailed({ deviceKind: 'a4Printer', messageKey: result.messageKey, documentNumber: result.documentNumber });
    return result;
  };
  return {
    printCertificate: (request) => watch(printer.printCertificate(request)),
    reprintCertificate: (documentNumber) => watch(printer.reprintCertificate(documentNumber)),
  };
}

/** The ticket printer, alerting staff when a queue ticket or receipt fails. */
export function alertingTicketPrinter(printer: TicketPrinter, alerts: StaffAlerts): TicketPrinter {
  return {
    async printQueueTicket(request) {
      const result = await printer.printQueueTicket(request);
      if (result.kind === 'notPrinted') alerts.printFailed({ deviceKind: 'receiptPrinter', messageKey: result.messageKey });
      return result;
    },
    async printCollectionReceipt(request) {
      const result = await printer.printCollectionReceipt(request);
      if (result.kind === 'notPrinted') alerts.printFailed({ deviceKind: 'receiptPrinter', messageKey: result.messageKey });
      return result;
    },
  };
}
