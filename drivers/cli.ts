/**
 * OneDoor device diagnostics for installers:
 *   npx tsx drivers/cli.ts <kind> <command> [options]   (or: npm run device -- …)
 * See drivers/cli/usage.ts for the commands and exit codes.
 */
import { pathToFileURL } from 'node:url';
import { processIo } from './cli/io';
import { runCli } from './cli/run';

export { runCli } from './cli/run';
export { EXIT } from './cli/exit-codes';
export type { CliIo } from './cli/io';

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const code = await runCli(process.argv.slice(2), processIo());
  // Let stdout drain, then leave even if a native handle lingers.
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
