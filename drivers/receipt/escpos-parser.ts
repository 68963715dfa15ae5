/**
 * A streaming ESC/POS parser for the simulator and for checking what the
 * driver sends: bytes in any chunks → command events. It knows the length of
 * every command the kiosk's encoder emits and of the common Epson ones, so it
 * stays in step; unknown escapes are skipped as two bytes (a lone `DLE` as one)
 * and reported. Memory is bounded whatever the input: text is flushed every
 * {@link MAX_TEXT_RUN} bytes and only `GS ( k` payloads (≤ 64 KiB) and
 * CODE128 data (≤ 255 bytes) are kept.
 */

/** One parsed command or run of text. */
export type EscPosEvent =
  /** Printable bytes (≥ 0x20, not DEL), still encoded. */
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'lineFeed' }
  | { kind: 'initialize' }
  | { kind: 'align'; value: 0 | 1 | 2 }
  | { kind: 'bold'; on: boolean }
  /** `GS !`: multipliers 1..8. */
  | { kind: 'size'; width: number; height: number }
  /** `ESC !` print mode byte. */
  | { kind: 'printMode'; n: number }
  | { kind: 'chineseMode'; on: boolean }
  /** `FS !` 汉字 print mode byte. */
  | { kind: 'chinesePrintMode'; n: number }
  | { kind: 'feedLines'; lines: number }
  | { kind: 'feedDots'; dots: number }
  | { kind: 'cut'; partial: boolean; feedLines?: number }
  | { kind: 'qrModel'; model: number }
  | { kind: 'qrModuleSize'; size: number }
  | { kind: 'qrErrorCorrection'; level: number }
  | { kind: 'qrStore'; data: Uint8Array }
  | { kind: 'qrPrint' }
  /** `GS H n`: where a barcode's human-readable text goes (0 none, 1 above, 2 below, 3 both; 48..51 the same). */
  | { kind: 'barcodeHri'; position: number }
  /** `GS k 73`: a CODE128 barcode, `text` as its HRI characters read (code set changes left out, `{{` as `{`). */
  | { kind: 'barcode'; system: 'CODE128'; text: string }
  /** `DLE EOT n` (any n; only 1..4 are status queries the simulator answers). */
  | { kind: 'statusRequest'; n: number }
  /** A control byte other than LF (CR, HT, FF, CAN…), ignored by the simulator. */
  | { kind: 'control'; byte: number }
  /** A known command the simulator does not act on (barcodes, images, drawer kick…). */
  | { kind: 'other'; name: string }
  /** Bytes of an escape the parser does not know, skipped. */
  | { kind: 'unknown'; bytes: Uint8Array };

/** Text is emitted in runs of at most this many bytes. */
export const MAX_TEXT_RUN = 4096;
/** Largest `GS ( k` payload kept (the length field's maximum). */
const MAX_KEPT_PAYLOAD = 0xffff;

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** What a command header resolves to. */
type Step =
  | { kind: 'more' }
  | { kind: 'done'; event: EscPosEvent }
  /** `unknown` for the prefix byte only; the rest of the header is parsed again. */
  | { kind: 'rejectPrefix' }
  | { kind: 'payload'; length: number; keep: boolean; finish: (payload: Uint8Array | undefined) => EscPosEvent }
  | { kind: 'terminated'; terminator: number; max: number; event: EscPosEvent };

const other = (name: string): Step => ({ kind: 'done', event: { kind: 'other', name } });
const done = (event: EscPosEvent): Step => ({ kind: 'done', event });
const more: Step = { kind: 'more' };

/** Fixed-length commands: total length by second byte. */
const ESC_FIXED: Record<number, number> = {
  0x40: 2, 0x69: 2, 0x6d: 2, 0x32: 2, 0x3c: 2, 0x4c: 2, 0x53: 2, 0x0c: 2,
  0x61: 3, 0x45: 3, 0x47: 3, 0x2d: 3, 0x21: 3, 0x64: 3, 0x4a: 3, 0x4b: 3, 0x4d: 3, 0x52: 3, 0x74: 3,
  0x33: 3, 0x20: 3, 0x56: 3, 0x7b: 3, 0x72: 3, 0x55: 3, 0x65: 3, 0x25: 3, 0x54: 3, 0x3f: 3, 0x3d: 3,
  0x24: 4, 0x5c: 4, 0x63: 4, 0x42: 4,
  0x70: 5,
  0x57: 10,
};
const FS_FIXED: Record<number, number> = { 0x26: 2, 0x2e: 2, 0x21: 3, 0x2d: 3, 0x43: 3, 0x57: 3, 0x3f: 4, 0x53: 4, 0x70: 4 };
const GS_FIXED: Record<number, number> = {
  0x21: 3, 0x42: 3, 0x48: 3, 0x68: 3, 0x77: 3, 0x66: 3, 0x61: 3, 0x72: 3, 0x49: 3, 0x62: 3, 0x2f: 3, 0x54: 3, 0x45: 3,
  0x4c: 4, 0x57: 4, 0x24: 4, 0x5c: 4, 0x50: 4,
};

function escStep(h: readonly number[]): Step {
  const c = h[1]!;
  if (c === 0x44) return { kind: 'terminated', terminator: 0, max: 33, event: { kind: 'other', name: 'ESC D' } };
  if (c === 0x2a) {
    if (h.length < 5) return more;
    const dots = h[3]! + h[4]! * 256;
    const length = dots * (h[2] === 32 || h[2] === 33 ? 3 : 1);
    return { kind: 'payload', length, keep: false, finish: () => ({ kind: 'other', name: 'ESC *' }) };
  }
  const total = ESC_FIXED[c];
  if (total === undefined) return done({ kind: 'unknown', bytes: Uint8Array.from(h) });
  if (h.length < total) return more;
  const n = h[2] ?? 0;
  switch (c) {
    case 0x40:
      return done({ kind: 'initialize' });
    case 0x69:
    case 0x6d:
      return done({ kind: 'cut', partial: true });
    case 0x61:
      return done({ kind: 'align', value: n === 1 || n === 49 ? 1 : n === 2 || n === 50 ? 2 : 0 });
    case 0x45:
      return done({ kind: 'bold', on: (n & 1) === 1 });
    case 0x21:
      return done({ kind: 'printMode', n });
    case 0x64:
      return done({ kind: 'feedLines', lines: n });
    case 0x4a:
      return done({ kind: 'feedDots', dots: n });
    default:
      return other(`ESC ${String.fromCharCode(c)}`);
  }
}

function fsStep(h: readonly number[]): Step {
  const c = h[1]!;
  if (c === 0x28) {
    if (h.length < 5) return more;
    return { kind: 'payload', length: h[3]! + h[4]! * 256, keep: false, finish: () => ({ kind: 'other', name: 'FS (' }) };
  }
  if (c === 0x32) {
    if (h.length < 4) return more;
    return { kind: 'payload', length: 72, keep: false, finish: () => ({ kind: 'other', name: 'FS 2' }) };
  }
  const total = FS_FIXED[c];
  if (total === undefined) return done({ kind: 'unknown', bytes: Uint8Array.from(h) });
  if (h.length < total) return more;
  switch (c) {
    case 0x26:
      return done({ kind: 'chineseMode', on: true });
    case 0x2e:
      return done({ kind: 'chineseMode', on: false });
    case 0x21:
      return done({ kind: 'chinesePrintMode', n: h[2]! });
    default:
      return other(`FS ${String.fromCharCode(c)}`);
  }
}

/** `GS ( k` payload: cn fn [parameters]. */
function qrEvent(p: Uint8Array | undefined): EscPosEvent {
  if (!p || p.length < 2 || p[0] !== 0x31) return { kind: 'other', name: 'GS ( k' };
  switch (p[1]) {
    case 0x41:
      return { kind: 'qrModel', model: p[2] ?? 0 };
    case 0x43:
      return { kind: 'qrModuleSize', size: p[2] ?? 0 };
    case 0x45:
      return { kind: 'qrErrorCorrection', level: p[2] ?? 0 };
    case 0x50:
      return { kind: 'qrStore', data: p.slice(3) };
    case 0x51:
      return { kind: 'qrPrint' };
    default:
      return { kind: 'other', name: `GS ( k QR fn ${p[1]}` };
  }
}

/**
 * CODE128 data of `GS k 73` to its HRI text (Epson ESC/POS reference): it
 * starts with a code set selection `{A`/`{B`/`{C`; `{{` is a `{`; `{S` and
 * FNC1–4 print nothing; code set C carries two digits per byte (0..99);
 * control characters print as spaces. Undefined when the data breaks these
 * rules (the printer then prints no barcode).
 */
export function code128Text(data: Uint8Array): string | undefined {
  if (data.length < 2 || data[0] !== 0x7b || data[1]! < 0x41 || data[1]! > 0x43) return undefined;
  let set = data[1]!;
  let text = '';
  for (let i = 2; i < data.length; i++) {
    const d = data[i]!;
    if (d === 0x7b) {
      const next = data[++i];
      if (next === 0x7b) text += '{';
      else if (next === 0x41 || next === 0x42 || next === 0x43) set = next;
      else if (next === undefined || !'S1234'.includes(String.fromCharCode(next))) return undefined;
      continue;
    }
    if (set === 0x43) {
      if (d > 99) return undefined;
      text += String(d).padStart(2, '0');
    } else if (d > 0x7f || (set === 0x41 && d > 0x5f) || (set === 0x42 && d < 0x20)) return undefined;
    else text += d < 0x20 || d === 0x7f ? ' ' : String.fromCharCode(d);
  }
  return text;
}

function barcodeEvent(payload: Uint8Array | undefined): EscPosEvent {
  const text = payload ? code128Text(payload) : undefined;
  return text === undefined ? { kind: 'other', name: 'GS k' } : { kind: 'barcode', system: 'CODE128', text };
}

function gsStep(h: readonly number[]): Step {
  const c = h[1]!;
  switch (c) {
    case 0x56: {
      if (h.length < 3) return more;
      const m = h[2]!;
      if (m === 0 || m === 1 || m === 48 || m === 49) return done({ kind: 'cut', partial: m === 1 || m === 49 });
      if (h.length < 4) return more;
      return done({ kind: 'cut', partial: m % 2 === 0, feedLines: h[3]! });
    }
    case 0x28: {
      if (h.length < 5) return more;
      const length = h[3]! + h[4]! * 256;
      if (h[2] === 0x6b) return { kind: 'payload', length, keep: length <= MAX_KEPT_PAYLOAD, finish: qrEvent };
      return { kind: 'payload', length, keep: false, finish: () => ({ kind: 'other', name: `GS ( ${String.fromCharCode(h[2]!)}` }) };
    }
    case 0x6b: {
      if (h.length < 3) return more;
      const m = h[2]!;
      if (m <= 6) return { kind: 'terminated', terminator: 0, max: 256, event: { kind: 'other', name: 'GS k' } };
      if (h.length < 4) return more;
      if (m === 73) return { kind: 'payload', length: h[3]!, keep: true, finish: barcodeEvent };
      return { kind: 'payload', length: h[3]!, keep: false, finish: () => ({ kind: 'other', name: 'GS k' }) };
    }
    case 0x76: {
      if (h.length < 8) return more;
      const length = (h[4]! + h[5]! * 256) * (h[6]! + h[7]! * 256);
      return { kind: 'payload', length, keep: false, finish: () => ({ kind: 'other', name: 'GS v 0' }) };
    }
    case 0x2a: {
      if (h.length < 4) return more;
      return { kind: 'payload', length: h[2]! * h[3]! * 8, keep: false, finish: () => ({ kind: 'other', name: 'GS *' }) };
    }
    default:
      break;
  }
  const total = GS_FIXED[c];
  if (total === undefined) return done({ kind: 'unknown', bytes: Uint8Array.from(h) });
  if (h.length < total) return more;
  if (c === 0x21) return done({ kind: 'size', width: ((h[2]! >> 4) & 0x07) + 1, height: (h[2]! & 0x07) + 1 });
  if (c === 0x48) return done({ kind: 'barcodeHri', position: h[2]! });
  return other(`GS ${String.fromCharCode(c)}`);
}

function dleStep(h: readonly number[]): Step {
  const c = h[1]!;
  if (c === 0x04) {
    if (h.length < 3) return more;
    const n = h[2]!;
    if (n === 7 || n === 8 || n === 18) return h.length < 4 ? more : done({ kind: 'statusRequest', n });
    return done({ kind: 'statusRequest', n });
  }
  if (c === 0x05) return h.length < 3 ? more : other('DLE ENQ');
  if (c === 0x14) return h.length < 5 ? more : other('DLE DC4');
  return { kind: 'rejectPrefix' };
}

function step(h: readonly number[]): Step {
  if (h.length < 2) return more;
  switch (h[0]) {
    case ESC:
      return escStep(h);
    case FS:
      return fsStep(h);
    case GS:
      return gsStep(h);
    default:
      return dleStep(h);
  }
}

type State =
  | { kind: 'idle' }
  | { kind: 'header'; bytes: number[] }
  | { kind: 'payload'; remaining: number; kept: Uint8Array | undefined; at: number; finish: (p: Uint8Array | undefined) => EscPosEvent }
  | { kind: 'terminated'; terminator: number; remaining: number; event: EscPosEvent };

/** A streaming ESC/POS parser; feed it chunks with {@link EscPosParser.push}. */
export class EscPosParser {
  private state: State = { kind: 'idle' };
  private text: number[] = [];

  /** Parses a chunk; returns the events completed by it (text runs end at the next non-text byte). */
  push(chunk: Uint8Array): EscPosEvent[] {
    const events: EscPosEvent[] = [];
    for (let i = 0; i < chunk.length; i++) this.byte(chunk[i]!, events);
    return events;
  }

  /** Emits any pending text (end of stream). */
  flush(): EscPosEvent[] {
    const events: EscPosEvent[] = [];
    this.flushText(events);
    return events;
  }

  /** Drops any half-parsed command and pending text (as `ESC @` would not: used on reconnect). */
  reset(): void {
    this.state = { kind: 'idle' };
    this.text = [];
  }

  private flushText(events: EscPosEvent[]): void {
    if (this.text.length === 0) return;
    events.push({ kind: 'text', bytes: Uint8Array.from(this.text) });
    this.text = [];
  }

  private byte(b: number, events: EscPosEvent[]): void {
    const state = this.state;
    switch (state.kind) {
      case 'idle':
        this.idle(b, events);
        return;
      case 'header': {
        state.bytes.push(b);
        this.resolve(state.bytes, events);
        return;
      }
      case 'payload': {
        if (state.kept) state.kept[state.at] = b;
        state.at += 1;
        state.remaining -= 1;
        if (state.remaining <= 0) {
          this.state = { kind: 'idle' };
          events.push(state.finish(state.kept));
        }
        return;
      }
      case 'terminated': {
        state.remaining -= 1;
        if (b === state.terminator || state.remaining <= 0) {
          this.state = { kind: 'idle' };
          events.push(state.event);
        }
        return;
      }
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  }

  private idle(b: number, events: EscPosEvent[]): void {
    if (b >= 0x20 && b !== 0x7f) {
      this.text.push(b);
      if (this.text.length >= MAX_TEXT_RUN) this.flushText(events);
      return;
    }
    this.flushText(events);
    if (b === LF) events.push({ kind: 'lineFeed' });
    else if (b === ESC || b === GS || b === FS || b === DLE) this.state = { kind: 'header', bytes: [b] };
    else events.push({ kind: 'control', byte: b });
  }

  private resolve(header: number[], events: EscPosEvent[]): void {
    const next = step(header);
    switch (next.kind) {
      case 'more':
        return;
      case 'done':
        this.state = { kind: 'idle' };
        events.push(next.event);
        return;
      case 'rejectPrefix': {
        this.state = { kind: 'idle' };
        events.push({ kind: 'unknown', bytes: Uint8Array.of(header[0]!) });
        for (const b of header.slice(1)) this.byte(b, events);
        return;
      }
      case 'payload':
        if (next.length <= 0) {
          this.state = { kind: 'idle' };
          events.push(next.finish(next.keep ? new Uint8Array(0) : undefined));
          return;
        }
        this.state = { kind: 'payload', remaining: next.length, at: 0, kept: next.keep ? new Uint8Array(next.length) : undefined, finish: next.finish };
        return;
      case 'terminated':
        this.state = { kind: 'terminated', terminator: next.terminator, remaining: next.max, event: next.event };
        return;
      default: {
        const unreachable: never = next;
        return unreachable;
      }
    }
  }
}
