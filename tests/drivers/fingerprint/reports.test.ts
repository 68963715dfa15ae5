import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCaptureAssembler } from '../../../drivers/fingerprint/assembler';
import { crc16, crc32 } from '../../../drivers/fingerprint/checksums';
import { MAX_CHUNK, MAX_PAYLOAD, REPORT_SIZE, type CaptureHeader, type DeviceReport } from '../../../drivers/fingerprint/protocol';
import { decodeCommand, decodeDeviceReport, encodeBlob, encodeCommand, encodeData, encodeProgress, encodeReport, encodeResponse } from '../../../drivers/fingerprint/reports';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('FP-HID checksums', () => {
  it('are the standard CRC-16/CCITT-FALSE and CRC-32 (check values of "123456789")', () => {
    expect(crc16(ascii('123456789'))).toBe(0x29b1);
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
  });
});

describe('FP-HID report layout', () => {
  it('puts id, seq, length, payload, zero padding and a big-endian CRC-16 into 64 bytes', () => {
    const report = encodeReport(0x02, 7, Uint8Array.of(0x02, 0x00));
    expect(report.length).toBe(REPORT_SIZE);
    expect([...report.subarray(0, 5)]).toEqual([0x02, 7, 2, 0x02, 0x00]);
    expect(report.subarray(5, 62).every((b) => b === 0)).toBe(true);
    expect((report[62]! << 8) | report[63]!).toBe(crc16(report, 0, 62));
  });

  it('round-trips a capture command with its timeout in 100 ms units', () => {
    const bytes = encodeCommand({ seq: 9, command: 'capture', timeoutMs: 15_000, wantImage: true });
    expect([...bytes.subarray(0, 7)]).toEqual([0x01, 9, 4, 0x02, 0x00, 150, 0x01]);
    expect(decodeCommand(bytes)).toEqual({ ok: true, value: { seq: 9, command: 'capture', timeoutMs: 15_000, wantImage: true } });
  });

  it('round-trips info, capture and status responses, progress and data', () => {
    const info = { protocolVersion: 1, firmware: '2.5', imageWidth: 256, imageHeight: 360, dpi: 500, serialNumber: 'FP-0042' };
    const header: CaptureHeader = { quality: 77, templateLength: 512, templateCrc32: 0xdeadbeef, imageLength: 0, imageCrc32: 0 };
    const cases: Array<[Uint8Array, DeviceReport]> = [
      [encodeResponse(1, 'getInfo', 'ok', { kind: 'info', info }), { type: 'response', seq: 1, command: 'getInfo', status: 'ok', body: { kind: 'info', info } }],
      [encodeResponse(2, 'capture', 'ok', { kind: 'capture', header }), { type: 'response', seq: 2, command: 'capture', status: 'ok', body: { kind: 'capture', header } }],
      [encodeResponse(3, 'capture', 'timeout'), { type: 'response', seq: 3, command: 'capture', status: 'timeout', body: { kind: 'none' } }],
      [encodeProgress(4, 'fingerDetected', 55), { type: 'progress', seq: 4, state: 'fingerDetected', quality: 55 }],
      [encodeProgress(4, 'waitingForFinger', null), { type: 'progress', seq: 4, state: 'waitingForFinger', quality: null }],
      [encodeData(5, 'template', 3, Uint8Array.of(1, 2, 3)), { type: 'data', seq: 5, blob: 'template', index: 3, bytes: Uint8Array.of(1, 2, 3) }],
    ];
    for (const [bytes, expected] of cases) expect(decodeDeviceReport(bytes)).toEqual({ ok: true, value: expected });
  });

  it('refuses each kind of malformed report with its own typed error', () => {
    const good = encodeProgress(1, 'fingerDetected', 50);
    const kind = (bytes: Uint8Array) => {
      const d = decodeDeviceReport(bytes);
      return d.ok ? 'ok' : d.error.kind;
    };
    expect(kind(good.subarray(0, 63))).toBe('size');
    const flipped = good.slice();
    flipped[4] = 51;
    expect(kind(flipped)).toBe('checksum');
    expect(kind(encodeReport(0x01, 1, Uint8Array.of(1)))).toBe('reportId');
    expect(kind(encodeReport(0x04, 1, Uint8Array.of(0x02, 101)))).toBe('payload');
    expect(kind(encodeReport(0x02, 1, Uint8Array.of(0x02, 0x09)))).toBe('payload');
    expect(kind(encodeReport(0x03, 1, Uint8Array.of(0x07, 0, 0, 1)))).toBe('payload');
    const padded = good.slice();
    padded[40] = 1;
    const crc = crc16(padded, 0, 62);
    padded[62] = crc >> 8;
    padded[63] = crc & 0xff;
    expect(kind(padded)).toBe('padding');
    const long = good.slice();
    long[2] = MAX_PAYLOAD + 1;
    const crc2 = crc16(long, 0, 62);
    long[62] = crc2 >> 8;
    long[63] = crc2 & 0xff;
    expect(kind(long)).toBe('length');
    expect(kind(encodeResponse(1, 'capture', 'ok', { kind: 'capture', header: { quality: 50, templateLength: 4000, templateCrc32: 0, imageLength: 0, imageCrc32: 0 } }))).toBe('payload');
  });

  it('property: any 64 bytes decode to a value or a typed error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (bytes) => {
        const d = decodeDeviceReport(bytes);
        const c = decodeCommand(bytes);
        expect(typeof d.ok).toBe('boolean');
        expect(typeof c.ok).toBe('boolean');
        if (d.ok && d.value.type === 'data') expect(d.value.bytes.length).toBeLessThanOrEqual(MAX_CHUNK);
        if (d.ok && d.value.type === 'progress' && d.value.quality !== null) expect(d.value.quality).toBeLessThanOrEqual(100);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: reports with a valid CRC but arbitrary fields decode to a value of their id or a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.nat(255), fc.integer({ min: 0, max: 63 }), fc.uint8Array({ minLength: 59, maxLength: 59 }), fc.boolean(), (id, seq, declared, body, zeroPad) => {
        const report = new Uint8Array(64);
        report[0] = id;
        report[1] = seq;
        report[2] = declared;
        report.set(body, 3);
        if (zeroPad && declared <= 59) report.fill(0, 3 + declared, 62);
        const crc = crc16(report, 0, 62);
        report[62] = crc >> 8;
        report[63] = crc & 0xff;
        const d = decodeDeviceReport(report);
        if (d.ok) expect({ 2: 'response', 3: 'data', 4: 'progress' }[id]).toBe(d.value.type);
        else expect(['reportId', 'length', 'padding', 'payload']).toContain(d.error.kind);
        if (declared > 59) expect(d.ok ? 'ok' : d.error.kind).toBe('length');
      }),
      { numRuns: 3000 },
    );
  });

  it('property: one flipped bit in a valid report is always refused (CRC-16 catches single-bit errors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 511 }), (seq, quality, bit) => {
        const report = encodeProgress(seq, 'fingerDetected', quality);
        report[bit >> 3]! ^= 1 << (bit & 7);
        expect(decodeDeviceReport(report).ok).toBe(false);
      }),
    );
  });

  it('property: a blob split into data reports reassembles to the same bytes; a reordered or dropped chunk is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.nat(), (template, pick) => {
        const header: CaptureHeader = { quality: 80, templateLength: template.length, templateCrc32: crc32(template), imageLength: 0, imageCrc32: 0 };
        const chunks = encodeBlob(3, 'template', template).map((r) => {
          const d = decodeDeviceReport(r);
          if (!d.ok || d.value.type !== 'data') throw new Error('bad chunk');
          return d.value;
        });
        const assembler = createCaptureAssembler(header);
        let last;
        for (const c of chunks) last = assembler.push(c);
        expect(last).toEqual({ ok: true, value: { done: true, capture: { template, image: null } } });
        if (chunks.length > 1) {
          const skip = createCaptureAssembler(header);
          const dropped = pick % chunks.length;
          const results = chunks.filter((_, i) => i !== dropped).map((c) => skip.push(c));
          expect(results.some((r) => !r.ok)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a blob whose CRC-32 does not match', () => {
    const template = Uint8Array.of(1, 2, 3, 4);
    const assembler = createCaptureAssembler({ quality: 80, templateLength: 4, templateCrc32: crc32(template) ^ 1, imageLength: 0, imageCrc32: 0 });
    const step = assembler.push({ blob: 'template', index: 0, bytes: template });
    expect(step.ok ? null : step.error.kind).toBe('blobChecksum');
  });
});
