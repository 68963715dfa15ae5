import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../../../drivers/transport/memory';

/** Lets queued microtask deliveries run. */
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function collect(transport: { on: (e: 'data', l: (c: Uint8Array) => void) => () => void }): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  transport.on('data', (c) => chunks.push(c));
  return chunks;
}

const concat = (chunks: Uint8Array[]): number[] => chunks.flatMap((c) => [...c]);

describe('createMemoryPair', () => {
  it('delivers what one end writes to the other, both ways, in order', async () => {
    const [a, b] = createMemoryPair();
    expect(a.isOpen).toBe(false);
    expect((await a.open()).ok).toBe(true);
    expect((await b.open()).ok).toBe(true);
    const atA = collect(a);
    const atB = collect(b);
    await a.write(Uint8Array.of(1, 2));
    await a.write(Uint8Array.of(3));
    await b.write(Uint8Array.of(9));
    await flush();
    expect(concat(atB)).toEqual([1, 2, 3]);
    expect(concat(atA)).toEqual([9]);
  });

  it('fails writes on a closed end and drops bytes sent to a closed end', async () => {
    const [a, b] = createMemoryPair();
    const written = await a.write(Uint8Array.of(1));
    expect(written).toEqual({ ok: false, error: expect.objectContaining({ kind: 'closed' }) });
    await a.open();
    const atB = collect(b);
    await a.write(Uint8Array.of(1));
    await flush();
    expect(atB).toEqual([]);
  });

  it('copies written bytes, so later changes by the writer do not leak', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const atB = collect(b);
    const bytes = Uint8Array.of(1, 2, 3);
    await a.write(bytes);
    bytes[0] = 99;
    await flush();
    expect(concat(atB)).toEqual([1, 2, 3]);
  });

  it('cuts writes into fixed-size chunks', async () => {
    const [a, b] = createMemoryPair({ chunking: { kind: 'fixed', size: 3 } });
    await a.open();
    await b.open();
    const atB = collect(b);
    await a.write(Uint8Array.from({ length: 8 }, (_, i) => i));
    await flush();
    expect(atB.map((c) => c.length)).toEqual([3, 3, 2]);
    expect(concat(atB)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('cuts writes into random chunks without losing or reordering bytes', async () => {
    const [a, b] = createMemoryPair({ chunking: { kind: 'random', maxSize: 5, seed: 3 } });
    await a.open();
    await b.open();
    const atB = collect(b);
    const sent = Array.from({ length: 200 }, (_, i) => i & 0xff);
    await a.write(Uint8Array.from(sent.slice(0, 120)));
    await a.write(Uint8Array.from(sent.slice(120)));
    await flush();
    expect(concat(atB)).toEqual(sent);
    expect(atB.length).toBeGreaterThan(40);
    expect(Math.max(...atB.map((c) => c.length))).toBeLessThanOrEqual(5);
  });

  it('unplug emits disconnected on both open ends and fails writes; replug restores the link', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const reasons: string[] = [];
    a.on('disconnected', (r) => reasons.push(`a:${r.kind}`));
    b.on('disconnected', (r) => reasons.push(`b:${r.kind}`));
    a.unplug();
    expect(reasons).toEqual(['a:closed', 'b:closed']);
    expect(a.isOpen).toBe(false);
    expect(a.plugged).toBe(false);
    expect(await b.write(Uint8Array.of(1))).toEqual({ ok: false, error: expect.objectContaining({ kind: 'closed' }) });
    expect(await a.open()).toEqual({ ok: false, error: expect.objectContaining({ kind: 'notFound' }) });

    b.replug();
    expect(b.isOpen).toBe(true); // the far device keeps its port open
    expect((await a.open()).ok).toBe(true);
    const atA = collect(a);
    await b.write(Uint8Array.of(7));
    await flush();
    expect(concat(atA)).toEqual([7]);
  });

  it('garbles bytes when the two ends run at different line speeds', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const atB = collect(b);
    await a.setBaudRate(9600);
    await a.write(Uint8Array.of(0xaa, 0x00));
    await b.setBaudRate(9600);
    await a.write(Uint8Array.of(0xaa, 0x00));
    await flush();
    expect(concat(atB)).toEqual([0x55, 0xff, 0xaa, 0x00]);
    expect(b.baudRate).toBe(9600);
  });
});
