/**
 * Two connected in-memory transports: what one end writes, the other end
 * receives. Used to put a simulator on the far end of a real driver in tests
 * and in simulation mode, with hooks to pull the cable and to tear writes into
 * chunks so that decoders see torn and merged reads.
 */

import type { Transport, TransportError, TransportEvents, TransportResult } from './transport';
import { seededRandom } from '../seeded-random';

/** How one end's writes are cut up before the other end receives them. */
export type MemoryChunking =
  | { kind: 'whole' }
  | { kind: 'fixed'; size: number }
  /** Chunk sizes uniformly in 1..maxSize, from a seeded generator (reproducible). */
  | { kind: 'random'; maxSize: number; seed?: number };

export interface MemoryPairOptions {
  /** Chunking applied to writes from both ends (each end can change its own later). */
  chunking?: MemoryChunking;
  /** Descriptions of the two ends, for logs. */
  names?: [string, string];
}

/** A memory transport with test hooks. */
export interface MemoryTransport extends Transport {
  /** Pulls the cable: both ends emit `disconnected`, writes fail with `closed`, `open()` fails with `notFound`. */
  unplug(): void;
  /**
   * Puts the cable back. Ends that were open before the unplug are open again
   * (the far device keeps running); the near driver is expected to call
   * `open()` again, which is then answered ok.
   */
  replug(): void;
  /** Whether the cable is currently plugged in. */
  readonly plugged: boolean;
  /** Sets this end's line speed; if the two ends differ, every byte arrives garbled. */
  setBaudRate(baudRate: number): Promise<TransportResult>;
  /** The current line speed of this end (default 115200). */
  readonly baudRate: number;
  /** Changes how this end's writes are chunked. */
  setChunking(chunking: MemoryChunking): void;
}

const DEFAULT_BAUD = 115_200;

type Listeners = { [E in keyof TransportEvents]: Set<TransportEvents[E]> };

/** Shared state of the cable between the two ends. */
interface Link {
  plugged: boolean;
  ends: [MemoryEnd, MemoryEnd];
}


class MemoryEnd implements MemoryTransport {
  readonly description: string;
  private opened = false;
  private line = DEFAULT_BAUD;
  private chunking: MemoryChunking = { kind: 'whole' };
  private random: () => number = seededRandom(1);
  private readonly listeners: Listeners = { data: new Set(), disconnected: new Set(), error: new Set() };

  constructor(
    description: string,
    private readonly link: { current?: Link },
    private readonly index: 0 | 1,
  ) {
    this.description = description;
  }

  get isOpen(): boolean {
    return this.opened && this.plugged;
  }

  get plugged(): boolean {
    return this.link.current?.plugged ?? false;
  }

  get baudRate(): number {
    return this.line;
  }

  private get peer(): MemoryEnd | undefined {
    return this.link.current?.ends[this.index === 0 ? 1 : 0];
  }

  async open(): Promise<TransportResult> {
    if (!this.plugged)
      return { ok: false, error: { kind: 'notFound', message: `${this.description}: cable unplugged` } };
    this.opened = true;
    return { ok: true, value: undefined };
  }

  async close(): Promise<void> {
    this.opened = false;
  }

  async setBaudRate(baudRate: number): Promise<TransportResult> {
    if (!this.isOpen) return { ok: false, error: { kind: 'closed', message: `${this.description}: not open` } };
    this.line = baudRate;
    return { ok: true, value: undefined };
  }

  async write(bytes: Uint8Array): Promise<TransportResult> {
    if (!this.isOpen) return { ok: false, error: { kind: 'closed', message: `${this.description}: not open` } };
    const peer = this.peer;
    if (peer === undefined) return { ok: true, value: undefined };
    // Mismatched line speeds garble every byte, as on a real UART.
    const payload = peer.line === this.line ? bytes.slice() : bytes.map((b) => b ^ 0xff);
    for (const chunk of this.cut(payload)) {
      // Each chunk is a separate delivery, after the current call stack, in order.
      queueMicrotask(() => peer.receive(chunk));
    }
    return { ok: true, value: undefined };
  }

  setChunking(chunking: MemoryChunking): void {
    this.chunking = chunking;
    if (chunking.kind === 'random') this.random = seededRandom(chunking.seed ?? 1);
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    const set = this.listeners[event] as Set<TransportEvents[E]>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  unplug(): void {
    const link = this.link.current;
    if (link === undefined || !link.plugged) return;
    link.plugged = false;
    const reason: TransportError = { kind: 'closed', message: 'cable unplugged' };
    for (const end of link.ends) if (end.opened) end.emitDisconnected(reason);
  }

  replug(): void {
    const link = this.link.current;
    if (link !== undefined) link.plugged = true;
  }

  /** Bytes arriving from the peer; dropped when this end is not open (like a closed port). */
  private receive(chunk: Uint8Array): void {
    if (!this.isOpen) return;
    for (const listener of [...this.listeners.data]) listener(chunk);
  }

  private emitDisconnected(reason: TransportError): void {
    for (const listener of [...this.listeners.disconnected]) listener(reason);
  }

  private cut(bytes: Uint8Array): Uint8Array[] {
    const chunking = this.chunking;
    switch (chunking.kind) {
      case 'whole':
        return bytes.length === 0 ? [] : [bytes];
      case 'fixed':
        return split(bytes, () => Math.max(1, chunking.size));
      case 'random':
        return split(bytes, () => 1 + Math.floor(this.random() * Math.max(1, chunking.maxSize)));
      default: {
        const unreachable: never = chunking;
        return unreachable;
      }
    }
  }
}

function split(bytes: Uint8Array, nextSize: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = nextSize();
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/**
 * Creates two connected in-memory transports. Both start closed; each side
 * calls `open()`. Bytes are delivered asynchronously (microtasks), in order.
 */
export function createMemoryPair(options: MemoryPairOptions = {}): [MemoryTransport, MemoryTransport] {
  const holder: { current?: Link } = {};
  const [nameA, nameB] = options.names ?? ['memory:a', 'memory:b'];
  const a = new MemoryEnd(nameA, holder, 0);
  const b = new MemoryEnd(nameB, holder, 1);
  holder.current = { plugged: true, ends: [a, b] };
  if (options.chunking !== undefined) {
    a.setChunking(options.chunking);
    b.setChunking(options.chunking);
  }
  return [a, b];
}
