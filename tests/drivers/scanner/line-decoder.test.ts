/** The scanner's line decoder: any chunking of a stream of codes decodes the same codes; garbage is dropped with typed errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suffixBytes, type LineSuffix } from '../../../drivers/scanner/config';
import { createLineDecoder, type LineEvent } from '../../../drivers/scanner/line-decoder';

const encoder = new TextEncoder();

function stream(codes: readonly string[], suffix: LineSuffix): Uint8Array {
  const end = suffixBytes(suffix);
  const parts = codes.flatMap((code) => [encoder.encode(code), end]);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Cuts `bytes` at the given (sorted, deduplicated) offsets. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, to));
    from = to;
  }
  return chunks;
}

function decodeAll(chunks: Uint8Array[], suffix: LineSuffix, maxLength = 4096): LineEvent[] {
  const decoder = createLineDecoder({ suffix, maxLength });
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

/** Codes as scanners send them: any text without the line terminators, not empty. */
const code = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n]/.test(s));
const suffix = fc.constantFrom<LineSuffix>('CR', 'LF', 'CRLF');

describe('scanner line decoder', () => {
  it('decodes the same codes whatever the chunking (torn and merged reads, multi-byte UTF-8 split)', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 12 }), suffix, fc.array(fc.nat(), { maxLength: 40 }), (codes, sfx, offsets) => {
        const bytes = stream(codes, sfx);
        const events = decodeAll(cut(bytes, offsets), sfx);
        expect(events).toEqual(codes.map((value) => ({ ok: true, value })));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes byte by byte the same as in one chunk', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 8 }), suffix, (codes, sfx) => {
        const bytes = stream(codes, sfx);
        const single = decodeAll([bytes], sfx);
        const bytewise = decodeAll([...bytes].map((b) => Uint8Array.of(b)), sfx);
        expect(bytewise).toEqual(single);
      }),
    );
  });

  it('drops an over-long line with a typed error and decodes the next code', () => {
    const long = 'A'.repeat(5000);
    const bytes = stream(['OD-PAY-2026-0001', long, 'OD-APT-1'], 'CR');
    for (const size of [1, 7, 4096, bytes.length]) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      const events = decodeAll(chunks, 'CR');
      expect(events).toEqual([
        { ok: true, value: 'OD-PAY-2026-0001' },
        { ok: false, error: { kind: 'overlong', maxLength: 4096, message: 'line longer than 4096 bytes dropped' } },
        { ok: true, value: 'OD-APT-1' },
      ]);
    }
  });

  it('accepts a code of exactly maxLength bytes and rejects one byte more, for every suffix', () => {
    for (const sfx of ['CR', 'LF', 'CRLF'] as const) {
      const events = decodeAll([stream(['x'.repeat(32), 'y'.repeat(33)], sfx)], sfx, 32);
      expect(events.map((e) => (e.ok ? e.value : e.error.kind))).toEqual(['x'.repeat(32), 'overlong']);
    }
  });

  it('never reports the dropped content (it may be personal data)', () => {
    const events = decodeAll([stream(['SECRET'.repeat(10)], 'CR')], 'CR', 16);
    expect(JSON.stringify(events)).not.toContain('SECRET');
  });

  it('tolerates garbage: invalid UTF-8 is dropped with a typed error, empty lines are skipped', () => {
    const events = decodeAll([Uint8Array.of(0xff, 0xfe, 0x0d, 0x0d, 0x0d), stream(['码-1'], 'CR')], 'CR');
    expect(events).toEqual([
      { ok: false, error: { kind: 'invalidUtf8', length: 2, message: 'line of 2 bytes is not UTF-8; dropped' } },
      { ok: true, value: '码-1' },
    ]);
  });

  it('reads a CRLF scanner configured as CR (the LF is not part of the next code)', () => {
    const events = decodeAll([stream(['A1', 'B2'], 'CRLF')], 'CR');
    expect(events).toEqual([
      { ok: true, value: 'A1' },
      { ok: true, value: 'B2' },
    ]);
  });

  it('survives random noise without throwing and with bounded output', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), suffix, (noise, sfx) => {
        const events = decodeAll([noise], sfx, 64);
        for (const e of events) if (e.ok) expect(encoder.encode(e.value).length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 100 },
    );
  });
});
