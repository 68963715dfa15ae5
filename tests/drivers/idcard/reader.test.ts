import { afterEach, describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../drivers/device';
import {
  createIdCardReader,
  type IdCardReader,
  type IdCardReaderOptions,
  type RawCardRead,
} from '../../../drivers/idcard/reader';
import {
  createIdCardSimulator,
  type IdCardSimulator,
  type IdCardSimulatorOptions,
} from '../../../drivers/idcard/simulator';
import { describeSw3, KNOWN_SW3_CODES } from '../../../drivers/idcard/status-codes';
import { createMemoryPair, type MemoryTransport } from '../../../drivers/transport/memory';
import type { Transport } from '../../../drivers/transport/transport';

function textBlock(name: string): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 128; i++) out[i * 2] = 0x20;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    out[i * 2] = code & 0xff;
    out[i * 2 + 1] = code >> 8;
  }
  return out;
}
const photo = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) & 0xff);
const fingerprint = Uint8Array.from({ length: 1024 }, (_, i) => (i * 13) & 0xff);
const card = { text: textBlock('张三'), photo };

/** Fast settings so the suite stays quick with real timers. */
const FAST: IdCardReaderOptions = {
  pollIntervalMs: 5,
  commandTimeoutMs: 40,
  readTimeoutMs: 80,
  retryDelayMs: 2,
  faultRetryMs: 20,
  removalPolls: 3,
};

interface Rig {
  host: MemoryTransport;
  sim: IdCardSimulator;
  reader: IdCardReader;
  statuses: DriverStatus[];
  presented: RawCardRead[];
  events: string[];
}

const running: Rig[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.reader.stop();
    await r.sim.stop();
  }
});

async function rig(
  options: IdCardReaderOptions = {},
  simOptions: IdCardSimulatorOptions = {},
  wrap: (t: Transport) => Transport = (t) => t,
  setup: (sim: IdCardSimulator) => void = () => undefined,
): Promise<Rig> {
  const [host, device] = createMemoryPair();
  const sim = createIdCardSimulator(device, simOptions);
  setup(sim);
  await sim.start();
  const reader = createIdCardReader(wrap(host), {
    ...FAST,
    ...options,
    onError: (e) => {
      throw e;
    },
  });
  const r: Rig = { host, sim, reader, statuses: [], presented: [], events: [] };
  reader.on('statusChanged', (s) => r.statuses.push(s));
  reader.on('cardPresented', (c) => {
    r.presented.push(c);
    r.events.push('presented');
  });
  reader.on('cardRemoved', () => r.events.push('removed'));
  reader.on('cardReadFailed', (f) => r.events.push(`failed:${f.kind}`));
  running.push(r);
  await reader.start();
  return r;
}

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((res) => setTimeout(res, 2));
  }
}
const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));
const count = (sim: IdCardSimulator, name: string): number => sim.received.filter((n) => n === name).length;

describe('ID card reader over the simulator', () => {
  it('starts: opens, checks the SAM, goes online with no card', async () => {
    const r = await rig();
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
    expect(r.statuses[0]).toEqual({ kind: 'starting' });
    expect(r.sim.received[0]).toBe('samStatus');
    expect(r.reader.state.kind).toBe('waitingForCard');
  });

  it('reads a placed card once: find → select → 30 01, exact text and photo', async () => {
    const r = await rig();
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    expect(r.presented[0]!.text).toEqual(card.text);
    expect(r.presented[0]!.photo).toEqual(photo);
    expect(r.presented[0]!.fingerprint).toBeUndefined();
    expect(r.presented[0]!.readAt).toBeInstanceOf(Date);
    expect(r.reader.status).toEqual({ kind: 'online', media: 'present' });
    expect(r.statuses).toContainEqual({ kind: 'busy', media: 'present' });
    const i = r.sim.received.indexOf('selectCard');
    expect(r.sim.received.slice(i - 1, i + 2)).toEqual(['findCard', 'selectCard', 'readText']);
  });

  it('reads fingerprints with 30 10 when asked', async () => {
    const r = await rig({ readFingerprint: true });
    r.sim.placeCard({ ...card, fingerprint });
    await waitFor(() => r.presented.length === 1);
    expect(r.presented[0]!.fingerprint).toEqual(fingerprint);
    expect(count(r.sim, 'readTextAndFingerprint')).toBe(1);
  });

  it('on a reader that keeps finding the card: no second read and no cardRemoved until it leaves', async () => {
    const r = await rig({}, { haltAfterRead: false });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    await sleep(100); // ~15 polls with the card still in the field
    expect(r.events).toEqual(['presented']);
    expect(count(r.sim, 'readText')).toBe(1);
    r.sim.removeCard();
    await waitFor(() => r.events.length === 2);
    expect(r.events).toEqual(['presented', 'removed']);
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 2);
    expect(count(r.sim, 'readText')).toBe(2);
  });

  it('on a halting reader: the card is read once, reported gone after N failed finds, and read again when put back', async () => {
    const r = await rig();
    r.sim.placeCard(card);
    await waitFor(() => r.events.includes('removed'));
    await sleep(60);
    expect(r.events).toEqual(['presented', 'removed']);
    expect(count(r.sim, 'readText')).toBe(1);
    r.sim.removeCard();
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 2);
  });

  it('on a halting reader: another card laid down before the first counts as gone is read too (a quick swap)', async () => {
    const r = await rig({ removalPolls: 1000 });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    // The read card is halted: finds fail; long before 1000 of them the citizen swaps in another card.
    await waitFor(() => r.reader.state.kind === 'waitingForRemoval' && r.reader.state.absentPolls >= 2);
    const other = { text: textBlock('李四'), photo };
    r.sim.placeCard(other);
    await waitFor(() => r.presented.length === 2);
    expect(r.presented[1]!.text).toEqual(other.text);
    expect(r.events).toEqual(['presented', 'removed', 'presented']);
  });

  it('on a reader that keeps finding the card: a card back after a failed find is read again', async () => {
    const r = await rig({ removalPolls: 1000 }, { haltAfterRead: false });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    r.sim.removeCard();
    await waitFor(() => r.reader.state.kind === 'waitingForRemoval' && r.reader.state.absentPolls >= 1);
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 2);
    expect(r.events).toEqual(['presented', 'removed', 'presented']);
  });

  it('retries a read answered 0x41 once and delivers the card', async () => {
    const r = await rig();
    r.sim.setCardReadFault(0x41, 'once');
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    expect(count(r.sim, 'readText')).toBe(2);
    expect(r.events).toEqual(['presented']);
  });

  const readCodes = KNOWN_SW3_CODES.filter((c) => c !== 0x90);
  it.each(readCodes)('maps read answer SW3 %i to the right reaction', async (code) => {
    const r = await rig();
    r.sim.setCardReadFault(code, 'always');
    r.sim.placeCard(card);
    const kind = describeSw3(code).kind;
    if (kind === 'samError') {
      await waitFor(() => r.reader.status.kind === 'hardwareError');
      expect(r.reader.status).toMatchObject({ kind: 'hardwareError', code });
      expect(r.presented).toEqual([]);
      return;
    }
    await waitFor(() => r.events.length > 0);
    expect(r.events).toEqual(['failed:hardwareError']);
    expect(r.reader.status).toMatchObject({ kind: 'userError' });
    expect((r.reader.status as { message: string }).message).toContain(describeSw3(code).en);
    const retried = kind === 'transient' || code === 0x10 || code === 0x11;
    expect(count(r.sim, 'readText')).toBe(retried ? 3 : 1);
    // The failed card is not hammered while it stays; once it is gone, the reader is ready again without a cardRemoved.
    await sleep(60);
    expect(r.reader.status).toMatchObject({ kind: 'userError' });
    r.sim.removeCard();
    await waitFor(() => r.reader.status.kind === 'online');
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
    expect(r.events).toEqual(['failed:hardwareError']);
    expect(count(r.sim, 'readText')).toBe(retried ? 3 : 1);
  });

  it.each(KNOWN_SW3_CODES.filter((c) => c !== 0x90))(
    'reports SAM status answer SW3 %i as hardwareError with that code',
    async (code) => {
      const r = await rig({}, {}, undefined, (sim) => sim.setSamFault(code));
      expect(r.reader.status).toMatchObject({ kind: 'hardwareError', code });
    },
  );

  it('recovers from a SAM fault once it clears', async () => {
    const r = await rig({}, {}, undefined, (sim) => sim.setSamFault(0x66));
    expect(r.reader.status).toEqual({ kind: 'hardwareError', code: 0x66, message: 'SW3 0x66: SAM not authorised' });
    r.sim.setSamFault(null);
    await waitFor(() => r.reader.status.kind === 'online');
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
  });

  it('goes hardwareError when the SAM fails while polling, cardRemoved pairs a presented card', async () => {
    const r = await rig({}, { haltAfterRead: false });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    r.sim.setSamFault(0x60);
    await waitFor(() => r.reader.status.kind === 'hardwareError');
    expect(r.reader.status).toMatchObject({ code: 0x60 });
    expect(r.events).toEqual(['presented', 'removed']);
  });

  it('times out on a silent device: offline after 1 + retries attempts of commandTimeoutMs', async () => {
    const began = Date.now();
    const r = await rig({ commandTimeoutMs: 30, retries: 2 }, {}, undefined, (sim) => sim.setSilent(true));
    const took = Date.now() - began;
    expect(r.reader.status).toMatchObject({ kind: 'offline' });
    expect((r.reader.status as { message: string }).message).toContain('no answer');
    expect(count(r.sim, 'samStatus')).toBe(3);
    expect(took).toBeGreaterThanOrEqual(85);
    r.sim.setSilent(false);
    await waitFor(() => r.reader.status.kind === 'online');
  });

  it('treats a device answering only noise as offline', async () => {
    const r = await rig({}, {}, undefined, (sim) => sim.setGarbage(true));
    expect(r.reader.status).toMatchObject({ kind: 'offline' });
  });

  it('goes offline when the device stops answering while polling, and back online when it answers again', async () => {
    const r = await rig();
    r.sim.setSilent(true);
    await waitFor(() => r.reader.status.kind === 'offline');
    r.sim.setSilent(false);
    await waitFor(() => r.reader.status.kind === 'online');
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
  });

  it('retries when answers arrive corrupted (checksum) and still reads the card', async () => {
    // Flip a bit in the first two read answers on the way to the host.
    let toCorrupt = 2;
    const wrap = (t: Transport): Transport => ({
      get description() {
        return t.description;
      },
      get isOpen() {
        return t.isOpen;
      },
      open: () => t.open(),
      close: () => t.close(),
      write: (b) => t.write(b),
      on: (event, listener) => {
        if (event !== 'data') return t.on(event, listener);
        const onData = listener as (c: Uint8Array) => void;
        return t.on('data', (chunk) => {
          if (chunk.length > 1000 && toCorrupt > 0) {
            toCorrupt--;
            const copy = chunk.slice();
            copy[500]! ^= 0x04;
            onData(copy);
          } else onData(chunk);
        });
      },
    });
    const r = await rig({}, {}, wrap);
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    expect(r.presented[0]!.photo).toEqual(photo);
    expect(toCorrupt).toBe(0);
    // Two corrupted answers, then the good one: three reads on the same selection.
    expect(count(r.sim, 'readText')).toBe(3);
    expect(count(r.sim, 'selectCard')).toBe(1);
  });

  it('reads through torn deliveries (random 1..7 byte chunks) and paced 115200 answers', async () => {
    const [host, device] = createMemoryPair({ chunking: { kind: 'random', maxSize: 7, seed: 11 } });
    const sim = createIdCardSimulator(device, { paceBaud: 115_200 });
    await sim.start();
    const reader = createIdCardReader(host, { ...FAST, commandTimeoutMs: 100, readTimeoutMs: 300 });
    running.push({ host, sim, reader, statuses: [], presented: [], events: [] });
    const cards: RawCardRead[] = [];
    reader.on('cardPresented', (c) => cards.push(c));
    await reader.start();
    expect(reader.status).toEqual({ kind: 'online', media: 'absent' });
    sim.placeCard({ ...card, fingerprint });
    await waitFor(() => cards.length === 1);
    expect(cards[0]!.text).toEqual(card.text);
  });

  it('answers samId() with the formatted SAM ID, and noDevice before start', async () => {
    const [host] = createMemoryPair();
    const idle = createIdCardReader(host);
    expect(await idle.samId()).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    const r = await rig();
    expect(await r.reader.samId()).toEqual({ ok: true, value: '05.01-20240101-0000012345-0123456789' });
    r.sim.setSamFault(0x60);
    expect(await r.reader.samId()).toMatchObject({ ok: false, error: { kind: 'hardwareError', code: 0x60 } });
  });

  it('unplug: noDevice, cardRemoved for a presented card, polling stops; replug + start: online again', async () => {
    const r = await rig({}, { haltAfterRead: false });
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
    r.host.unplug();
    expect(r.reader.status).toEqual({ kind: 'noDevice', message: 'disconnected: cable unplugged' });
    expect(r.reader.state.kind).toBe('disconnected');
    expect(r.events).toEqual(['presented', 'removed']);
    const sent = r.sim.received.length;
    await sleep(50);
    expect(r.sim.received.length).toBe(sent);

    // Restarting while still unplugged: noDevice from open().
    await r.reader.start();
    expect(r.reader.status).toMatchObject({ kind: 'noDevice' });

    r.host.replug();
    await r.reader.start();
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
    await waitFor(() => r.presented.length === 2);
  });

  it('stop(): offline "stopped", no further commands', async () => {
    const r = await rig();
    await r.reader.stop();
    expect(r.reader.status).toEqual({ kind: 'offline', message: 'stopped' });
    expect(r.host.isOpen).toBe(false);
    const sent = r.sim.received.length;
    await sleep(40);
    expect(r.sim.received.length).toBe(sent);
    await r.reader.start();
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
  });

  it('auto-probes the line speed', async () => {
    const r = await rig({ autoBaud: true, commandTimeoutMs: 20, retries: 0 }, { baudRate: 19_200 });
    expect(r.reader.status).toEqual({ kind: 'online', media: 'absent' });
    expect(r.reader.baudRate).toBe(19_200);
    expect(r.host.baudRate).toBe(19_200);
    r.sim.placeCard(card);
    await waitFor(() => r.presented.length === 1);
  });

  it('keeps going when a listener throws (reported through onError)', async () => {
    const [host, device] = createMemoryPair();
    const sim = createIdCardSimulator(device);
    await sim.start();
    const errors: unknown[] = [];
    const reader = createIdCardReader(host, { ...FAST, onError: (e) => errors.push(e) });
    running.push({ host, sim, reader, statuses: [], presented: [], events: [] });
    let presented = 0;
    reader.on('cardPresented', () => {
      presented++;
      throw new Error('listener bug');
    });
    await reader.start();
    sim.placeCard(card);
    await waitFor(() => presented === 1);
    expect(errors).toHaveLength(1);
    expect(reader.status).toEqual({ kind: 'online', media: 'present' });
  });
});
