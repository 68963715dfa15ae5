/**
 * OneDoor device diagnostics for installers, host edition:
 *   npm run --silent device -- <kind> <command> [options]
 *   node --import tsx electron/host/device-cli.ts <kind> <command> [options]
 * Handles `a4` (the CUPS A4 printer, which lives in the host), `payment`
 * (the payment service's link and signature) and `hall` (the hall link) itself and
 * hands every other kind to the drivers' CLI (drivers/cli/run.ts), with the
 * same exit codes: 0 ok, 2 device error, 64 bad usage.
 */
import { pathToFileURL } from 'node:url';
import { EXIT, type ExitCode } from '../../drivers/cli/exit-codes';
import { processIo, type CliIo } from '../../drivers/cli/io';
import { runCli } from '../../drivers/cli/run';
import { ROOT_HELP } from '../../drivers/cli/usage';
import { runA4 } from './printing/cli/a4-cli';
import type { A4CliDeps } from './printing/cli/a4-deps';
import { A4_KIND_LINE } from './printing/cli/a4-usage';
import { PAYMENT_KIND_LINE, runPayment, type PaymentCliDeps } from './payment/cli/payment-cli';
import { defaultPaymentCliDeps } from './payment/cli/payment-deps';
import { HALL_KIND_LINE, runHall, type HallCliDeps } from './hall-link/hall-cli';

/** The drivers' root help with `a4` among the kinds and this entry's path. */
export function rootHelp(): string {
  const lines = ROOT_HELP.replace('npx tsx drivers/cli.ts', 'npx tsx electron/host/device-cli.ts').split('\n');
  const kinds = lines.indexOf('Kinds:');
  const end = kinds < 0 ? -1 : lines.findIndex((line, i) => i > kinds && line.trim() === '');
  if (end < 0) return `${lines.join('\n')}\n\nAlso:\n${A4_KIND_LINE}\n${PAYMENT_KIND_LINE}\n${HALL_KIND_LINE}`;
  lines.splice(end, 0, A4_KIND_LINE, PAYMENT_KIND_LINE, HALL_KIND_LINE);
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never rejects. */
export async function runDeviceCli(argv: readonly string[], io: CliIo, a4Deps?: A4CliDeps, paymentDeps?: PaymentCliDeps, hallDeps?: HallCliDeps): Promise<ExitCode> {
  const [kind, ...rest] = argv;
  try {
    switch (kind) {
      case undefined:
        io.err(`missing kind\n\n${rootHelp()}`);
        return EXIT.usage;
      case '--help':
      case '-h':
      case 'help':
        io.out(rootHelp());
        return EXIT.ok;
      case 'a4':
        return await runA4(rest, io, a4Deps);
      case 'payment':
        return await runPayment(rest, io, paymentDeps ?? defaultPaymentCliDeps());
      case 'hall':
        return await runHall(rest, io, hallDeps);
      default:
        return await runCli(argv, io);
    }
  } catch (error) {
    io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const code = await runDeviceCli(process.argv.slice(2), processIo());
  // Let stdout drain, then leave even if a native handle lingers.
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
