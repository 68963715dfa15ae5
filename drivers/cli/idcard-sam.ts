/** `idcard status` and `idcard samid`: one SAM command each, answered in Chinese and English. */
import { encodeNamedCommand } from '../idcard/commands';
import { formatSamId } from '../idcard/sam-id';
import { describeSw3, SW3 } from '../idcard/status-codes';
import { baudRate, describeOptionError, parseOptions, positiveInt, requiredString } from './args';
import { exchange } from './exchange';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { openSerial } from './serial-session';
import { IDCARD_SAMID_HELP, IDCARD_STATUS_HELP } from './usage';

const hex = (code: number): string => `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;

interface SamOptions {
  port: string;
  baud: number;
  timeoutMs: number;
  json: boolean;
}

function parseSamOptions(args: readonly string[], help: string, io: CliIo): SamOptions | ExitCode {
  const parsed = parseOptions(args, {
    port: { type: 'string' },
    baud: { type: 'string' },
    'timeout-ms': { type: 'string' },
    json: { type: 'boolean' },
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
  const timeout = positiveInt('timeout-ms', values['timeout-ms'], 2000);
  for (const r of [port, baud, timeout]) {
    if (!r.ok) {
      io.err(`${describeOptionError(r.error)}\n\n${help}`);
      return EXIT.usage;
    }
  }
  if (!port.ok || !baud.ok || !timeout.ok) return EXIT.usage;
  return { port: port.value, baud: baud.value, timeoutMs: timeout.value, json: values.json === true };
}

/** Runs `idcard status`. */
export async function runIdCardStatus(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = parseSamOptions(args, IDCARD_STATUS_HELP, io);
  if (typeof options === 'number') return options;
  const transport = await openSerial(options.port, options.baud, io);
  if (!transport) return EXIT.deviceError;
  try {
    const answer = await exchange(transport, encodeNamedCommand('samStatus'), options.timeoutMs);
    if (!answer.ok) {
      io.err(`error: reader on ${options.port} at ${options.baud} baud: ${answer.error.message}`);
      return EXIT.deviceError;
    }
    const status = describeSw3(answer.value.sw3);
    if (options.json)
      io.out(JSON.stringify({ sw3: answer.value.sw3, kind: status.kind, zh: status.zh, en: status.en }));
    else io.out(`SAM status ${hex(status.code)}: ${status.zh} (${status.en})`);
    return answer.value.sw3 === SW3.success ? EXIT.ok : EXIT.deviceError;
  } finally {
    await transport.close();
  }
}

/** Runs `idcard samid`. */
export async function runIdCardSamId(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = parseSamOptions(args, IDCARD_SAMID_HELP, io);
  if (typeof options === 'number') return options;
  const transport = await openSerial(options.port, options.baud, io);
  if (!transport) return EXIT.deviceError;
  try {
    const answer = await exchange(transport, encodeNamedCommand('samId'), options.timeoutMs);
    if (!answer.ok) {
      io.err(`error: reader on ${options.port} at ${options.baud} baud: ${answer.error.message}`);
      return EXIT.deviceError;
    }
    if (answer.value.sw3 !== SW3.success) {
      const status = describeSw3(answer.value.sw3);
      io.err(`error: SAM ID refused, SW3 ${hex(status.code)}: ${status.zh} (${status.en})`);
      return EXIT.deviceError;
    }
    const samId = formatSamId(answer.value.data);
    if (samId === undefined) {
      io.err(`error: SAM ID answer carries ${answer.value.data.length} bytes, expected 16`);
      return EXIT.deviceError;
    }
    if (options.json) io.out(JSON.stringify({ samId }));
    else io.out(samId);
    return EXIT.ok;
  } finally {
    await transport.close();
  }
}
