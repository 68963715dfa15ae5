/**
 * Stand-alone entry for the receipt commands, usable before (and besides) the
 * `receipt` kind is registered in drivers/cli/run.ts:
 *   npx tsx drivers/cli/receipt-main.ts <status|test|simulate> [options]
 */
import { pathToFileURL } from 'node:url';
import { processIo } from './io';
import { runReceipt } from './receipt';

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const code = await runReceipt(process.argv.slice(2), processIo()).catch((error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
