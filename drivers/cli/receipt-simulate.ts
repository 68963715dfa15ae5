/** `receipt simulate`: an ESC/POS receipt printer on a serial port or pty, logging receipts to stderr, until a signal. */
import { PAPER_LAYOUTS } from '../receipt/paper';
import { createReceiptSimulator, formatPrintedReceipt } from '../receipt/simulator';
import type { PaperState } from '../receipt/status';
import { createSerialTransport } from '../transport/serial';
import { describeOptionError, firstOptionError, oneOfOption, parseOptions, positiveInt, requiredString } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { paperWidth } from './receipt-options';
import { RECEIPT_SIMULATE_HELP } from './receipt-usage';

const PAPER_STATES: readonly PaperState[] = ['ok', 'low', 'out'];

/** Runs `receipt simulate`. Resolves after SIGINT/SIGTERM (as `io.stopRequested`) or when the port goes away. */
export async function runReceiptSimulate(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseOptions(args, {
    port: { type: 'string' },
    paper: { type: 'string' },
    cover: { type: 'string' },
    'run-out-after': { type: 'string' },
    'paper-width': { type: 'string' },
  });
  if (!parsed.ok) {
    io.err(`${describeOptionError(parsed.error)}\n\n${RECEIPT_SIMULATE_HELP}`);
    return EXIT.usage;
  }
  const { values } = parsed.value;
  if (values.help) {
    io.out(RECEIPT_SIMULATE_HELP);
    return EXIT.ok;
  }
  const port = requiredString('port', values.port);
  const paper = oneOfOption('paper', values.paper, PAPER_STATES, 'ok');
  const cover = oneOfOption('cover', values.cover, ['open', 'closed'], 'closed');
  const runOut = values['run-out-after'] === undefined ? undefined : positiveInt('run-out-after', values['run-out-after'], 1);
  const width = paperWidth(values['paper-width']);
  if (!port.ok || !paper.ok || !cover.ok || (runOut && !runOut.ok) || !width.ok) {
    const problem = firstOptionError([port, paper, cover, runOut, width]);
    io.err(`${problem ? describeOptionError(problem) : 'bad options'}\n\n${RECEIPT_SIMULATE_HELP}`);
    return EXIT.usage;
  }

  const stop = io.stopRequested();
  const transport = createSerialTransport({ path: port.value, baudRate: 115_200 });
  const simulator = createReceiptSimulator(transport, {
    columns: PAPER_LAYOUTS[width.value].columns,
    initial: { paper: paper.value, coverOpen: cover.value === 'open' },
  });
  if (runOut?.ok) simulator.runOutAfterLines(runOut.value);
  const started = await simulator.start();
  if (!started.ok) {
    io.err(`error: cannot open ${port.value} (${started.error.kind}): ${started.error.message}`);
    return EXIT.deviceError;
  }
  simulator.on('receipt', (receipt) => io.err(`receipt received:\n${formatPrintedReceipt(receipt)}`));
  let gone = false;
  const disconnected = new Promise<'disconnected'>((resolve) => {
    transport.on('disconnected', (reason) => {
      gone = true;
      io.err(`error: ${port.value} went away: ${reason.message}`);
      resolve('disconnected');
    });
  });
  io.err(`simulating a receipt printer on ${port.value} (paper ${paper.value}, cover ${cover.value}); stop with Ctrl-C`);
  const ended = await Promise.race([stop, disconnected]);
  await simulator.stop();
  io.err(`simulator stopped (${ended})`);
  return gone ? EXIT.deviceError : EXIT.ok;
}
