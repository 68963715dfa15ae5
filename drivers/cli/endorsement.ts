/**
 * `endorsement readers|read`: checks the endorsement writer
 * (docs/endorsement-writer.md). `readers` lists the PC/SC readers pcscd
 * sees; `read` waits for a card on a PC/SC reader (`--reader`) or the
 * simulator (`--simulate`, with a sample card laid on it) and lists the
 * permit and the endorsements on its chip. The holder's name is masked.
 */
import { maskName } from '../../domain/mask';
import { zonedIsoDate } from '../../domain/calendar-date';
import type { Timers } from '../manager/timers';
import { createPcscTransport, listPcscReaders } from '../endorsement/pcsc';
import { TEST_WRITE_KEY } from '../endorsement/protocol';
import { sampleCards } from '../endorsement/sample-permits';
import { createSimulatedCard, createSimulatedWriter } from '../endorsement/simulator';
import type { ApduTransport } from '../endorsement/transport';
import { createEndorsementWriter, keyAuthoriser, type WriterFailure } from '../endorsement/writer';
import { describeOptionError, parseOptions, positiveInt } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';

export const ENDORSEMENT_HELP = `Usage: endorsement readers
       endorsement read (--reader NAME | --simulate [--card ID]) [--timeout-ms T] [--json]

Checks the endorsement writer (签注写卡, docs/endorsement-writer.md).

Commands:
  readers                list the PC/SC readers pcscd sees (needs the pcsclite package)
  read                   wait for a permit card, then print it and the endorsements on its chip

Options:
  --reader NAME          the PC/SC reader, or a part of its name (e.g. PICC)
  --simulate             use the built-in simulator with a sample card on it
  --card ID              simulator only: C38816402 (default), C51234567, L21234567, C60123456,
                         C72345678, damaged or bank-card
  --timeout-ms T         how long to wait for a card (default 15000)
  --json                 print one JSON object
  -h, --help             show this help

Exit codes: 0 read, 2 no reader, not a permit, unreadable, 3 no card in time, 64 bad usage.`;

const cliTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `endorsement readers`' lines (also the maintenance screen's). */
export function readerLines(names: readonly string[]): string[] {
  return names.length ? [...names] : ['(no PC/SC reader)'];
}

/** What the installer is told for each failure. */
export function describeWriterFailure(failure: WriterFailure): string {
  switch (failure.kind) {
    case 'noReader':
      return `no reader: ${failure.message}`;
    case 'noCard':
      return 'no card on the reader';
    case 'notAPermit':
      return `unknown card, not an electronic permit (${failure.message})`;
    case 'otherPermit':
      return 'another permit than the one asked for';
    case 'unreadable':
      return `the permit's chip could not be read: ${failure.message}`;
    case 'cardRemoved':
      return 'the card was taken away during the read';
    case 'securityRefused':
      return `the chip refused the write key: ${failure.message}`;
    case 'chipFull':
      return 'the chip has no room for another endorsement';
    case 'writeFailed':
      return `the write failed: ${failure.message}`;
    case 'timeout':
      return `no answer in time: ${failure.message}`;
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

async function waitForCard(transport: ApduTransport, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!transport.cardPresent) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Runs `endorsement …`; `deps.transport` replaces the PC/SC reader in tests. */
export async function runEndorsement(args: readonly string[], io: CliIo, deps: { pcsc?: (readerName: string) => ApduTransport } = {}): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(ENDORSEMENT_HELP);
    return EXIT.ok;
  }
  const usage = (message: string): ExitCode => {
    io.err(`${message}\n\n${ENDORSEMENT_HELP}`);
    return EXIT.usage;
  };
  if (command !== 'readers' && command !== 'read') return usage(command === undefined ? 'missing command' : `unknown endorsement command "${command}"`);
  const parsed = parseOptions(rest, { reader: { type: 'string' }, simulate: { type: 'boolean' }, card: { type: 'string' }, 'timeout-ms': { type: 'string' }, json: { type: 'boolean' } });
  if (!parsed.ok) return usage(describeOptionError(parsed.error));
  const v = parsed.value.values;
  if (v.help) {
    io.out(ENDORSEMENT_HELP);
    return EXIT.ok;
  }
  if (command === 'readers') {
    const listed = await listPcscReaders({ timers: cliTimers });
    if (!listed.ok) {
      io.err(`error: ${listed.error}`);
      return EXIT.deviceError;
    }
    io.out(v.json ? JSON.stringify(listed.value) : readerLines(listed.value).join('\n'));
    return EXIT.ok;
  }
  const timeout = positiveInt('timeout-ms', v['timeout-ms'], 15_000);
  if (!timeout.ok) return usage(describeOptionError(timeout.error));
  if ((v.simulate === true) === (typeof v.reader === 'string')) return usage('give exactly one of --reader or --simulate');
  if (v.card !== undefined && !v.simulate) return usage('--card is for the simulator (--simulate)');

  let transport: ApduTransport;
  if (v.simulate) {
    const id = typeof v.card === 'string' ? v.card : 'C38816402';
    const sample = sampleCards(zonedIsoDate(new Date())).find((s) => s.id === id);
    if (!sample) return usage(`unknown sample card "${id}"`);
    const writer = createSimulatedWriter();
    writer.place(createSimulatedCard(sample));
    transport = writer;
  } else {
    transport = (deps.pcsc ?? ((readerName) => createPcscTransport({ readerName, timers: cliTimers })))(v.reader as string);
  }
  const opened = await transport.open();
  if (!opened.ok) {
    io.err(`error: no reader: ${opened.error.message}`);
    return EXIT.deviceError;
  }
  try {
    if (!v.json) io.err(`请将通行证放在写卡器上 (place the permit card on ${transport.description})…`);
    if (!(await waitForCard(transport, timeout.value))) {
      io.err('error: no card on the reader in time');
      return EXIT.noCard;
    }
    // Reading needs no key; the simulator's test key stands for a writer that has none here.
    const read = await createEndorsementWriter(transport, { authorise: keyAuthoriser(TEST_WRITE_KEY), timers: cliTimers }).readPermit();
    if (!read.ok) {
      io.err(`error: ${describeWriterFailure(read.error)}`);
      return read.error.kind === 'noCard' ? EXIT.noCard : EXIT.deviceError;
    }
    const { permit, endorsements } = read.value;
    const shown = { ...permit, name: maskName(permit.name), endorsements };
    if (v.json) {
      io.out(JSON.stringify(shown));
      return EXIT.ok;
    }
    const lines = [
      `${permit.permitType === 'hkMacauPermit' ? '往来港澳通行证' : '往来台湾通行证'} ${permit.permitNumber}  ${shown.name}  born ${permit.birthDate}  valid until ${permit.validUntil}`,
      endorsements.length === 0 ? 'no endorsement on the chip' : `${endorsements.length} endorsement(s) on the chip:`,
      ...endorsements.map((e, i) => `  ${i + 1}. ${e.destination} ${e.type} ${e.entries} ${e.validFrom}..${e.validUntil} ${e.stayDays} days/stay no. ${e.number}`),
    ];
    io.out(lines.join('\n'));
    return EXIT.ok;
  } finally {
    await transport.close();
  }
}
