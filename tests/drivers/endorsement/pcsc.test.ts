/**
 * The PC/SC adapter over a mocked `pcsclite` binding: finds the named reader,
 * follows card presence from its status events, connects and transmits (the
 * mock reader carries the simulated permit card), reports a pulled card and
 * a lost reader, and says what to install when the binding is missing. Also:
 * a card that never answers ends in the time limit.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../domain/result';
import { systemTimers } from '../../../drivers/manager/timers';
import { createPcscTransport, type PcscContext, type PcscReader } from '../../../drivers/endorsement/pcsc';
import { sampleCards } from '../../../drivers/endorsement/sample-permits';
import { createSimulatedCard, type SimulatedCard } from '../../../drivers/endorsement/simulator';
import { createEndorsementWriter, keyAuthoriser } from '../../../drivers/endorsement/writer';
import { TEST_WRITE_KEY } from '../../../drivers/endorsement/protocol';
import type { ApduTransport } from '../../../drivers/endorsement/transport';

const PRESENT = 0x20;
const EMPTY = 0x10;

/** A pcsclite reader whose card is a simulated permit (or none); strict: it records what it was asked. */
class MockReader extends EventEmitter {
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_LEAVE_CARD = 0;
  card: SimulatedCard | undefined;
  sent: string[] = [];
  constructor(readonly name: string) {
    super();
  }
  insert(card: SimulatedCard): void {
    this.card = card;
    this.emit('status', { state: PRESENT });
  }
  pull(): void {
    this.card = undefined;
    this.emit('status', { state: EMPTY });
  }
  connect(_options: { share_mode: number }, callback: (error: Error | null, protocol: number) => void): void {
    callback(this.card ? null : new Error('SCardConnect error: No smart card inserted.'), 2);
  }
  transmit(data: Uint8Array, _length: number, _protocol: number, callback: (error: Error | null, data: Uint8Array) => void): void {
    this.sent.push(Buffer.from(data).toString('hex'));
    if (!this.card) return callback(new Error('SCardTransmit error: The smart card has been removed.'), new Uint8Array(0));
    callback(null, this.card.answer(data));
  }
  disconnect(_disposition: number, callback: () => void): void {
    callback();
  }
  close(): void {}
}

function binding(readers: MockReader[]) {
  const context = new EventEmitter() as EventEmitter & PcscContext;
  let closed = 0;
  (context as unknown as { close: () => void }).close = () => {
    closed += 1;
  };
  const load = async () =>
    ok(() => {
      setTimeout(() => readers.forEach((r) => context.emit('reader', r as unknown as PcscReader)), 1);
      return context;
    });
  return { load, context, closed: () => closed };
}

const permit = () => createSimulatedCard(sampleCards('2026-12-03').find((s) => s.id === 'C38816402')!);

describe('PC/SC adapter (mocked pcsclite)', () => {
  it('finds the reader by part of its name and reads a permit through it', async () => {
    const contact = new MockReader('ACS ACR1252 1S CL Reader [ACR1252 Dual Reader SAM] 00 00');
    const picc = new MockReader('ACS ACR1252 1S CL Reader [ACR1252 Dual Reader PICC] 01 00');
    const mock = binding([contact, picc]);
    const transport = createPcscTransport({ readerName: 'PICC', timers: systemTimers, load: mock.load });
    expect(await transport.open()).toEqual({ ok: true, value: undefined });
    expect(transport.description).toBe('pcsc:ACS ACR1252 1S CL Reader [ACR1252 Dual Reader PICC] 01 00');
    const seen: string[] = [];
    transport.on('cardPresent', () => seen.push('present'));
    transport.on('cardAbsent', () => seen.push('absent'));
    expect(await transport.connect()).toMatchObject({ ok: false, error: { kind: 'noCard' } });
    picc.insert(permit());
    const writer = createEndorsementWriter(transport, { authorise: keyAuthoriser(TEST_WRITE_KEY), timers: systemTimers });
    const read = await writer.readPermit();
    expect(read).toMatchObject({ ok: true, value: { permit: { permitNumber: 'C38816402', name: '陈思远' }, endorsements: [] } });
    expect(picc.sent[0]).toBe('00a4040c08f045504552 4d4954'.replace(' ', ''));
    expect(contact.sent).toEqual([]);
    picc.pull();
    expect(seen).toEqual(['present', 'absent']);
    expect(await writer.readPermit()).toEqual({ ok: false, error: { kind: 'noCard' } });
    await transport.close();
    expect(mock.closed()).toBe(1);
  });

  it('says cardRemoved when the card leaves between commands', async () => {
    const picc = new MockReader('Reader PICC');
    const transport = createPcscTransport({ readerName: 'PICC', timers: systemTimers, load: binding([picc]).load });
    await transport.open();
    picc.insert(permit());
    const link = await transport.connect();
    if (!link.ok) throw new Error('no link');
    picc.pull();
    expect(await link.value.transmit(Uint8Array.of(0, 0xb0, 0x81, 0, 0))).toMatchObject({ ok: false, error: { kind: 'cardRemoved' } });
  });

  it('reports the reader going away', async () => {
    const picc = new MockReader('Reader PICC');
    const transport = createPcscTransport({ readerName: 'PICC', timers: systemTimers, load: binding([picc]).load });
    await transport.open();
    const lost: string[] = [];
    transport.on('readerLost', (message) => lost.push(message));
    picc.emit('end');
    expect(lost).toEqual(['reader "Reader PICC" went away']);
    expect(await transport.connect()).toMatchObject({ ok: false, error: { kind: 'noReader' } });
  });

  it('names the readers it saw when the configured one is not there, and what to install when the binding is missing', async () => {
    const other = createPcscTransport({ readerName: 'PICC', timers: systemTimers, findTimeoutMs: 50, load: binding([new MockReader('Gemalto USB SmartCard Reader')]).load });
    expect(await other.open()).toEqual({ ok: false, error: { kind: 'noReader', message: 'no PC/SC reader named "PICC" (readers: "Gemalto USB SmartCard Reader")' } });
    const missing = createPcscTransport({ readerName: 'PICC', timers: systemTimers, load: async () => err('the pcsclite binding is not installed (apt-get install libpcsclite-dev pcscd; npm install pcsclite): Cannot find package') });
    expect(await missing.open()).toMatchObject({ ok: false, error: { kind: 'noReader', message: expect.stringContaining('npm install pcsclite') } });
  });

  it('ends a read that gets no answer at its time limit', async () => {
    const silent: ApduTransport = {
      description: 'silent',
      cardPresent: true,
      open: async () => ok(undefined),
      close: async () => undefined,
      connect: async () => ok({ atr: new Uint8Array(0), transmit: () => new Promise(() => undefined), disconnect: async () => undefined }),
      on: () => () => undefined,
    };
    const writer = createEndorsementWriter(silent, { authorise: keyAuthoriser(TEST_WRITE_KEY), timers: systemTimers, readTimeoutMs: 30 });
    expect(await writer.readPermit()).toEqual({ ok: false, error: { kind: 'timeout', message: 'reading the permit took longer than 30 ms' } });
  });
});
