/** `idcard <command>`: dispatch to the ID card reader commands. */
import { EXIT, type ExitCode } from './exit-codes';
import { runIdCardRead } from './idcard-read';
import { runIdCardSamId, runIdCardStatus } from './idcard-sam';
import { runIdCardSimulate } from './idcard-simulate';
import type { CliIo } from './io';
import { IDCARD_HELP } from './usage';

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<ExitCode>> = {
  status: runIdCardStatus,
  samid: runIdCardSamId,
  read: runIdCardRead,
  simulate: runIdCardSimulate,
};

/** Runs `idcard …`. */
export async function runIdCard(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.err(`missing command\n\n${IDCARD_HELP}`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(IDCARD_HELP);
    return EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`unknown idcard command "${command}"\n\n${IDCARD_HELP}`);
    return EXIT.usage;
  }
  return run(rest, io);
}
