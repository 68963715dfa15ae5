/** Option parsing shared by `receipt status` and `receipt test`. */
import { ok } from '../../domain/result';
import type { PaperWidthMm } from '../receipt/paper';
import { baudRate, describeOptionError, firstOptionError, oneOfOption, parseOptions, positiveInt, type OptionResult, requiredString } from './args';
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
export function paperWidth(raw: string | boolean | undefined): OptionResult<PaperWidthMm> {
  const width = oneOfOption('paper-width', raw, ['58', '80'], '80');
  return width.ok ? ok(width.value === '58' ? 58 : 80) : width;
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
    io.err(`${describeOptionError(parsed.error)}\n\n${help}`);
    return EXIT.usage;
  }
  const { values } = parsed.value;
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  const port = requiredString('port', values.port);
  const baud = baudRate('baud', values.baud);
  const timeout = positiveInt('timeout-ms', values['timeout-ms'], 1000);
  const width = paperWidth(values['paper-width']);
  if (!port.ok || !baud.ok || !timeout.ok || !width.ok) {
    const problem = firstOptionError([port, baud, timeout, width]);
    io.err(`${problem ? describeOptionError(problem) : 'bad options'}\n\n${help}`);
    return EXIT.usage;
  }
  return { port: port.value, baud: baud.value, timeoutMs: timeout.value, json: values.json === true, paperWidthMm: width.value };
}
