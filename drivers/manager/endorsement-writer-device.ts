/**
 * The endorsement writer (签注写卡) under the manager: its reader kept
 * connected with backoff (the supervisor), `online` with the card present or
 * absent as media, and the card session (drivers/endorsement/writer.ts) for
 * reads and writes. Simulated, the reader is the simulator's, with dock
 * controls; `pcsc`, the `pcsclite` binding, loaded only then.
 */
import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../domain/result';
import { zonedIsoDate } from '../../domain/calendar-date';
import type { DriverStatus } from '../device';
import type { EndorsementWriterConfig } from '../endorsement/config';
import { ENDORSEMENT_WRITER_DEFAULTS } from '../endorsement/config';
import { createPcscTransport, listPcscReaders, type PcscFactory } from '../endorsement/pcsc';
import type { EndorsementRecord } from '../endorsement/records';
import { sampleCards, type SampleCardKind } from '../endorsement/sample-permits';
import { createSimulatedCard, createSimulatedWriter, type SimulatedCard, type WriteFault } from '../endorsement/simulator';
import { TEST_WRITE_KEY } from '../endorsement/protocol';
import type { ApduTransport } from '../endorsement/transport';
import { createEndorsementWriter, keyAuthoriser, type PermitChip, type WriteAuthoriser, type WriterFailure } from '../endorsement/writer';
import type { Transport } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { createDeviceLifecycle, type SupervisedDeviceDeps } from './lifecycle';
import { NOT_YET_STARTED, sameStatus, type ManagedDevice, type ManagedDeviceEvents } from './managed-device';
import { createSupervisor } from './supervisor';

export type { EndorsementWriterConfig };

/** A sample card as the dock lists it. */
export interface WriterSampleCard {
  id: string;
  kind: SampleCardKind;
  label: string;
}

/** What the dock can do to the simulated writer. */
export interface EndorsementWriterSimulatorControls {
  readonly kind: 'endorsementWriter';
  readonly sampleCards: readonly WriterSampleCard[];
  /** Lays sample card `id` on the writer (a permit keeps what was written to it while it is away). */
  placePermit(id: string): Result<void, 'unknownCard'>;
  removePermit(): void;
  /** The next write fails: the chip's memory (`writeFailed`, default) or the card taken away (`cardRemoved`). */
  failNextWrite(fault?: WriteFault): void;
  readonly pendingFault: WriteFault | undefined;
  /** The card on the writer and what its chip holds now ("shown as written"). */
  readonly cardOnWriter: { id: string; label: string; endorsements: EndorsementRecord[] } | undefined;
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
}

export interface ManagedEndorsementWriter extends ManagedDevice {
  readonly kind: 'endorsementWriter';
  readonly simulator: EndorsementWriterSimulatorControls | undefined;
  readPermit(): Promise<Result<PermitChip, WriterFailure>>;
  writeEndorsement(permitNumber: string, endorsement: EndorsementRecord): Promise<Result<PermitChip, WriterFailure>>;
  /** The readers this writer can see (the CLI's `endorsement readers`: pcscd's list; the simulator's own reader). */
  readers(): Promise<Result<string[], string>>;
}

export interface EndorsementWriterDeviceDeps extends SupervisedDeviceDeps {
  /** Default: the real `pcsclite`, loaded on first use. */
  loadPcsc?: () => Promise<Result<PcscFactory, string>>;
  readKeyFile?: (path: string) => Promise<string>;
}

/** The supervisor keeps byte-stream transports; the reader is handed over as one that only opens, closes and reports its loss. */
function asLink(reader: ApduTransport): Transport {
  let open = false;
  return {
    get description() {
      return reader.description;
    },
    get isOpen() {
      return open;
    },
    async open() {
      const opened = await reader.open();
      open = opened.ok;
      return opened.ok ? ok(undefined) : err({ kind: 'notFound', message: opened.error.message });
    },
    async close() {
      open = false;
      await reader.close();
    },
    write: async () => err({ kind: 'io', message: `${reader.description}: APDU reader, no byte stream` }),
    on(event, listener) {
      if (event === 'disconnected') return reader.on('readerLost', (message) => (listener as (reason: { kind: 'closed'; message: string }) => void)({ kind: 'closed', message }));
      return () => undefined;
    },
  };
}

/** The write key of a `pcsc` writer: 32 hex digits in `keyFile`; absent, every write is refused by an authoriser that says so. */
async function pcscAuthoriser(config: EndorsementWriterConfig, readKey: (path: string) => Promise<string>): Promise<WriteAuthoriser> {
  const refuse: WriteAuthoriser = async () => new Uint8Array(16);
  if (!config.keyFile) return refuse;
  const text = (await readKey(config.keyFile).catch(() => '')).trim();
  return /^[0-9a-fA-F]{32}$/.test(text) ? keyAuthoriser(Uint8Array.from(Buffer.from(text, 'hex'))) : refuse;
}

function simulatedHall(deps: SupervisedDeviceDeps, initialCard: string | undefined) {
  const writer = createSimulatedWriter();
  const today = zonedIsoDate(new Date(deps.timers.now()));
  const samples = sampleCards(today);
  // One chip per sample, kept while it is off the writer: what was written stays written.
  const chips = new Map<string, SimulatedCard>();
  const chip = (id: string): SimulatedCard | undefined => {
    const sample = samples.find((s) => s.id === id);
    if (!sample) return undefined;
    let made = chips.get(id);
    if (!made) {
      made = createSimulatedCard(sample, { key: TEST_WRITE_KEY });
      chips.set(id, made);
    }
    return made;
  };
  const controls = (onReplug: () => void): EndorsementWriterSimulatorControls => ({
    kind: 'endorsementWriter',
    sampleCards: samples.map(({ id, kind, label }) => ({ id, kind, label })),
    placePermit(id) {
      const card = chip(id);
      if (!card) return err('unknownCard');
      writer.place(card);
      return ok(undefined);
    },
    removePermit: () => writer.remove(),
    failNextWrite: (fault = 'writeFailed') => writer.failNextWrite(fault),
    get pendingFault() {
      return writer.pendingFault;
    },
    get cardOnWriter() {
      const card = writer.card;
      if (!card) return undefined;
      return { id: card.id, label: samples.find((s) => s.id === card.id)?.label ?? card.id, endorsements: card.endorsements };
    },
    unplug: () => writer.unplug(),
    replug() {
      writer.replug();
      onReplug();
    },
    get plugged() {
      return writer.plugged;
    },
  });
  return { writer, controls, placeInitial: () => (initialCard ? chip(initialCard) : undefined) };
}

export function createManagedEndorsementWriter(id: string, config: EndorsementWriterConfig, deps: EndorsementWriterDeviceDeps): ManagedEndorsementWriter {
  const events = createEmitter<ManagedDeviceEvents>();
  const simulated = config.mode === 'simulated';
  let status: DriverStatus = NOT_YET_STARTED;
  let connected = false;

  function setStatus(next: DriverStatus): void {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('statusChanged', next);
  }

  const hall = simulated ? simulatedHall(deps, config.simulator?.initialCard) : undefined;
  const reader: ApduTransport = hall?.writer ?? createPcscTransport({ readerName: config.reader ?? '', timers: deps.timers, ...(deps.loadPcsc ? { load: deps.loadPcsc } : {}) });
  const onlineStatus = (): DriverStatus => ({ kind: 'online', media: reader.cardPresent ? 'present' : 'absent' });
  reader.on('cardPresent', () => connected && setStatus(onlineStatus()));
  reader.on('cardAbsent', () => connected && setStatus(onlineStatus()));

  let authorise: Promise<WriteAuthoriser> | undefined;
  const authoriser: WriteAuthoriser = async (challenge, permitNumber) => {
    authorise ??= simulated ? Promise.resolve(keyAuthoriser(TEST_WRITE_KEY)) : pcscAuthoriser(config, deps.readKeyFile ?? ((path) => readFile(path, 'utf8')));
    return (await authorise)(challenge, permitNumber);
  };
  const session = createEndorsementWriter(reader, {
    authorise: authoriser,
    timers: deps.timers,
    readTimeoutMs: config.readTimeoutMs ?? ENDORSEMENT_WRITER_DEFAULTS.readTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs ?? ENDORSEMENT_WRITER_DEFAULTS.writeTimeoutMs,
  });

  const supervisor = createSupervisor({
    timers: deps.timers,
    random: deps.random,
    backoff: deps.backoff,
    onStatus: setStatus,
    async acquire() {
      if (!simulated && !config.reader) return err({ kind: 'notFound', message: 'endorsement writer: no PC/SC reader name configured' });
      return ok(asLink(reader));
    },
    async attach() {
      connected = true;
      setStatus(onlineStatus());
    },
    async detach() {
      connected = false;
    },
  });
  const controls = hall?.controls(() => supervisor.retryNow());
  const lifecycle = createDeviceLifecycle({
    supervisor,
    setStatus,
    simulator: hall ? { start: async () => ok(undefined), stop: async () => undefined } : undefined,
    onSimulatorUp() {
      const card = hall?.placeInitial();
      if (card) hall?.writer.place(card);
    },
  });
  const notConnected = (): Result<never, WriterFailure> => err({ kind: 'noReader', message: `endorsement writer ${id} is not connected` });
  return {
    id,
    kind: 'endorsementWriter',
    simulated,
    get status() {
      return status;
    },
    get simulator() {
      return controls;
    },
    async readPermit() {
      return connected ? session.readPermit() : notConnected();
    },
    async writeEndorsement(permitNumber, endorsement) {
      return connected ? session.writeEndorsement(permitNumber, endorsement) : notConnected();
    },
    readers: async () => (simulated ? ok([reader.description]) : listPcscReaders({ timers: deps.timers, ...(deps.loadPcsc ? { load: deps.loadPcsc } : {}) })),
    ...lifecycle,
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

/** The manager's factory for `DevicesConfig.endorsementWriter`: `undefined` when disabled. */
export function endorsementWriterFactory(config: EndorsementWriterConfig, context: { deps: EndorsementWriterDeviceDeps }): { device: ManagedEndorsementWriter; controls?: EndorsementWriterSimulatorControls } | undefined {
  if (!config.enabled) return undefined;
  const device = createManagedEndorsementWriter(config.id ?? 'endorsementWriter', config, context.deps);
  return device.simulator ? { device, controls: device.simulator } : { device };
}
