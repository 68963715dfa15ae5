/** `receipt status`: the printer's real-time status as one JSON object or one line of text. */
import { createReceiptPrinter } from '../receipt/printer';
import { canPrint, type PrinterStatus } from '../receipt/status';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { parsePrinterOptions } from './receipt-options';
import { RECEIPT_STATUS_HELP } from './receipt-usage';
import { openSerial } from './serial-session';

/** The JSON `receipt status --json` prints. */
export function statusJson(status: PrinterStatus): Record<string, unknown> {
  return {
    online: status.online,
    paper: status.paper,
    coverOpen: status.coverOpen,
    error: status.error,
    cutterError: status.cutterError,
    unrecoverable: status.unrecoverable,
    autoRecoverable: status.autoRecoverable,
    stoppedByPaperEnd: status.stoppedByPaperEnd,
    raw: status.raw.map((b) => `0x${b.toString(16).padStart(2, '0')}`),
  };
}

function describe(status: PrinterStatus): string {
  const paper = { ok: '纸充足 paper ok', low: '纸将尽 paper low', out: '缺纸 paper out' }[status.paper];
  const parts = [status.online ? '在线 online' : '离线 offline', paper];
  if (status.coverOpen) parts.push('纸仓盖打开 cover open');
  if (status.cutterError) parts.push('切刀故障 cutter error');
  if (status.unrecoverable) parts.push('不可恢复错误 unrecoverable error');
  if (status.autoRecoverable) parts.push('可自动恢复错误 auto-recoverable error');
  return parts.join('; ');
}

/** Runs `receipt status`. */
export async function runReceiptStatus(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = parsePrinterOptions(args, RECEIPT_STATUS_HELP, io, { json: true });
  if (typeof options === 'number') return options;
  const transport = await openSerial(options.port, options.baud, io);
  if (!transport) return EXIT.deviceError;
  // A one-shot check: a query left unanswered means the printer is not there.
  const printer = createReceiptPrinter(transport, { statusPollMs: 0, replyTimeoutMs: options.timeoutMs, unansweredBeforeDown: 1 });
  try {
    const answer = await printer.start().then(() => printer.printerStatus);
    if (!answer) {
      const s = printer.status;
      io.err(`error: printer on ${options.port} at ${options.baud} baud: ${s.kind}${'message' in s ? `: ${s.message}` : ''}`);
      return EXIT.deviceError;
    }
    io.out(options.json ? JSON.stringify(statusJson(answer)) : describe(answer));
    return canPrint(answer) ? EXIT.ok : EXIT.deviceError;
  } finally {
    await printer.stop();
    await transport.close();
  }
}
