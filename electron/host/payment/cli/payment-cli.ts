/**
 * `payment check`: can this kiosk reach its payment service, and does the
 * service sign with the key the kiosk trusts? Asks for today's day
 * statement (a signed answer that creates nothing: no order, no money),
 * verifies its signature and reports the latency. Exit codes as the
 * diagnostics CLI's: 0 ok, 2 the service failed, 64 bad usage.
 */
import { parseArgs } from 'node:util';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import type { Result } from '../../../../domain/result';
import { EXIT, type ExitCode } from '../../../../drivers/cli/exit-codes';
import type { CliIo } from '../../../../drivers/cli/io';
import type { PaymentPort } from '../payment-port';

export const PAYMENT_KIND_LINE = '  payment                the payment service (config `payment`): check the link and its signature';

export const PAYMENT_HELP = `Usage: payment check [--config FILE] [--json]

Asks the configured payment service for today's day statement (signed; no
order is created), verifies the signature with the key the kiosk trusts and
reports the latency.

Options:
  --config FILE          the kiosk config (default $ONEDOOR_CONFIG, then the usual places)
  --json                 print one JSON object: {ok, service, date, orders, latencyMs, failure}
  -h, --help             show this help

Exit codes: 0 the service answered, signed by its key; 2 unreachable, timed
out, or an answer not signed by the configured key; 64 bad usage.`;

/** The payment service the config names, as the check sees it. */
export interface CheckedService {
  port: PaymentPort;
  /** What it is, for people: "sandbox (embedded)", "https://pay.example". */
  describe: string;
  timeZone: string;
}

export interface PaymentCliDeps {
  service(configPath: string | undefined): Promise<Result<CheckedService, string>>;
  now(): Date;
  /** Milliseconds, monotonic. */
  clock(): number;
}

export async function runPayment(args: readonly string[], io: CliIo, deps: PaymentCliDeps): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.err : io.out)(command === undefined ? `missing command\n\n${PAYMENT_HELP}` : PAYMENT_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command !== 'check') {
    io.err(`unknown command "payment ${command}"\n\n${PAYMENT_HELP}`);
    return EXIT.usage;
  }
  let values: { config?: string; json?: boolean; help?: boolean };
  try {
    values = parseArgs({ args: [...rest], options: { config: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${PAYMENT_HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    io.out(PAYMENT_HELP);
    return EXIT.ok;
  }
  const service = await deps.service(values.config);
  if (!service.ok) {
    io.err(`payment: ${service.error}`);
    return EXIT.deviceError;
  }
  const { report, text } = await checkPaymentService(service.value, deps);
  io.out(values.json ? JSON.stringify(report) : text);
  return report.ok ? EXIT.ok : EXIT.deviceError;
}

/** What `payment check` reports: `--json`'s object. */
export interface PaymentCheckReport {
  ok: boolean;
  service: string;
  date: string;
  orders: number | null;
  latencyMs: number;
  failure: string | null;
}

/** The check itself (the CLI's and the staff screen's): today's signed statement, its latency, and the CLI's line. */
export async function checkPaymentService(
  service: CheckedService,
  deps: Pick<PaymentCliDeps, 'now' | 'clock'>,
): Promise<{ report: PaymentCheckReport; text: string }> {
  const { port, describe, timeZone } = service;
  const date = zonedIsoDate(deps.now(), timeZone);
  const started = deps.clock();
  const statement = await port.statement(date, timeZone);
  const latencyMs = Math.round(deps.clock() - started);
  const report: PaymentCheckReport = {
    ok: statement.ok,
    service: describe,
    date,
    orders: statement.ok ? statement.value.orders.length : null,
    latencyMs,
    failure: statement.ok ? null : statement.error.kind,
  };
  const text = statement.ok
    ? `payment service ${describe}: ok, signature verified; statement ${date}: ${statement.value.orders.length} orders; ${latencyMs} ms`
    : `payment service ${describe}: ${statement.error.kind}${statement.error.kind === 'badSignature' ? ' (the answer is not signed by the configured payment.publicKey)' : ''}; ${latencyMs} ms`;
  return { report, text };
}
