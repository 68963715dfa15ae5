/**
 * A resident ID card reader (SAM_V) simulated at the far end of a transport.
 * It speaks GA 467 byte for byte (DOMAIN.md §1), decoding host frames with the
 * same decoder the driver uses, so the real codec runs even in simulation.
 * Tests and the device dock script it: place or remove a card, inject SAM or
 * read faults, go silent, answer noise, delay answers, pace like a real line.
 */

import type { Transport, TransportResult } from '../transport/transport';
import { commandName } from './commands';
import { encodeResponse, Ga467FrameDecoder, type CommandFrame } from './frame';
import { encodeReadPayload, type CardPayload } from './read-payload';
import { SAM_ID_SIZE } from './sam-id';
import { SW3 } from './status-codes';
import { seededRandom } from '../seeded-random';

/** A card as the simulator holds it. */
export type SimulatedCard = CardPayload & {
  /** Answer to 30 03; without it the simulator answers 0x91 (no content). */
  appendedAddress?: Uint8Array;
};

/** Options of {@link createIdCardSimulator}. */
export interface IdCardSimulatorOptions {
  /** Bits per second to pace answers at (8N1: 10 bits a byte); 0 or absent = unpaced. */
  paceBaud?: number;
  /** Bytes per write when paced (USB readers deliver 64-byte packets). Default 64. */
  chunkSize?: number;
  /** Line speed of the device; set on the transport at start when it has `setBaudRate`. */
  baudRate?: number;
  /** The 16 SAM ID bytes. Default: a fixed sample. */
  samId?: Uint8Array;
  /** After a successful read, "find" fails until the card leaves the field (as on real readers). Default true. */
  haltAfterRead?: boolean;
  /** Delay before each answer, in ms. Default 0. */
  responseDelayMs?: number;
  /** Seed for garbage bytes. */
  seed?: number;
}

/** How long an injected read fault lasts. */
export type FaultMode = 'once' | 'always';

/** The simulator's scripting API. */
export interface IdCardSimulator {
  /** Opens the transport and starts answering. */
  start(): Promise<TransportResult>;
  /** Stops answering, cancels paced writes and closes the transport. */
  stop(): Promise<void>;
  /** Puts a card in the field (replacing any card there). */
  placeCard(card: SimulatedCard): void;
  /** Takes the card out of the field. */
  removeCard(): void;
  /** Makes status/find/select/read/SAM ID answer this SAM error code (e.g. 0x60), or clears it. */
  setSamFault(code: number | null): void;
  /** Makes the next read (`once`) or every read (`always`) answer this code (e.g. 0x41), or clears it. */
  setCardReadFault(code: number | null, mode?: FaultMode): void;
  setResponseDelayMs(ms: number): void;
  /** A silent device receives but never answers. */
  setSilent(silent: boolean): void;
  /** The reader lost power (cable pulled): it forgets that the card in its field was already read. */
  powerCycle(): void;
  /** Answer every command with random bytes that contain no frame. */
  setGarbage(garbage: boolean): void;
  /** Commands received so far, as names (or `unknown:CC PP`), and protocol errors as `checksumError`/`lengthError`. */
  readonly received: readonly string[];
  /** Whether a card is in the field. */
  readonly cardPresent: boolean;
}

/** A sample SAM ID: formats as 05.01-20240101-0000012345-0123456789. */
const DEFAULT_SAM_ID = (() => {
  const bytes = new Uint8Array(SAM_ID_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 5, true);
  view.setUint16(2, 1, true);
  view.setUint32(4, 20240101, true);
  view.setUint32(8, 12345, true);
  view.setUint32(12, 123456789, true);
  return bytes;
})();

/** Where the card is in the find → select → read sequence. */
type CardPhase = 'fresh' | 'found' | 'selected';


/** Creates a simulator on `transport` (the reader's end of the cable). Call `start()` to open it. */
export function createIdCardSimulator(transport: Transport, options: IdCardSimulatorOptions = {}): IdCardSimulator {
  const decoder = new Ga467FrameDecoder({ direction: 'command' });
  const random = seededRandom(options.seed ?? 7);
  const samId = options.samId ?? DEFAULT_SAM_ID;
  const haltAfterRead = options.haltAfterRead ?? true;
  const chunkSize = Math.max(1, options.chunkSize ?? 64);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const received: string[] = [];

  let card: SimulatedCard | undefined;
  let phase: CardPhase = 'fresh';
  // After a successful read "find" fails until the card is put back; reading again still works.
  let halted = false;
  let samFault: number | null = null;
  let readFault: { code: number; mode: FaultMode } | null = null;
  let delayMs = options.responseDelayMs ?? 0;
  let silent = false;
  let garbage = false;
  let running = false;
  // Paced answers queue behind each other like bytes on one wire.
  let lineFreeAt = 0;
  let unsubscribe: (() => void) | undefined;

  function later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  function send(bytes: Uint8Array): void {
    const write = (chunk: Uint8Array): void => {
      if (running) void transport.write(chunk);
    };
    const pace = options.paceBaud ?? 0;
    if (pace <= 0) {
      if (delayMs > 0) later(delayMs, () => write(bytes));
      else write(bytes);
      return;
    }
    const bytesPerMs = pace / 10 / 1000;
    const now = Date.now();
    let at = Math.max(now + delayMs, lineFreeAt);
    for (let off = 0; off < bytes.length; off += chunkSize) {
      const chunk = bytes.subarray(off, off + chunkSize);
      at += chunk.length / bytesPerMs;
      // A chunk is handed over once its last byte would have crossed the line.
      later(Math.max(0, at - now), () => write(chunk));
    }
    lineFreeAt = at;
  }

  function answer(sw3: number, data?: Uint8Array): void {
    send(encodeResponse(sw3, data));
  }

  function noise(): Uint8Array {
    // No 0xAA at all, so the noise can never contain a preamble.
    const out = new Uint8Array(8 + Math.floor(random() * 40));
    for (let i = 0; i < out.length; i++) {
      let b = Math.floor(random() * 256);
      if (b === 0xaa) b = 0x55;
      out[i] = b;
    }
    return out;
  }

  function onCommand(frame: CommandFrame): void {
    const name = commandName(frame.cmd, frame.para);
    received.push(name ?? `unknown:${hex(frame.cmd)} ${hex(frame.para)}`);
    if (silent) return;
    if (garbage) {
      send(noise());
      return;
    }
    if (name === undefined) {
      answer(SW3.commandError);
      return;
    }
    if (samFault !== null && name !== 'resetSam') {
      answer(samFault);
      return;
    }
    switch (name) {
      case 'resetSam':
      case 'samStatus':
        answer(SW3.success);
        return;
      case 'samId':
        answer(SW3.success, samId);
        return;
      case 'findCard':
        if (card === undefined || halted) {
          answer(SW3.findFailed);
          return;
        }
        if (phase === 'fresh') phase = 'found';
        answer(SW3.cardFound, new Uint8Array(4));
        return;
      case 'selectCard':
        if (card === undefined || phase === 'fresh') {
          answer(SW3.selectFailed);
          return;
        }
        phase = 'selected';
        answer(SW3.success, new Uint8Array(8));
        return;
      case 'readText':
      case 'readTextAndFingerprint':
        if (card === undefined || phase !== 'selected') {
          answer(SW3.cardReadFailed);
          return;
        }
        if (readFault !== null) {
          const code = readFault.code;
          if (readFault.mode === 'once') readFault = null;
          answer(code);
          return;
        }
        answer(SW3.success, encodeReadPayload(card, name === 'readTextAndFingerprint'));
        if (haltAfterRead) halted = true;
        return;
      case 'readAppendedAddress':
      case 'readManagementNumber':
        if (card === undefined || phase !== 'selected') answer(SW3.cardReadFailed);
        else if (name === 'readAppendedAddress' && card.appendedAddress !== undefined)
          answer(SW3.success, card.appendedAddress);
        else answer(SW3.noContent);
        return;
      case 'setMaxRfFrame':
        answer(frame.data.length === 1 ? SW3.success : SW3.lengthError);
        return;
      default: {
        const unreachable: never = name;
        return unreachable;
      }
    }
  }

  function onData(chunk: Uint8Array): void {
    for (const item of decoder.push(chunk)) {
      if (item.kind === 'frame') {
        onCommand(item.frame);
      } else if (item.reason !== 'noise') {
        // A corrupted host frame: the device reports what it could tell.
        received.push(item.reason === 'checksum' ? 'checksumError' : 'lengthError');
        if (!silent && !garbage) answer(item.reason === 'checksum' ? SW3.checksumError : SW3.lengthError);
      }
    }
  }

  return {
    async start() {
      const opened = await transport.open();
      if (!opened.ok) return opened;
      if (options.baudRate !== undefined && transport.setBaudRate !== undefined) {
        const set = await transport.setBaudRate(options.baudRate);
        if (!set.ok) return set;
      }
      unsubscribe?.();
      unsubscribe = transport.on('data', onData);
      decoder.reset();
      running = true;
      return { ok: true, value: undefined };
    },
    async stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = undefined;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await transport.close();
    },
    placeCard(next) {
      card = next;
      phase = 'fresh';
      halted = false;
    },
    removeCard() {
      card = undefined;
      phase = 'fresh';
      halted = false;
    },
    powerCycle() {
      phase = 'fresh';
      halted = false;
    },
    setSamFault(code) {
      samFault = code;
    },
    setCardReadFault(code, mode = 'always') {
      readFault = code === null ? null : { code, mode };
    },
    setResponseDelayMs(ms) {
      delayMs = Math.max(0, ms);
    },
    setSilent(value) {
      silent = value;
    },
    setGarbage(value) {
      garbage = value;
    },
    get received() {
      return received;
    },
    get cardPresent() {
      return card !== undefined;
    },
  };
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
