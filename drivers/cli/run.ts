/** The CLI's top level: `<kind> <command> [options]`, testable without a process. */
import { EXIT, type ExitCode } from './exit-codes';
import { runFingerprint } from './fingerprint';
import { runIdCard } from './idcard';
import type { CliIo } from './io';
import { runPorts } from './ports';
import { runReceipt } from './receipt';
import { ROOT_HELP } from './usage';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never rejects. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [kind, ...rest] = argv;
  try {
    switch (kind) {
      case undefined:
        io.err(`missing kind\n\n${ROOT_HELP}`);
        return EXIT.usage;
      case '--help':
      case '-h':
      case 'help':
        io.out(ROOT_HELP);
        return EXIT.ok;
      case 'ports':
        return await runPorts(rest, io);
      case 'idcard':
        return await runIdCard(rest, io);
      case 'receipt':
        return await runReceipt(rest, io);
      case 'fingerprint':
        return await runFingerprint(rest, io);
      case 'endorsement':
        // Loaded on demand: the other kinds' processes start without the writer's modules.
        return await (await import('./endorsement')).runEndorsement(rest, io);
      default:
        io.err(`unknown kind "${kind}"\n\n${ROOT_HELP}`);
        return EXIT.usage;
    }
  } catch (error) {
    io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}
