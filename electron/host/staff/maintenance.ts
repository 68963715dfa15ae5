/**
 * What an officer does to the kiosk from the maintenance screen: test prints
 * (a receipt and an A4 page, neither with personal data), the one reprint of
 * today's last document (the documents module's own reprint: same number,
 * same bytes, at most once), a device restart (the manager's device, stopped
 * and started again) and the diagnostics (the device CLI's checks, run on the
 * devices the host already holds, without shelling out: `receipt status`,
 * `a4 status`, `idcard samid`, `fingerprint info`, `endorsement readers`
 * (device-probes.ts), `payment check` and `hall check` (hall-diagnostic.ts)).
 * The A4 printer is a CUPS queue: its
 * "restart" asks the queue again; the cameras are the screen's: it checks
 * them again itself.
 */
import type { DeviceStatus } from '../../contract';
import type { DiagnosticCheck, PrintResult, ReprintResult } from '../../contract/staff';
import type { ManagedDevice } from '../../../drivers/manager/managed-device';
import type { ManagedReceiptPrinter } from '../../../drivers/manager/receipt-device';
import { encodeTestReceipt } from '../../../drivers/receipt/templates/test-receipt';
import { canPrint } from '../../../drivers/receipt/status';
import { statusJson } from '../../../drivers/cli/receipt-status';
import type { PaperWidthMm } from '../../../drivers/receipt/paper';
import type { DocumentService } from '../issued/document-service';
import { testPageDocument } from '../printing/test-page';
import { RECEIPT_ENCODE_FAILED_KEY, RECEIPT_UNAVAILABLE_KEY, receiptMessageKey } from '../printing/receipt-messages';
import type { A4Check } from '../printing/a4-check';
import type { PaymentCheckReport } from '../payment/cli/payment-cli';
import type { DeviceProbe } from './device-probes';
import type { StaffJournal } from './staff-journal';
import { TEST_PAGE_KIND } from './staff-journal';

export interface MaintenanceDeps {
  kioskId: string;
  timeZone: string;
  now: () => Date;
  devices: () => readonly DeviceStatus[];
  /** The manager's device by id (restart, receipt printer). */
  device: (id: string) => ManagedDevice | undefined;
  receiptPrinter: () => ManagedReceiptPrinter | undefined;
  paperWidthMm: PaperWidthMm;
  documents: DocumentService;
  journal: StaffJournal;
  /** The A4 printer's CUPS queue: the CLI's `a4 status`, and a re-probe for its "restart". */
  a4?: { id: string; check(): Promise<A4Check>; reprobe(): Promise<unknown> };
  /** The CLI's `payment check` on the configured payment service. */
  payment?: () => Promise<{ report: PaymentCheckReport; text: string }>;
  /** The screen's cameras' device ids (the renderer opens them). */
  cameraIds?: readonly string[];
  /** The CLI's check of a device kind it has one for (ID card reader, fingerprint scanner, endorsement writer). */
  probe?: (status: DeviceStatus) => Promise<DeviceProbe | undefined>;
  /** The CLI's `hall check` with the live link's state and last contact. */
  hall?: () => Promise<DiagnosticCheck>;
}

export type RestartOutcome = 'restarted' | 'reprobed' | 'checkOnScreen' | 'unknownDevice';

/** The id the payment service's check has in the diagnostics (it is no device). */
export const PAYMENT_CHECK_ID = 'payment';

export interface Maintenance {
  testPrint(target: 'receipt' | 'a4'): Promise<PrintResult>;
  reprintLast(): Promise<ReprintResult>;
  restart(deviceId: string): Promise<RestartOutcome>;
  diagnose(): Promise<DiagnosticCheck[]>;
}

export function createMaintenance(deps: MaintenanceDeps): Maintenance {
  const receiptTest = async (): Promise<PrintResult> => {
    const printer = deps.receiptPrinter();
    if (!printer) return { outcome: 'notPrinted', messageKey: RECEIPT_UNAVAILABLE_KEY };
    const bytes = encodeTestReceipt(deps.now(), { paperWidthMm: deps.paperWidthMm });
    if (!bytes.ok) return { outcome: 'notPrinted', messageKey: RECEIPT_ENCODE_FAILED_KEY };
    const printed = await printer.print(bytes.value);
    return printed.ok
      ? { outcome: 'printed' }
      : { outcome: 'notPrinted', messageKey: receiptMessageKey(printed.error) };
  };

  const a4Test = async (): Promise<PrintResult> => {
    // A session of its own, so the page's PDF goes as soon as it printed.
    const sessionId = `staff-test-${deps.now().getTime()}`;
    const page = testPageDocument(deps.now(), deps.kioskId, deps.timeZone);
    const issued = await deps.documents.issue(sessionId, {
      kind: TEST_PAGE_KIND,
      template: page.template,
      vars: page.vars,
    });
    if (!issued.ok) return { outcome: 'notPrinted', messageKey: 'staff.print.testPageFailed' };
    try {
      const printed = await deps.documents.print(issued.value.number);
      if (!printed.ok) return { outcome: 'notPrinted', messageKey: printed.error.messageKey };
      return printed.value.kind === 'completed'
        ? { outcome: 'printed' }
        : { outcome: 'notPrinted', messageKey: printed.value.messageKey };
    } finally {
      await deps.documents.endSession(sessionId);
    }
  };

  return {
    testPrint: (target) => (target === 'receipt' ? receiptTest() : a4Test()),
    async reprintLast() {
      const document = deps.journal.lastDocument();
      if (!document) return { outcome: 'refused', reason: 'noDocumentToday', document: null };
      if (document.reprinted) return { outcome: 'refused', reason: 'reprintUsed', document };
      const printed = await deps.documents.reprint(document.number);
      if (!printed.ok) {
        const kind = printed.error.kind;
        return { outcome: 'refused', reason: kind === 'reprintUsed' ? 'reprintUsed' : 'fileGone', document };
      }
      const after = { ...document, reprinted: true };
      return printed.value.kind === 'completed'
        ? { outcome: 'reprinted', document: after }
        : { outcome: 'notPrinted', document: after, messageKey: printed.value.messageKey };
    },
    async restart(deviceId) {
      if (deps.a4 && deps.a4.id === deviceId) {
        await deps.a4.reprobe();
        return 'reprobed';
      }
      if (deps.cameraIds?.includes(deviceId)) return 'checkOnScreen';
      const device = deps.device(deviceId);
      if (!device) return 'unknownDevice';
      await device.stop();
      await device.start();
      return 'restarted';
    },
    async diagnose() {
      const checks: DiagnosticCheck[] = [];
      for (const status of deps.devices()) {
        const lines = [
          `${status.state}${status.media ? ` / ${status.media}` : ''}`,
          ...(status.detail ? [status.detail] : []),
        ];
        let ok = status.state === 'online' || status.state === 'busy';
        let summaryKey = ok ? 'staff.check.deviceOk' : 'staff.check.deviceProblem';
        const printer = deps.receiptPrinter();
        // The CLI's `receipt status`: the printer's real-time status, asked now.
        if (status.kind === 'receiptPrinter' && printer && printer.id === status.id) {
          const answer = await printer.queryStatus();
          if (answer.ok) {
            ok = canPrint(answer.value);
            lines.push(JSON.stringify(statusJson(answer.value)));
          } else {
            ok = false;
            lines.push(`${answer.error.kind}: ${answer.error.message}`);
          }
          summaryKey = ok ? 'staff.check.receiptReady' : 'staff.check.receiptNotReady';
        }
        // The CLI's `a4 status`: the CUPS queue's state and reasons, asked now.
        if (deps.a4 && status.id === deps.a4.id) {
          const answer = await deps.a4.check();
          ok = answer.ready;
          lines.push(...answer.lines);
          summaryKey = ok ? 'staff.check.a4Ready' : 'staff.check.a4NotReady';
        }
        const probed = await deps.probe?.(status);
        if (probed) {
          ok = probed.ok;
          lines.push(...probed.lines);
          summaryKey = probed.summaryKey;
        }
        if (deps.cameraIds?.includes(status.id)) summaryKey = ok ? 'staff.check.cameraOk' : 'staff.check.cameraProblem';
        checks.push({ deviceId: status.id, kind: status.kind, ok, lines: lines.slice(0, 40).map((line) => line.slice(0, 400)), summaryKey });
      }
      // The queue is checked even when the device list does not show the A4 printer.
      if (deps.a4 && !checks.some((check) => check.deviceId === deps.a4?.id)) {
        const answer = await deps.a4.check();
        checks.push({
          deviceId: deps.a4.id,
          kind: 'a4Printer',
          ok: answer.ready,
          lines: answer.lines.slice(0, 40).map((line) => line.slice(0, 400)),
          summaryKey: answer.ready ? 'staff.check.a4Ready' : 'staff.check.a4NotReady',
        });
      }
      // The CLI's `payment check`: today's signed statement from the payment service.
      if (deps.payment) {
        const { report, text } = await deps.payment().catch((error: unknown) => ({
          report: { ok: false },
          text: `payment check failed: ${error instanceof Error ? error.message : String(error)}`,
        }));
        checks.push({
          deviceId: PAYMENT_CHECK_ID,
          kind: 'payment',
          ok: report.ok,
          lines: [text.slice(0, 400)],
          summaryKey: report.ok ? 'staff.check.paymentOk' : 'staff.check.paymentFailed',
        });
      }
      if (deps.hall) checks.push(await deps.hall());
      return checks;
    },
  };
}
