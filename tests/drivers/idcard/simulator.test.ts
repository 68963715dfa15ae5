import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeNamedCommand, type Ga467CommandName } from '../../../drivers/idcard/commands';
import { encodeCommand, encodeResponse, Ga467FrameDecoder } from '../../../drivers/idcard/frame';
import {
  createIdCardSimulator,
  type IdCardSimulator,
  type IdCardSimulatorOptions,
} from '../../../drivers/idcard/simulator';
import { createMemoryPair, type MemoryTransport } from '../../../drivers/transport/memory';

/** A 256-byte UCS-2LE text block with `name` at offset 0, padded with spaces. */
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

interface Rig {
  host: MemoryTransport;
  sim: IdCardSimulator;
  /** Raw bytes the host received. */
  received: number[];
  /** Sends a named command and returns the raw answer once complete. */
  ask(name: Ga467CommandName | Uint8Array, settleMs?: number): Promise<Uint8Array>;
}

const rigs: IdCardSimulator[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const sim of rigs.splice(0)) await sim.stop();
});

async function rig(options: IdCardSimulatorOptions = {}): Promise<Rig> {
  const [host, device] = createMemoryPair();
  const sim = createIdCardSimulator(device, options);
  rigs.push(sim);
  expect((await sim.start()).ok).toBe(true);
  await host.open();
  const received: number[] = [];
  host.on('data', (c) => received.push(...c));
  return {
    host,
    sim,
    received,
    async ask(name, settleMs = 5) {
      received.length = 0;
      await host.write(typeof name === 'string' ? encodeNamedCommand(name) : name);
      await new Promise((r) => setTimeout(r, settleMs));
      return Uint8Array.from(received);
    },
  };
}

const hex = (s: string): Uint8Array =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  );

describe('ID card simulator, byte for byte', () => {
  it('answers status, reset and SAM ID', async () => {
    const r = await rig();
    expect(await r.ask('samStatus')).toEqual(hex('AA AA AA 96 69 00 04 00 00 90 94'));
    expect(await r.ask('resetSam')).toEqual(hex('AA AA AA 96 69 00 04 00 00 90 94'));
    const samId = await r.ask('samId');
    expect(samId.length).toBe(27);
    expect(r.sim.received).toEqual(['samStatus', 'resetSam', 'samId']);
  });

  it('runs find → select → read with the documented sizes, then halts the card', async () => {
    const r = await rig();
    expect(await r.ask('findCard')).toEqual(hex('AA AA AA 96 69 00 04 00 00 80 84'));
    const text = textBlock('张三');
    r.sim.placeCard({ text, photo });
    expect(await r.ask('findCard')).toEqual(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    const select = await r.ask('selectCard');
    expect(select.length).toBe(19);
    expect(select[18]).toBe(0x9c);
    const read = await r.ask('readText');
    expect(read.length).toBe(1295);
    expect([read[5], read[6], read[9]]).toEqual([0x05, 0x08, 0x90]);
    expect([...read.subarray(10, 14)]).toEqual([0x01, 0x00, 0x04, 0x00]);
    expect(read.subarray(14, 14 + 256)).toEqual(text);
    expect(read.subarray(270, 270 + 1024)).toEqual(photo);
    // The card must leave the field before it is found again.
    expect((await r.ask('findCard'))[9]).toBe(0x80);
    r.sim.removeCard();
    r.sim.placeCard({ text, photo });
    expect((await r.ask('findCard'))[9]).toBe(0x9f);
  });

  it('reads text + photo + fingerprint with 30 10 (LEN 0x090A, 2321 bytes, text at 16)', async () => {
    const r = await rig();
    const text = textBlock('李四');
    r.sim.placeCard({ text, photo, fingerprint });
    await r.ask('findCard');
    await r.ask('selectCard');
    const read = await r.ask('readTextAndFingerprint');
    expect(read.length).toBe(2321);
    expect([read[5], read[6]]).toEqual([0x09, 0x0a]);
    expect(read.subarray(16, 16 + 256)).toEqual(text);
    expect(read.subarray(16 + 256 + 1024, 16 + 2304)).toEqual(fingerprint);
  });

  it('answers select and read without a found card with 0x81 and 0x41', async () => {
    const r = await rig();
    expect((await r.ask('selectCard'))[9]).toBe(0x81);
    r.sim.placeCard({ text: textBlock('x'), photo });
    expect((await r.ask('readText'))[9]).toBe(0x41);
  });

  it('answers a corrupted host frame with 0x10 and an unknown command with 0x21', async () => {
    const r = await rig();
    const bad = encodeNamedCommand('findCard').slice();
    bad[9]! ^= 0x01;
    expect(await r.ask(bad)).toEqual(encodeResponse(0x10));
    expect(await r.ask(encodeCommand(0x20, 0x00))).toEqual(encodeResponse(0x21));
    expect(r.sim.received).toEqual(['checksumError', 'unknown:20 00']);
  });

  it('answers set max RF frame', async () => {
    const r = await rig();
    expect(await r.ask(encodeNamedCommand('setMaxRfFrame', Uint8Array.of(0x50)))).toEqual(encodeResponse(0x90));
  });

  it('injects SAM faults, read faults once or always, silence and garbage', async () => {
    const r = await rig();
    r.sim.setSamFault(0x60);
    expect((await r.ask('samStatus'))[9]).toBe(0x60);
    expect((await r.ask('findCard'))[9]).toBe(0x60);
    r.sim.setSamFault(null);
    r.sim.placeCard({ text: textBlock('x'), photo });
    await r.ask('findCard');
    await r.ask('selectCard');
    r.sim.setCardReadFault(0x41, 'once');
    expect((await r.ask('readText'))[9]).toBe(0x41);
    expect((await r.ask('readText'))[9]).toBe(0x90);
    r.sim.setSilent(true);
    expect(await r.ask('samStatus')).toEqual(new Uint8Array(0));
    r.sim.setSilent(false);
    r.sim.setGarbage(true);
    const noise = await r.ask('samStatus');
    expect(noise.length).toBeGreaterThan(0);
    expect(new Ga467FrameDecoder().push(noise).some((i) => i.kind === 'frame')).toBe(false);
  });

  it('delays answers by the configured time', async () => {
    const r = await rig();
    r.sim.setResponseDelayMs(40);
    expect(await r.ask('samStatus', 10)).toEqual(new Uint8Array(0));
    await new Promise((res) => setTimeout(res, 50));
    expect(r.received.length).toBe(11);
  });

  it('paces answers like a 115200 baud line, in 64-byte chunks', async () => {
    vi.useFakeTimers();
    const r = await rig({ paceBaud: 115_200 });
    const chunks: number[] = [];
    r.host.on('data', (c) => chunks.push(c.length));
    r.sim.placeCard({ text: textBlock('x'), photo });
    for (const name of ['findCard', 'selectCard'] as const) {
      await r.host.write(encodeNamedCommand(name));
      await vi.advanceTimersByTimeAsync(10);
    }
    chunks.length = 0;
    await r.host.write(encodeNamedCommand('readText'));
    // 1295 bytes at 11.52 bytes/ms take about 112 ms.
    await vi.advanceTimersByTimeAsync(60);
    const halfway = chunks.reduce((a, b) => a + b, 0);
    expect(halfway).toBeGreaterThan(400);
    expect(halfway).toBeLessThan(900);
    await vi.advanceTimersByTimeAsync(60);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(1295);
    expect(Math.max(...chunks)).toBe(64);
  });
});
