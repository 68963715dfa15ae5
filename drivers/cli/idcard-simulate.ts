/** `idcard simulate`: a GA 467 reader with a sample card, on a serial port or pty, until a signal. */
import { loadSampleCard } from '../idcard/sample-cards';
import { createIdCardSimulator } from '../idcard/simulator';
import { createSerialTransport } from '../transport/serial';
import { baudRate, describeOptionError, firstOptionError, parseOptions, requiredString } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { IDCARD_SIMULATE_HELP } from './usage';

/** Runs `idcard simulate`. Resolves after SIGINT/SIGTERM (as `io.stopRequested`). */
export async function runIdCardSimulate(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseOptions(args, {
    port: { type: 'string' },
    card: { type: 'string' },
    'pace-baud': { type: 'string' },
  });
  if (!parsed.ok) {
    io.err(`${describeOptionError(parsed.error)}\n\n${IDCARD_SIMULATE_HELP}`);
    return EXIT.usage;
  }
  const { values } = parsed.value;
  if (values.help) {
    io.out(IDCARD_SIMULATE_HELP);
    return EXIT.ok;
  }
  const port = requiredString('port', values.port);
  const cardName = requiredString('card', values.card);
  const pace = baudRate('pace-baud', values['pace-baud']);
  if (!port.ok || !cardName.ok || !pace.ok) {
    const problem = firstOptionError([port, cardName, pace]);
    io.err(`${problem ? describeOptionError(problem) : 'bad options'}\n\n${IDCARD_SIMULATE_HELP}`);
    return EXIT.usage;
  }
  const sample = loadSampleCard(cardName.value);
  if (!sample.ok) {
    // The loader's messages name files and fields, never card contents.
    io.err(`error: card ${cardName.value}: ${sample.error.kind}: ${sample.error.message}`);
    return EXIT.usage;
  }

  const stop = io.stopRequested();
  const transport = createSerialTransport({ path: port.value, baudRate: 115_200 });
  const simulator = createIdCardSimulator(transport, { paceBaud: pace.value });
  const started = await simulator.start();
  if (!started.ok) {
    io.err(`error: cannot open ${port.value} (${started.error.kind}): ${started.error.message}`);
    return EXIT.deviceError;
  }
  const { text, photo, appendedAddress, fingerprint } = sample.value;
  simulator.placeCard({ text, photo, ...(appendedAddress ? { appendedAddress } : {}), ...(fingerprint ? { fingerprint } : {}) });
  let gone = false;
  const offGone = transport.on('disconnected', (reason) => {
    gone = true;
    io.err(`error: ${port.value} went away: ${reason.message}`);
  });
  io.err(`simulating an ID card reader on ${port.value} (paced at ${pace.value} baud); card placed; stop with Ctrl-C`);
  const ended = await Promise.race([
    stop,
    new Promise<'disconnected'>((resolve) => {
      transport.on('disconnected', () => resolve('disconnected'));
    }),
  ]);
  offGone();
  await simulator.stop();
  io.err(`simulator stopped (${ended})`);
  return gone ? EXIT.deviceError : EXIT.ok;
}
