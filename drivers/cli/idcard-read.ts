/**
 * `idcard read`: waits for a card and prints exactly one JSON object on
 * stdout. Exit 0 read, 2 device error, 3 no card in time, 64 bad usage.
 * stderr carries only technical messages, never the card's contents.
 */
import type { DriverStatus } from '../device';
import { decodeAppendedAddress, describeAppendedAddressError } from '../idcard/appended-address';
import { cardToCliJson, parseCardText } from '../idcard/card-text';
import { createIdCardReader, type RawCardRead } from '../idcard/reader';
import { baudRate, describeOptionError, firstOptionError, parseOptions, positiveInt, requiredString } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { openSerial } from './serial-session';
import { IDCARD_READ_HELP } from './usage';

type Outcome =
  | { kind: 'card'; card: RawCardRead }
  | { kind: 'status'; status: DriverStatus }
  | { kind: 'timeout' }
  | { kind: 'signal'; signal: string };

/** True for statuses that mean the reader is unusable, not merely waiting. */
function isDeviceFault(status: DriverStatus): boolean {
  switch (status.kind) {
    case 'offline':
    case 'noDevice':
    case 'hardwareError':
      return true;
    case 'starting':
    case 'online':
    case 'busy':
    case 'userError':
      return false;
  }
}

/** Runs `idcard read`. */
export async function runIdCardRead(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseOptions(args, {
    port: { type: 'string' },
    baud: { type: 'string' },
    'timeout-ms': { type: 'string' },
    fingerprint: { type: 'boolean' },
  });
  if (!parsed.ok) {
    io.err(`${describeOptionError(parsed.error)}\n\n${IDCARD_READ_HELP}`);
    return EXIT.usage;
  }
  const { values } = parsed.value;
  if (values.help) {
    io.out(IDCARD_READ_HELP);
    return EXIT.ok;
  }
  const port = requiredString('port', values.port);
  const baud = baudRate('baud', values.baud);
  const timeout = positiveInt('timeout-ms', values['timeout-ms'], 30_000);
  if (!port.ok || !baud.ok || !timeout.ok) {
    const problem = firstOptionError([port, baud, timeout]);
    io.err(`${problem ? describeOptionError(problem) : 'bad options'}\n\n${IDCARD_READ_HELP}`);
    return EXIT.usage;
  }

  const transport = await openSerial(port.value, baud.value, io);
  if (!transport) return EXIT.deviceError;
  const reader = createIdCardReader(transport, {
    pollIntervalMs: 200,
    readFingerprint: values.fingerprint === true,
    autoBaud: false,
  });
  let readFailed = false;
  let settle: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
  const timer = setTimeout(() => settle({ kind: 'timeout' }), timeout.value);
  const offs = [
    reader.on('cardPresented', (card) => settle({ kind: 'card', card })),
    reader.on('cardReadFailed', (failure) => {
      readFailed = true;
      io.err(`warning: a card was found but could not be read (${failure.kind}): ${failure.message}`);
    }),
    reader.on('statusChanged', (status) => {
      if (isDeviceFault(status)) settle({ kind: 'status', status });
    }),
  ];
  void io.stopRequested().then((signal) => settle({ kind: 'signal', signal }));
  io.err(`waiting up to ${timeout.value} ms for a card on ${port.value} at ${baud.value} baud`);
  await reader.start();
  if (isDeviceFault(reader.status)) settle({ kind: 'status', status: reader.status });

  const result = await outcome;
  clearTimeout(timer);
  offs.forEach((off) => off());
  await reader.stop();
  await transport.close();

  switch (result.kind) {
    case 'card': {
      const card = parseCardText(result.card.text);
      if (!card.ok) {
        io.err(`error: the card's text block could not be parsed (${card.error.kind})`);
        return EXIT.deviceError;
      }
      // The appended address (追加住址, 30 03) only when the card has one; the prints' bytes never.
      const appended = result.card.appendedAddress ? decodeAppendedAddress(result.card.appendedAddress) : undefined;
      if (appended && !appended.ok) io.err(`warning: ${describeAppendedAddressError(appended.error)}`);
      const appendedAddress = appended?.ok && appended.value !== null ? { appendedAddress: appended.value } : {};
      const fingerprint = values.fingerprint === true ? { fingerprint: result.card.fingerprint ? 'present' : result.card.fingerprintUnreadable ? 'unreadable' : 'absent' } : {};
      io.out(JSON.stringify({ ...cardToCliJson(card.value), ...appendedAddress, ...fingerprint }));
      return EXIT.ok;
    }
    case 'status':
      io.err(
        `error: reader on ${port.value}: ${result.status.kind}${'message' in result.status ? `: ${result.status.message}` : ''}`,
      );
      return EXIT.deviceError;
    case 'timeout':
      if (readFailed) {
        io.err('error: a card was presented but could not be read');
        return EXIT.deviceError;
      }
      io.err(`no card within ${timeout.value} ms`);
      return EXIT.noCard;
    case 'signal':
      io.err(`interrupted (${result.signal})`);
      return EXIT.noCard;
  }
}
