import { afterEach, describe, expect, it } from 'vitest';
import { createSerialTransport } from '../../../drivers/transport/serial';
import { toTransportError } from '../../../drivers/transport/transport-error';
import type { Transport, TransportError } from '../../../drivers/transport/transport';
import { createPtyPair, type PtyPair } from '../../helpers/pty';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function pair(): Promise<PtyPair> {
  const p = await createPtyPair();
  cleanups.push(() => p.close());
  return p;
}

async function opened(path: string): Promise<Transport> {
  const t = createSerialTransport({ path, baudRate: 115200 });
  const result = await t.open();
  expect(result).toEqual({ ok: true, value: undefined });
  cleanups.push(() => t.close());
  return t;
}

function collect(t: Transport): { bytes: () => Uint8Array; waitFor: (n: number, ms?: number) => Promise<Uint8Array> } {
  const chunks: number[] = [];
  const waiters: Array<() => void> = [];
  t.on('data', (chunk) => {
    chunks.push(...chunk);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    bytes: () => Uint8Array.from(chunks),
    waitFor: (n, ms = 3000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${chunks.length} of ${n} bytes`)), ms);
        const check = (): void => {
          if (chunks.length >= n) {
            clearTimeout(timer);
            resolve(Uint8Array.from(chunks));
          } else waiters.push(check);
        };
        check();
      }),
  };
}

describe('native error mapping', () => {
  it('maps errno codes and bindings-cpp messages to TransportError kinds', () => {
    const kind = (e: unknown): string => toTransportError(e, 'x').kind;
    expect(kind(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('notFound');
    expect(kind(new Error('Error: No such file or directory, cannot open /dev/ttyUSB0'))).toBe('notFound');
    expect(kind(Object.assign(new Error('x'), { code: 'EBUSY' }))).toBe('busy');
    expect(kind(new Error('Error Resource temporarily unavailable Cannot lock port'))).toBe('busy');
    expect(kind(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission');
    expect(kind(new Error('Error: Permission denied, cannot open /dev/ttyS0'))).toBe('permission');
    expect(kind(new Error('Port is not open'))).toBe('closed');
    expect(kind(new Error('EIO: i/o error, read'))).toBe('io');
    expect(kind('weird')).toBe('io');
  });
});

describe('serial transport over a socat pty pair (real binding)', () => {
  it('round-trips bytes both ways at 115200 and describes itself', async () => {
    const p = await pair();
    const a = await opened(p.a);
    const b = await opened(p.b);
    expect(a.description).toBe(`serial:${p.a}@115200`);
    expect(a.isOpen).toBe(true);
    const atB = collect(b);
    const atA = collect(a);
    const frame = Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x11, 0xff, 0xed]);
    expect(await a.write(frame)).toEqual({ ok: true, value: undefined });
    expect(await atB.waitFor(frame.length)).toEqual(frame);
    const big = Uint8Array.from({ length: 2321 }, (_, i) => (i * 7) & 0xff);
    expect((await b.write(big)).ok).toBe(true);
    expect(await atA.waitFor(big.length)).toEqual(big);
  });

  // Speed over a pty is a benchmark (idcard.read.pty115200 in npm run bench), not asserted here.
  it('carries 20 one-byte round trips through an echoing peer, in order', async () => {
    const p = await pair();
    const a = await opened(p.a);
    const b = await opened(p.b);
    b.on('data', (chunk) => void b.write(chunk));
    const atA = collect(a);
    for (let i = 1; i <= 20; i++) {
      await a.write(Uint8Array.of(i));
      await atA.waitFor(i);
    }
    expect([...atA.bytes()]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('maps open failures: missing path → notFound, second opener → busy', async () => {
    const missing = await createSerialTransport({ path: '/dev/onedoor-no-such-port', baudRate: 115200 }).open();
    expect(missing.ok ? undefined : missing.error.kind).toBe('notFound');
    const p = await pair();
    await opened(p.a);
    const second = await createSerialTransport({ path: p.a, baudRate: 115200 }).open();
    expect(second.ok ? undefined : second.error.kind).toBe('busy');
  });

  it('reports closed, not a throw, when writing to a port that is not open', async () => {
    const t = createSerialTransport({ path: '/dev/null-port', baudRate: 9600 });
    const result = await t.write(Uint8Array.of(1));
    expect(result.ok ? undefined : result.error.kind).toBe('closed');
  });

  it('changes the line speed with setBaudRate and keeps working', async () => {
    const p = await pair();
    const a = await opened(p.a);
    const b = await opened(p.b);
    expect(await a.setBaudRate!(9600)).toEqual({ ok: true, value: undefined });
    expect(a.description).toBe(`serial:${p.a}@9600`);
    const atB = collect(b);
    await a.write(Uint8Array.of(9, 8, 7));
    expect(await atB.waitFor(3)).toEqual(Uint8Array.of(9, 8, 7));
  });

  it('emits disconnected on both ends when socat goes away, and not on our own close', async () => {
    const p = await pair();
    const a = await opened(p.a);
    const b = await opened(p.b);
    const seen: Array<[string, TransportError]> = [];
    const gone = new Promise<void>((resolve) => {
      a.on('disconnected', (r) => {
        seen.push(['a', r]);
        if (seen.length === 2) resolve();
      });
      b.on('disconnected', (r) => {
        seen.push(['b', r]);
        if (seen.length === 2) resolve();
      });
    });
    await p.close();
    await gone;
    expect(seen.map(([who]) => who).sort()).toEqual(['a', 'b']);
    expect(a.isOpen).toBe(false);
    const write = await a.write(Uint8Array.of(1));
    expect(write.ok ? undefined : write.error.kind).toBe('closed');

    const q = await pair();
    const c = await opened(q.a);
    let disconnects = 0;
    c.on('disconnected', () => disconnects++);
    await c.close();
    await q.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(disconnects).toBe(0);
    expect(c.isOpen).toBe(false);
  });

  it('treats a vanished device path as a disconnect (bindings-cpp spins silently on pty EOF)', async () => {
    const p = await pair();
    let present = true;
    const t = createSerialTransport({ path: p.a, baudRate: 115200, presenceCheckMs: 20, pathExists: () => present });
    expect((await t.open()).ok).toBe(true);
    cleanups.push(() => t.close());
    const reason = new Promise<TransportError>((resolve) => t.on('disconnected', resolve));
    present = false;
    expect(await reason).toMatchObject({ kind: 'notFound', message: expect.stringContaining('disappeared') });
    expect(t.isOpen).toBe(false);
  });

  it('reopens after close', async () => {
    const p = await pair();
    const a = await opened(p.a);
    const b = await opened(p.b);
    await a.close();
    expect((await a.open()).ok).toBe(true);
    const atB = collect(b);
    await a.write(Uint8Array.of(42));
    expect(await atB.waitFor(1)).toEqual(Uint8Array.of(42));
  });
});
