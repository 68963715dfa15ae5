/** `a4 <command>`: the A4 printer's diagnostics (status, test page). */
import { EXIT, type ExitCode } from '../../../../drivers/cli/exit-codes';
import type { CliIo } from '../../../../drivers/cli/io';
import { defaultA4CliDeps, type A4CliDeps } from './a4-deps';
import { runA4Status } from './a4-status';
import { runA4Test } from './a4-test';
import { A4_HELP } from './a4-usage';

/** Runs `a4 <command> [options]` (argv after `a4`). */
export async function runA4(
  args: readonly string[],
  io: CliIo,
  deps: A4CliDeps = defaultA4CliDeps(),
): Promise<ExitCode> {
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
      io.err(`missing command\n\n${A4_HELP}`);
      return EXIT.usage;
    case '--help':
    case '-h':
    case 'help':
      io.out(A4_HELP);
      return EXIT.ok;
    case 'status':
      return runA4Status(rest, io, deps);
    case 'test':
      return runA4Test(rest, io, deps);
    default:
      io.err(`unknown command "a4 ${command}"\n\n${A4_HELP}`);
      return EXIT.usage;
  }
}
