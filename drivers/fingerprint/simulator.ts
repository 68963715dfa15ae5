/**
 * A simulated fingerprint scanner behind a fake node-hid module: the HID
 * adapter (hid-scanner.ts) opens it like a real device and every byte goes
 * through the FP-HID v1 encoder and decoder both ways. The dock's controls
 * act on the sensor: place a finger with a given image quality, lift it,
 * pull and replug the cable.
 *
 * Device behaviour (docs/fingerprint-protocol.md §6): a finger placed while
 * no capture runs rests on the sensor and is read by the next capture; one
 * placement gives one print (the finger counts as lifted after it); quality
 * 0 gives NO_TEMPLATE; malformed command reports are dropped unanswered.
 */
import { EventEmitter } from 'node:events';
import type { HidDeviceHandle, HidDeviceInfo, HidModule } from '../transport/hid';
import { systemTimers, type TimerHandle, type Timers } from '../manager/timers';
import { seededRandom } from '../seeded-random';
import { simulatedTemplate } from './sim-template';
import { crc32 } from './checksums';
import type { FingerprintDeviceInfo } from './protocol';
import { decodeCommand, encodeBlob, encodeProgress, encodeResponse } from './reports';

/** pid.codes' test VID:PID: never a real product. */
export const SIMULATED_FINGERPRINT_USB = { vendorId: 0x1209, productId: 0x0001, path: 'sim:fingerprint' } as const;

/** Quality the dock's "place finger" and "bad quality" give. */
export const SIMULATED_QUALITY = { good: 86, bad: 22 } as const;

export interface FingerprintSimulatorOptions {
  timers?: Timers;
  /** From finger detected to the answer (the live quality shows meanwhile). Default 400 ms. */
  settleMs?: number;
  serialNumber?: string;
  seed?: number;
  /** Template bytes per print (the ID card's fingerprint records are 512). */
  templateLength?: number;
}

export interface FingerprintSimulator {
  /** The fake node-hid module to hand to the HID adapter. */
  readonly hid: HidModule;
  readonly info: FingerprintDeviceInfo;
  /**
   * A finger touches the sensor with this image quality (0–100); `person`
   * (e.g. the card holder's ID number, or SOMEONE_ELSE) makes its template a
   * simulated one of that person (sim-template.ts), which the sandbox matcher
   * compares. Without it the template is random bytes (matches nobody).
   */
  placeFinger(quality?: number, person?: string): void;
  liftFinger(): void;
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
  readonly fingerOn: boolean;
  readonly capturing: boolean;
  /** Prints sent so far. */
  readonly captures: number;
  /** Sends any bytes as an input report (tests: malformed reports). False while unplugged or closed. */
  sendRaw(report: Uint8Array): boolean;
}

interface Capture {
  seq: number;
  wantImage: boolean;
  timeout: TimerHandle;
  reading: TimerHandle[];
}

class SimulatedHandle extends EventEmitter implements HidDeviceHandle {
  closed = false;
  constructor(private readonly onWrite: (bytes: Uint8Array) => void, private readonly isPlugged: () => boolean) {
    super();
  }
  async write(values: number[] | Buffer): Promise<number> {
    if (this.closed || !this.isPlugged()) throw new Error('Cannot write to hid device');
    const bytes = Uint8Array.from(values);
    this.onWrite(bytes);
    return bytes.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Creates the simulated scanner. */
export function createFingerprintSimulator(options: FingerprintSimulatorOptions = {}): FingerprintSimulator {
  const timers = options.timers ?? systemTimers;
  const settleMs = options.settleMs ?? 400;
  const random = seededRandom(options.seed ?? 0xf1);
  const templateLength = options.templateLength ?? 512;
  const info: FingerprintDeviceInfo = { protocolVersion: 1, firmware: '1.0', imageWidth: 128, imageHeight: 160, dpi: 500, serialNumber: options.serialNumber ?? 'SIM-FP-0001' };
  let plugged = true;
  let handle: SimulatedHandle | undefined;
  let finger: { quality: number; person?: string } | null = null;
  let capture: Capture | undefined;
  let captures = 0;

  const deliver = (report: Uint8Array): boolean => {
    const target = handle;
    if (!target || target.closed || !plugged) return false;
    // Reports arrive asynchronously and in order, as from a real device's interrupt endpoint.
    queueMicrotask(() => {
      if (handle === target && !target.closed && plugged) target.emit('data', Buffer.from(report));
    });
    return true;
  };

  function endCapture(): void {
    if (!capture) return;
    timers.clearTimeout(capture.timeout);
    for (const t of capture.reading) timers.clearTimeout(t);
    capture = undefined;
  }

  function makeTemplate(quality: number, person: string | undefined): Uint8Array {
    // The scanner cannot know which finger it reads: finger code 0.
    if (person !== undefined) return simulatedTemplate(person, 0, quality, templateLength);
    const t = new Uint8Array(templateLength);
    for (let i = 0; i < t.length; i++) t[i] = Math.floor(random() * 256);
    t[0] = 0x46; // 'F'
    t[1] = quality;
    return t;
  }

  function makeImage(quality: number): Uint8Array {
    // Concentric ridges, blurred toward grey as quality drops: enough to show on a diagnostics screen.
    const { imageWidth: w, imageHeight: h } = info;
    const pixels = new Uint8Array(w * h);
    const contrast = quality / 100;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const r = Math.hypot(x - w / 2, (y - h / 2) * 0.8);
        pixels[y * w + x] = Math.round(128 + 120 * contrast * Math.sin(r / 2.2));
      }
    }
    return pixels;
  }

  function read(): void {
    const c = capture;
    if (!c || !finger || c.reading.length > 0) return;
    const quality = Math.max(0, Math.min(100, Math.round(finger.quality)));
    const person = finger.person;
    // The scanner stops its wait once a finger is on.
    timers.clearTimeout(c.timeout);
    deliver(encodeProgress(c.seq, 'fingerDetected', Math.round(quality * 0.6)));
    c.reading.push(timers.setTimeout(() => deliver(encodeProgress(c.seq, 'fingerDetected', quality)), settleMs / 2));
    c.reading.push(
      timers.setTimeout(() => {
        if (capture !== c) return;
        endCapture();
        finger = null;
        if (quality === 0) {
          deliver(encodeResponse(c.seq, 'capture', 'noTemplate'));
          return;
        }
        const template = makeTemplate(quality, person);
        const image = c.wantImage ? makeImage(quality) : new Uint8Array(0);
        captures += 1;
        deliver(encodeResponse(c.seq, 'capture', 'ok', { kind: 'capture', header: { quality, templateLength: template.length, templateCrc32: crc32(template), imageLength: image.length, imageCrc32: image.length ? crc32(image) : 0 } }));
        for (const r of encodeBlob(c.seq, 'template', template)) deliver(r);
        for (const r of encodeBlob(c.seq, 'image', image)) deliver(r);
      }, settleMs),
    );
  }

  function onCommand(bytes: Uint8Array): void {
    const decoded = decodeCommand(bytes);
    if (!decoded.ok) {
      // A malformed command (size, CRC, padding, unknown code) is dropped; bad parameters of a known one are answered.
      const known = bytes.length === 64 && bytes[0] === 0x01 && (bytes[3] === 0x01 || bytes[3] === 0x02 || bytes[3] === 0x03);
      if (decoded.error.kind === 'payload' && known) {
        const command = bytes[3] === 0x01 ? 'getInfo' : bytes[3] === 0x02 ? 'capture' : 'cancel';
        deliver(encodeResponse(bytes[1]!, command, 'badParameter'));
      }
      return;
    }
    const cmd = decoded.value;
    switch (cmd.command) {
      case 'getInfo':
        deliver(encodeResponse(cmd.seq, 'getInfo', 'ok', { kind: 'info', info }));
        return;
      case 'capture': {
        if (capture) {
          deliver(encodeResponse(cmd.seq, 'capture', 'busy'));
          return;
        }
        const c: Capture = {
          seq: cmd.seq,
          wantImage: cmd.wantImage,
          reading: [],
          timeout: timers.setTimeout(() => {
            if (capture !== c) return;
            endCapture();
            deliver(encodeResponse(c.seq, 'capture', 'timeout'));
          }, cmd.timeoutMs),
        };
        capture = c;
        deliver(encodeProgress(c.seq, 'waitingForFinger', null));
        read();
        return;
      }
      case 'cancel': {
        const c = capture;
        if (c) {
          endCapture();
          deliver(encodeResponse(c.seq, 'capture', 'cancelled'));
        }
        deliver(encodeResponse(cmd.seq, 'cancel', 'ok'));
        return;
      }
      default: {
        const unreachable: never = cmd;
        return unreachable;
      }
    }
  }

  const listing = (): HidDeviceInfo[] =>
    plugged ? [{ ...SIMULATED_FINGERPRINT_USB, serialNumber: info.serialNumber, manufacturer: 'OneDoor', product: 'Simulated fingerprint scanner (FP-HID v1)' }] : [];

  const hid: HidModule = {
    HIDAsync: {
      async open(path: string) {
        if (!plugged || path !== SIMULATED_FINGERPRINT_USB.path) throw new Error(`cannot open device with path ${path}`);
        const opened = new SimulatedHandle(onCommand, () => plugged);
        handle = opened;
        return opened;
      },
    },
    async devicesAsync() {
      return listing();
    },
  };

  return {
    hid,
    info,
    placeFinger(quality = SIMULATED_QUALITY.good, person) {
      finger = person === undefined ? { quality } : { quality, person };
      read();
    },
    liftFinger() {
      finger = null;
    },
    unplug() {
      if (!plugged) return;
      plugged = false;
      // The device loses power: whatever it was doing is gone.
      endCapture();
      finger = null;
      const lost = handle;
      handle = undefined;
      lost?.emit('error', new Error('could not read from HID device'));
    },
    replug() {
      plugged = true;
    },
    get plugged() {
      return plugged;
    },
    get fingerOn() {
      return finger !== null;
    },
    get capturing() {
      return capture !== undefined;
    },
    get captures() {
      return captures;
    },
    sendRaw: (report) => deliver(report),
  };
}
