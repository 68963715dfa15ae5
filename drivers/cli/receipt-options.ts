/** Option parsing shared by `receipt status` and `receipt test`. */
import type { PaperWidthMm } from '../receipt/paper';
import { baudRate, parseOptions, positiveInt, requiredString } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';

/** Options of a command talking to a real printer. */
export interface PrinterCommandOptions {
  port: string;
  baud: number;
  timeoutMs: number;
  json: boolean;
  paperWidthMm: PaperWidthMm;
}

/** Reads `--paper-width`: 58 or 80, default 80. */
export function paperWidth(raw: string | boolean | undefined): { ok: true; value: PaperWidthMm } | { ok: false; error: string } {
  if (raw === undefined) return { ok: true, value: 80 };
  if (raw === '58' || raw === '80') return { ok: true, value: raw === '58' ? 58 : 80 };
  return { ok: false, error: `--paper-width must be 58 or 80, got ${String(raw)}` };
}

/** Parses the options; an exit code (after printing help or a usage error) when the command should end. */
export function parsePrinterOptions(args: readonly string[], help: string, io: CliIo, extra: { json?: boolean; paperWidth?: boolean }): PrinterCommandOptions | ExitCode {
  const parsed = parseOptions(args, {
    port: { type: 'string' },
    baud: { type: 'string' },
    'timeout-ms': { type: 'string' },
    ...(extra.json ? { json: { type: 'boolean' as const } } : {}),
    ...(extra.paperWidth ? { 'paper-width': { type: 'string' as const } } : {}),
  });
  if (!parsed.ok) {
    io.err(`${parsed.error}\n\n${help}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(help);
    return EXIT.ok;
  }
  const port = requiredString('port', parsed.values.port);
  const baud = baudRate('baud', parsed.values.baud);
  const timeout = positiveInt('timeout-ms', parsed.values['timeout-ms'], 1000);
  const width = paperWidth(parsed.values['paper-width']);
  if (!port.ok || !baud.ok || !timeout.ok || !width.ok) {
    const problem = [port, baud, timeout, width].find((r) => !r.ok);
    io.err(`${problem && !problem.ok ? problem.error : 'bad options'}\n\n${help}`);
    return EXIT.usage;
  }
  return { port: port.value, baud: baud.value, timeoutMs: timeout.value, json: parsed.values.json === true, paperWidthMm: width.value };
}
