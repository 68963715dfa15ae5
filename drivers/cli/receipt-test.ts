/** `receipt test`: prints the test receipt, or refuses (in Chinese and English) when the printer cannot print. */
import { describePrintFailure } from '../receipt/print-failure';
import { createReceiptPrinter } from '../receipt/printer';
import { encodeTestReceipt } from '../receipt/templates/test-receipt';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { parsePrinterOptions } from './receipt-options';
import { RECEIPT_TEST_HELP } from './receipt-usage';
import { openSerial } from './serial-session';

/** Runs `receipt test`. */
export async function runReceiptTest(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = parsePrinterOptions(args, RECEIPT_TEST_HELP, io, { paperWidth: true });
  if (typeof options === 'number') return options;
  const bytes = encodeTestReceipt(new Date(), { paperWidthMm: options.paperWidthMm });
  if (!bytes.ok) {
    io.err(`internal error: the test receipt does not encode: ${bytes.error.message}`);
    return EXIT.internal;
  }
  const transport = await openSerial(options.port, options.baud, io);
  if (!transport) return EXIT.deviceError;
  // A one-shot check: a query left unanswered means the printer is not there.
  const printer = createReceiptPrinter(transport, { statusPollMs: 0, replyTimeoutMs: options.timeoutMs, unansweredBeforeDown: 1 });
  try {
    await printer.start();
    const printed = await printer.print(bytes.value);
    if (!printed.ok) {
      const text = describePrintFailure(printed.error);
      io.err(`error: ${text.zh} (${text.en})`);
      return EXIT.deviceError;
    }
    io.out(`测试页已打印 (test receipt printed, ${bytes.value.length} bytes)`);
    return EXIT.ok;
  } finally {
    await printer.stop();
    await transport.close();
  }
}
