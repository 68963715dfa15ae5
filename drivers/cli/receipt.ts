/** `receipt <command>`: dispatch to the receipt printer commands. Register in run.ts as `case 'receipt': return await runReceipt(rest, io);`. */
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { runReceiptSimulate } from './receipt-simulate';
import { runReceiptStatus } from './receipt-status';
import { runReceiptTest } from './receipt-test';
import { RECEIPT_HELP } from './receipt-usage';

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<ExitCode>> = {
  status: runReceiptStatus,
  test: runReceiptTest,
  simulate: runReceiptSimulate,
};

/** Runs `receipt …`. */
export async function runReceipt(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.err(`missing command\n\n${RECEIPT_HELP}`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(RECEIPT_HELP);
    return EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`unknown receipt command "${command}"\n\n${RECEIPT_HELP}`);
    return EXIT.usage;
  }
  return run(rest, io);
}
