import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHidTransport,
  type HidDeviceHandle,
  type HidDeviceInfo,
  type HidModule,
} from '../../../drivers/transport/hid';
import { decodeReport, encodeReports, validateFraming, type HidFraming } from '../../../drivers/transport/hid-reports';

/** A fake HIDAsync device: records written reports; the test pushes input reports. */
class FakeHidDevice extends EventEmitter implements HidDeviceHandle {
  written: Buffer[] = [];
  closed = false;
  failWrites = false;
  constructor(readonly path: string) {
    super();
  }
  async write(values: number[] | Buffer): Promise<number> {
    if (this.failWrites) throw new Error('Cannot write to hid device');
    const buf = Buffer.from(values);
    this.written.push(buf);
    return buf.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  input(report: Uint8Array): void {
    this.emit('data', Buffer.from(report));
  }
}

function fakeHid(devices: HidDeviceInfo[]): HidModule & { opened: FakeHidDevice[] } {
  const opened: FakeHidDevice[] = [];
  return {
    opened,
    HIDAsync: {
      async open(path: string) {
        if (!devices.some((d) => d.path === path)) throw new Error(`cannot open device with path ${path}`);
        const d = new FakeHidDevice(path);
        opened.push(d);
        return d;
      },
    },
    async devicesAsync() {
      return devices;
    },
  };
}

const reader: HidDeviceInfo = {
  vendorId: 0x0400,
  productId: 0xc35a,
  path: '/dev/hidraw3',
  serialNumber: 'SN1',
  product: 'ID reader',
};

describe('HID report framing', () => {
  const framings: HidFraming[] = [
    { reportId: 0, reportSize: 64, lengthPrefix: 'none' },
    { reportId: 0, reportSize: 64, lengthPrefix: 'u8' },
    { reportId: 2, reportSize: 64, lengthPrefix: 'u16be' },
    { reportId: 5, reportSize: 32, lengthPrefix: 'u16le' },
    { reportId: 1, reportSize: 3, lengthPrefix: 'u8' },
  ];

  it('splits into reports of 1 + reportSize bytes with the report id first (0 when unnumbered)', () => {
    const bytes = Uint8Array.from({ length: 130 }, (_, i) => i);
    const reports = encodeReports(bytes, { reportId: 0, reportSize: 64, lengthPrefix: 'u8' });
    expect(reports).toHaveLength(3);
    for (const r of reports) {
      expect(r.length).toBe(65);
      expect(r[0]).toBe(0);
    }
    expect([reports[0]![1], reports[1]![1], reports[2]![1]]).toEqual([63, 63, 4]);
    expect(Array.from(reports[2]!.subarray(2, 6))).toEqual([126, 127, 128, 129]);
    expect(reports[2]!.subarray(6).every((b) => b === 0)).toBe(true);
    const be = encodeReports(Uint8Array.of(1, 2, 3), { reportId: 7, reportSize: 8, lengthPrefix: 'u16be' });
    expect(Array.from(be[0]!)).toEqual([7, 0, 3, 1, 2, 3, 0, 0, 0]);
    const le = encodeReports(Uint8Array.of(1, 2, 3), { reportId: 7, reportSize: 8, lengthPrefix: 'u16le' });
    expect(Array.from(le[0]!)).toEqual([7, 3, 0, 1, 2, 3, 0, 0, 0]);
    expect(encodeReports(new Uint8Array(0), framings[0]!)).toEqual([]);
  });

  it('round-trips any byte stream for every prefix kind (property)', () => {
    for (const framing of framings.filter((f) => f.lengthPrefix !== 'none')) {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
          const out: number[] = [];
          for (const report of encodeReports(bytes, framing)) {
            // What hidraw hands back: the report id only for numbered reports.
            const asRead = framing.reportId === 0 ? report.subarray(1) : report;
            const decoded = decodeReport(asRead, framing);
            if (!decoded.ok) return false;
            out.push(...decoded.value);
          }
          expect(Uint8Array.from(out)).toEqual(bytes);
          return true;
        }),
        { numRuns: 200 },
      );
    }
  });

  it('ignores reports with another report id and rejects impossible lengths', () => {
    const framing: HidFraming = { reportId: 2, reportSize: 8, lengthPrefix: 'u8' };
    expect(decodeReport(Uint8Array.of(3, 2, 9, 9, 0, 0, 0, 0, 0), framing)).toEqual({
      ok: true,
      value: new Uint8Array(0),
    });
    expect(decodeReport(Uint8Array.of(2, 200, 9, 9), framing)).toEqual({ ok: false, error: { kind: 'lengthBeyondReport', declared: 200, carried: 2 } });
    expect(validateFraming({ reportId: 0, reportSize: 1, lengthPrefix: 'u16be' })).toEqual({ ok: false, error: { kind: 'noPayloadRoom', reportSize: 1, lengthPrefix: 'u16be' } });
    expect(validateFraming({ reportId: 0, reportSize: 300, lengthPrefix: 'u8' })).toEqual({ ok: false, error: { kind: 'prefixTooNarrow', room: 299 } });
    expect(validateFraming({ reportId: 256, reportSize: 64, lengthPrefix: 'u8' })).toEqual({ ok: false, error: { kind: 'badReportId', reportId: 256 } });
  });
});

describe('HID transport with a fake node-hid', () => {
  it('opens by VID/PID/serial, writes framed reports and emits payload bytes', async () => {
    const hid = fakeHid([{ vendorId: 1, productId: 2, path: '/dev/hidraw0' }, reader]);
    const t = createHidTransport(
      { vendorId: 0x0400, productId: 0xc35a, serialNumber: 'SN1', reportId: 0, reportSize: 64, lengthPrefix: 'u8' },
      hid,
    );
    expect(await t.open()).toEqual({ ok: true, value: undefined });
    expect(t.isOpen).toBe(true);
    expect(t.description).toBe('hid:/dev/hidraw3#0/64/u8');
    const device = hid.opened[0]!;
    expect(device.path).toBe('/dev/hidraw3');

    const frame = Uint8Array.from({ length: 100 }, (_, i) => 255 - i);
    expect(await t.write(frame)).toEqual({ ok: true, value: undefined });
    expect(device.written.map((b) => b.length)).toEqual([65, 65]);

    const got: number[] = [];
    t.on('data', (chunk) => got.push(...chunk));
    for (const report of encodeReports(frame, { reportId: 0, reportSize: 64, lengthPrefix: 'u8' }))
      device.input(report.subarray(1));
    expect(Uint8Array.from(got)).toEqual(frame);
    await t.close();
    expect(device.closed).toBe(true);
    expect(t.isOpen).toBe(false);
  });

  it('keeps concurrent writes in order, report by report', async () => {
    const hid = fakeHid([reader]);
    const t = createHidTransport({ path: '/dev/hidraw3', reportId: 4, reportSize: 4, lengthPrefix: 'u8' }, hid);
    await t.open();
    await Promise.all([t.write(Uint8Array.of(1, 2, 3, 4, 5)), t.write(Uint8Array.of(6, 7))]);
    const payload = hid.opened[0]!.written.flatMap((r) => Array.from(r.subarray(2, 2 + r[1]!)));
    expect(payload).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(hid.opened[0]!.written.every((r) => r[0] === 4)).toBe(true);
  });

  it('answers notFound when the device is absent, closed when writing before open', async () => {
    const hid = fakeHid([]);
    const byId = await createHidTransport(
      { vendorId: 0x0400, productId: 0xc35a, reportId: 0, reportSize: 64, lengthPrefix: 'none' },
      hid,
    ).open();
    expect(byId.ok ? undefined : byId.error.kind).toBe('notFound');
    const byPath = await createHidTransport(
      { path: '/dev/hidraw9', reportId: 0, reportSize: 64, lengthPrefix: 'none' },
      hid,
    ).open();
    expect(byPath.ok ? undefined : byPath.error.kind).toBe('notFound');
    const t = createHidTransport({ path: '/dev/hidraw9', reportId: 0, reportSize: 64, lengthPrefix: 'none' }, hid);
    const w = await t.write(Uint8Array.of(1));
    expect(w.ok ? undefined : w.error.kind).toBe('closed');
    const bad = await createHidTransport(
      { path: '/dev/hidraw9', reportId: 0, reportSize: 1, lengthPrefix: 'u16le' },
      hid,
    ).open();
    expect(bad.ok).toBe(false);
  });

  it('emits disconnected once on a read error (cable pulled) and closes the handle', async () => {
    const hid = fakeHid([reader]);
    const t = createHidTransport({ path: '/dev/hidraw3', reportId: 0, reportSize: 64, lengthPrefix: 'u8' }, hid);
    await t.open();
    const reasons: string[] = [];
    t.on('disconnected', (r) => reasons.push(r.kind));
    const device = hid.opened[0]!;
    device.emit('error', new Error('could not read from HID device'));
    device.emit('error', new Error('again'));
    expect(reasons).toEqual(['io']);
    expect(t.isOpen).toBe(false);
    await Promise.resolve();
    expect(device.closed).toBe(true);
    // And it comes back on the next open.
    expect((await t.open()).ok).toBe(true);
    expect(hid.opened).toHaveLength(2);
  });

  it('treats a failed write as a disconnect', async () => {
    const hid = fakeHid([reader]);
    const t = createHidTransport({ path: '/dev/hidraw3', reportId: 0, reportSize: 64, lengthPrefix: 'u8' }, hid);
    await t.open();
    let disconnected = 0;
    t.on('disconnected', () => disconnected++);
    hid.opened[0]!.failWrites = true;
    const result = await t.write(Uint8Array.of(1, 2));
    expect(result.ok).toBe(false);
    expect(disconnected).toBe(1);
  });

  it('reports a corrupt input report as an error event and drops it', async () => {
    const hid = fakeHid([reader]);
    const t = createHidTransport({ path: '/dev/hidraw3', reportId: 0, reportSize: 8, lengthPrefix: 'u8' }, hid);
    await t.open();
    const errors: string[] = [];
    const data: number[] = [];
    t.on('error', (e) => errors.push(e.kind));
    t.on('data', (c) => data.push(...c));
    hid.opened[0]!.input(Uint8Array.of(200, 1, 2, 3));
    hid.opened[0]!.input(Uint8Array.of(2, 1, 2, 0, 0, 0, 0, 0));
    expect(errors).toEqual(['io']);
    expect(data).toEqual([1, 2]);
  });
});
