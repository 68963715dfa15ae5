/**
 * The HID adapter against the simulated scanner: every report crosses the
 * same encoder and decoder a real device's would (the simulator is a fake
 * node-hid module).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHidFingerprintScanner } from '../../../drivers/fingerprint/hid-scanner';
import { encodeProgress, encodeReport } from '../../../drivers/fingerprint/reports';
import type { CaptureProgress, FingerprintScanner } from '../../../drivers/fingerprint/scanner';
import { createFingerprintSimulator, SIMULATED_FINGERPRINT_USB, SIMULATED_QUALITY, type FingerprintSimulator } from '../../../drivers/fingerprint/simulator';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let open: FingerprintScanner[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

async function setup(settleMs = 20): Promise<{ sim: FingerprintSimulator; scanner: FingerprintScanner }> {
  const sim = createFingerprintSimulator({ settleMs });
  const scanner = createHidFingerprintScanner({ vendorId: SIMULATED_FINGERPRINT_USB.vendorId, productId: SIMULATED_FINGERPRINT_USB.productId, graceMs: 200, replyTimeoutMs: 200 }, sim.hid);
  open.push(scanner);
  const opened = await scanner.open();
  expect(opened.ok).toBe(true);
  return { sim, scanner };
}

describe('fingerprint scanner over HID, against the simulator', () => {
  it('finds the device by VID/PID and reads its info', async () => {
    const { scanner } = await setup();
    expect(scanner.info).toMatchObject({ protocolVersion: 1, imageWidth: 128, imageHeight: 160, dpi: 500, serialNumber: 'SIM-FP-0001' });
  });

  it('captures a good print with live quality feedback on the way', async () => {
    const { sim, scanner } = await setup();
    const progress: CaptureProgress[] = [];
    const pending = scanner.capture({ timeoutMs: 2000, onProgress: (p) => progress.push(p) });
    await wait(5);
    sim.placeFinger();
    const result = await pending;
    expect(result.ok && result.value.quality).toBe(SIMULATED_QUALITY.good);
    expect(result.ok && result.value.template.length).toBe(512);
    expect(result.ok && result.value.image).toBeNull();
    expect(progress[0]).toEqual({ state: 'waitingForFinger', quality: null });
    expect(progress.at(-1)).toEqual({ state: 'fingerDetected', quality: SIMULATED_QUALITY.good });
  });

  it('reports a bad-quality print as the low quality the sensor gave (the host decides what is enough)', async () => {
    const { sim, scanner } = await setup();
    sim.placeFinger(SIMULATED_QUALITY.bad);
    const result = await scanner.capture({ timeoutMs: 2000 });
    expect(result.ok && result.value.quality).toBe(SIMULATED_QUALITY.bad);
  });

  it('transfers the grey-scale image over hundreds of chunked reports when asked', async () => {
    const { sim, scanner } = await setup();
    sim.placeFinger(70);
    const result = await scanner.capture({ timeoutMs: 2000, wantImage: true });
    expect(result.ok && result.value.image?.pixels.length).toBe(128 * 160);
  });

  it('a finger that gives no features is noTemplate', async () => {
    const { sim, scanner } = await setup();
    sim.placeFinger(0);
    const result = await scanner.capture({ timeoutMs: 2000 });
    expect(result.ok ? null : result.error.kind).toBe('noTemplate');
  });

  it('times out when no finger comes, as the device says', async () => {
    const { sim, scanner } = await setup();
    const result = await scanner.capture({ timeoutMs: 100 });
    expect(result.ok ? null : result.error.kind).toBe('timeout');
    expect(sim.capturing).toBe(false);
  });

  it('times out on the host side when the device goes silent', async () => {
    const { sim, scanner } = await setup(5000);
    sim.placeFinger();
    const started = Date.now();
    const result = await scanner.capture({ timeoutMs: 100 });
    expect(result.ok ? null : result.error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('cancels a running capture on the device', async () => {
    const { sim, scanner } = await setup();
    const abort = new AbortController();
    const pending = scanner.capture({ timeoutMs: 5000, signal: abort.signal });
    await wait(10);
    expect(sim.capturing).toBe(true);
    abort.abort();
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('cancelled');
    expect(sim.capturing).toBe(false);
    // The device is free again.
    sim.placeFinger();
    expect((await scanner.capture({ timeoutMs: 1000 })).ok).toBe(true);
  });

  it('one capture at a time: a second is busy', async () => {
    const { scanner } = await setup();
    const first = scanner.capture({ timeoutMs: 200 });
    const second = await scanner.capture({ timeoutMs: 200 });
    expect(second.ok ? null : second.error.kind).toBe('busy');
    await first;
  });

  it('unplugging mid-capture ends it as noDevice and reports the disconnect; replugged, it opens again', async () => {
    const { sim, scanner } = await setup();
    const disconnected: string[] = [];
    scanner.on('disconnected', (m) => disconnected.push(m));
    const pending = scanner.capture({ timeoutMs: 5000 });
    await wait(10);
    sim.unplug();
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('noDevice');
    expect(disconnected).toHaveLength(1);
    expect(scanner.isOpen).toBe(false);
    expect((await scanner.open()).ok).toBe(false);
    sim.replug();
    expect((await scanner.open()).ok).toBe(true);
  });

  it('a malformed report during a capture ends it as a protocol failure; a stale one is ignored', async () => {
    const { sim, scanner } = await setup();
    const rejected: string[] = [];
    scanner.on('rejected', (m) => rejected.push(m));
    const pending = scanner.capture({ timeoutMs: 5000 });
    await wait(5);
    sim.sendRaw(encodeProgress(200, 'fingerDetected', 40)); // another exchange's: ignored
    const corrupt = encodeReport(0x04, 1, Uint8Array.of(0x02, 40));
    corrupt[63]! ^= 0xff;
    sim.sendRaw(corrupt);
    const result = await pending;
    expect(result.ok ? null : result.error.kind).toBe('protocol');
    expect(rejected[0]).toMatch(/CRC-16/);
  });
});
