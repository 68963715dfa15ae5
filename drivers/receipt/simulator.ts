/**
 * A thermal receipt printer simulated at the far end of a transport (memory
 * pair or pty). It answers `DLE EOT 1..4` from a scriptable state (paper
 * ok/low/out, cover, cutter error, offline, silent) and parses everything it
 * receives with {@link EscPosParser}: GB18030 text back to Unicode, QR data,
 * CODE128 barcodes (their human-readable text as a line, as on paper), cuts,
 * into {@link PrintedReceipt}s that tests assert on. It can run out of
 * paper after N printed lines to model a roll ending mid-receipt.
 */
import type { Transport, TransportResult } from '../transport/transport';
import { createEmitter } from '../transport/transport-events';
import { EscPosParser, type EscPosEvent } from './escpos-parser';
import { decodeGb18030 } from './gb18030';
import { PAPER_LAYOUTS } from './paper';
import { STATUS_FIXED_VALUE, type PaperState } from './status';

/** The simulated printer's scriptable state. */
export interface SimulatedPrinterState {
  paper: PaperState;
  coverOpen: boolean;
  cutterError: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
  /** Offline with no other cause (e.g. the feed button held). */
  offline: boolean;
  /** Receives and prints, but never answers status requests. */
  silent: boolean;
}

/** One printed line and the modes it was printed in. */
export interface PrintedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** Character width and height multipliers. */
  width: number;
  height: number;
}

/** What came out of the printer between two cuts. */
export interface PrintedReceipt {
  /** Text lines, decoded to Unicode (feeds give empty lines). */
  lines: string[];
  /** Data of each QR code printed, decoded as UTF-8. */
  qrCodes: string[];
  /** Text of each CODE128 barcode printed (also a line of `lines` when its HRI is printed, as on paper). */
  barcodes: string[];
  /** Whether the receipt was cut off the roll. */
  cut: boolean;
  /** Printing stopped before the job ended (paper ran out, cover opened, error). */
  interrupted: boolean;
  /** Lines wider than the paper (a real printer would have wrapped them). */
  overflowLines: number;
  /** Lines with their print modes. */
  styledLines: PrintedLine[];
}

/** Options of {@link createReceiptSimulator}. */
export interface ReceiptSimulatorOptions {
  /** Half-width columns per line, for overflow detection. Default 48 (80 mm). */
  columns?: number;
  /** Initial state; defaults: paper ok, everything else false. */
  initial?: Partial<SimulatedPrinterState>;
  /** Chinese-market printers start in 汉字 mode (DOMAIN.md §8). Default true. */
  startsInChineseMode?: boolean;
  /** Printed receipts kept (oldest dropped first). Default 100. */
  keepReceipts?: number;
}

/** Events of the simulator. */
export interface ReceiptSimulatorEvents {
  /** A receipt was cut, or printing of one was interrupted. */
  receipt: (receipt: PrintedReceipt) => void;
  /** A status request arrived (answered unless silent). */
  statusRequest: (n: number) => void;
}

/** The simulated printer. */
export interface ReceiptSimulator {
  /** Opens the transport (if needed) and starts listening. */
  start(): Promise<TransportResult>;
  /** Stops listening and closes the transport. */
  stop(): Promise<void>;
  readonly state: Readonly<SimulatedPrinterState>;
  /** Changes the state; setting paper to ok/low refills and clears "stopped by paper end". */
  set(patch: Partial<SimulatedPrinterState>): void;
  /** Paper runs out after `lines` more printed lines; `null` cancels. */
  runOutAfterLines(lines: number | null): void;
  /** The reply byte to `DLE EOT n` in the current state. */
  statusByte(n: 1 | 2 | 3 | 4): number;
  /** Receipts finished so far (cut or interrupted), oldest first. */
  readonly receipts: readonly PrintedReceipt[];
  /** The receipt being printed (not yet cut), if any. */
  readonly pending: PrintedReceipt | undefined;
  /** Returns and forgets the finished receipts. */
  takeReceipts(): PrintedReceipt[];
  /** Whether printing stopped because the paper ran out (`DLE EOT 2` bit5). */
  readonly stoppedByPaperEnd: boolean;
  on<E extends keyof ReceiptSimulatorEvents>(event: E, listener: ReceiptSimulatorEvents[E]): () => void;
}

const DEFAULT_STATE: SimulatedPrinterState = {
  paper: 'ok',
  coverOpen: false,
  cutterError: false,
  unrecoverable: false,
  autoRecoverable: false,
  offline: false,
  silent: false,
};

interface Modes {
  align: 0 | 1 | 2;
  bold: boolean;
  width: number;
  height: number;
  /** ESC ! bit5 / FS ! bit2 double width. */
  printModeWide: boolean;
  chineseWide: boolean;
  chinese: boolean;
  /** `GS H n`: 0 none, 1 above, 2 below, 3 both. */
  hri: number;
}

const ALIGN_NAMES = ['left', 'center', 'right'] as const;

/** Decodes one line's segments: GB18030 in 汉字 mode, otherwise ASCII with high bytes as U+FFFD. */
function decodeSegments(segments: ReadonlyArray<{ chinese: boolean; bytes: number[] }>): string {
  return segments
    .map((s) =>
      s.chinese ? decodeGb18030(Uint8Array.from(s.bytes)) : s.bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join(''),
    )
    .join('');
}

/** Creates the simulator on `transport` (the printer's end). Nothing happens until `start()`. */
export function createReceiptSimulator(transport: Transport, options: ReceiptSimulatorOptions = {}): ReceiptSimulator {
  const columns = options.columns ?? PAPER_LAYOUTS[80].columns;
  const startsChinese = options.startsInChineseMode ?? true;
  const keep = Math.max(1, options.keepReceipts ?? 100);
  const events = createEmitter<ReceiptSimulatorEvents>();
  const parser = new EscPosParser();
  let state: SimulatedPrinterState = { ...DEFAULT_STATE, ...options.initial };
  let stoppedByPaperEnd = false;
  let linesLeft: number | null = null;
  let receipts: PrintedReceipt[] = [];
  let current: PrintedReceipt | undefined;
  /** After an interruption, the rest of the job is dropped until the printer can print again. */
  let dropping = false;
  let qrData: Uint8Array = new Uint8Array(0);
  let segments: Array<{ chinese: boolean; bytes: number[] }> = [];
  let modes: Modes = initialModes();
  let offs: Array<() => void> = [];

  function initialModes(): Modes {
    return { align: 0, bold: false, width: 1, height: 1, printModeWide: false, chineseWide: false, chinese: startsChinese, hri: 0 };
  }

  function hasFault(): boolean {
    return state.coverOpen || state.paper === 'out' || state.cutterError || state.unrecoverable || state.autoRecoverable;
  }

  function canPrint(): boolean {
    return !hasFault() && !state.offline;
  }

  function statusByte(n: 1 | 2 | 3 | 4): number {
    const error = state.cutterError || state.unrecoverable || state.autoRecoverable;
    switch (n) {
      case 1:
        return STATUS_FIXED_VALUE | (hasFault() || state.offline ? 0x08 : 0) | (state.autoRecoverable ? 0x20 : 0);
      case 2:
        return STATUS_FIXED_VALUE | (state.coverOpen ? 0x04 : 0) | (stoppedByPaperEnd ? 0x20 : 0) | (error ? 0x40 : 0);
      case 3:
        return STATUS_FIXED_VALUE | (state.cutterError ? 0x08 : 0) | (state.unrecoverable ? 0x20 : 0) | (state.autoRecoverable ? 0x40 : 0);
      case 4:
        // A real near-end sensor also reads "near end" once the roll is out.
        return STATUS_FIXED_VALUE | (state.paper === 'low' || state.paper === 'out' ? 0x0c : 0) | (state.paper === 'out' ? 0x60 : 0);
      default: {
        const unreachable: never = n;
        return unreachable;
      }
    }
  }

  function receipt(): PrintedReceipt {
    current ??= { lines: [], qrCodes: [], barcodes: [], cut: false, interrupted: false, overflowLines: 0, styledLines: [] };
    return current;
  }

  function finish(r: PrintedReceipt): void {
    current = undefined;
    receipts.push(r);
    if (receipts.length > keep) receipts = receipts.slice(receipts.length - keep);
    events.emit('receipt', r);
  }

  /** Printing cannot go on: record why, and end the receipt in progress as interrupted. */
  function interrupt(): void {
    if (state.paper === 'out') stoppedByPaperEnd = true;
    segments = [];
    if (dropping) return;
    dropping = true;
    const r = receipt();
    r.interrupted = true;
    finish(r);
  }

  /** Before printing anything that moves paper: false (and the job interrupted) when it cannot. */
  function mayPrint(): boolean {
    if (dropping && canPrint()) dropping = false;
    if (!canPrint()) {
      interrupt();
      return false;
    }
    return true;
  }

  /** Counts printed lines against a scripted run-out. */
  function consumeLine(): void {
    if (linesLeft === null) return;
    linesLeft -= 1;
    if (linesLeft <= 0) {
      linesLeft = null;
      state = { ...state, paper: 'out' };
    }
  }

  function lineWidthColumns(): number {
    let cols = 0;
    for (const s of segments) {
      const text = decodeSegments([s]);
      for (const ch of text) {
        const full = s.chinese && (ch.codePointAt(0) ?? 0) >= 0x80;
        const wide = modes.width * (full ? (modes.chineseWide ? 2 : 1) : modes.printModeWide ? 2 : 1);
        cols += (full ? 2 : 1) * wide;
      }
    }
    return cols;
  }

  function printLine(): void {
    if (!mayPrint()) return;
    const r = receipt();
    const text = decodeSegments(segments);
    if (lineWidthColumns() > columns) r.overflowLines += 1;
    r.lines.push(text);
    r.styledLines.push({ text, align: ALIGN_NAMES[modes.align], bold: modes.bold, width: modes.width, height: modes.height });
    segments = [];
    consumeLine();
  }

  function handle(event: EscPosEvent): void {
    switch (event.kind) {
      case 'text': {
        const last = segments[segments.length - 1];
        if (last && last.chinese === modes.chinese) last.bytes.push(...event.bytes);
        else segments.push({ chinese: modes.chinese, bytes: [...event.bytes] });
        return;
      }
      case 'lineFeed':
        printLine();
        return;
      case 'feedLines': {
        if (segments.length > 0) printLine();
        for (let i = 0; i < event.lines && mayPrint(); i++) {
          receipt().lines.push('');
          receipt().styledLines.push({ text: '', align: ALIGN_NAMES[modes.align], bold: modes.bold, width: modes.width, height: modes.height });
          consumeLine();
        }
        return;
      }
      case 'feedDots':
        return;
      case 'initialize':
        modes = initialModes();
        segments = [];
        qrData = new Uint8Array(0);
        return;
      case 'align':
        modes.align = event.value;
        return;
      case 'bold':
        modes.bold = event.on;
        return;
      case 'size':
        modes.width = event.width;
        modes.height = event.height;
        return;
      case 'printMode':
        modes.printModeWide = (event.n & 0x20) !== 0;
        modes.bold = (event.n & 0x08) !== 0;
        return;
      case 'chineseMode':
        modes.chinese = event.on;
        return;
      case 'chinesePrintMode':
        modes.chineseWide = (event.n & 0x04) !== 0;
        return;
      case 'cut': {
        if (segments.length > 0) printLine();
        if (!mayPrint()) return;
        if (state.cutterError) return interrupt();
        const r = receipt();
        r.cut = true;
        finish(r);
        return;
      }
      case 'qrStore':
        qrData = event.data;
        return;
      case 'qrPrint': {
        if (segments.length > 0) printLine();
        if (!mayPrint()) return;
        receipt().qrCodes.push(new TextDecoder().decode(qrData));
        consumeLine();
        return;
      }
      case 'barcodeHri':
        modes.hri = event.position % 48;
        return;
      case 'barcode': {
        if (segments.length > 0) printLine();
        if (!mayPrint()) return;
        const r = receipt();
        r.barcodes.push(event.text);
        // The HRI text is the only part of a barcode a text view of the paper can show.
        const hriLines = modes.hri === 3 ? 2 : modes.hri === 1 || modes.hri === 2 ? 1 : 0;
        for (let i = 0; i < hriLines; i++) {
          r.lines.push(event.text);
          r.styledLines.push({ text: event.text, align: ALIGN_NAMES[modes.align], bold: false, width: 1, height: 1 });
        }
        consumeLine();
        return;
      }
      case 'statusRequest': {
        events.emit('statusRequest', event.n);
        if (state.silent || event.n < 1 || event.n > 4) return;
        void transport.write(Uint8Array.of(statusByte(event.n as 1 | 2 | 3 | 4))).catch(() => undefined);
        return;
      }
      case 'qrModel':
      case 'qrModuleSize':
      case 'qrErrorCorrection':
      case 'control':
      case 'other':
      case 'unknown':
        return;
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  }

  return {
    async start() {
      if (offs.length === 0) {
        offs = [
          transport.on('data', (chunk) => {
            for (const event of parser.push(chunk)) handle(event);
          }),
        ];
      }
      if (transport.isOpen) return { ok: true, value: undefined };
      return transport.open();
    },
    async stop() {
      offs.forEach((off) => off());
      offs = [];
      await transport.close().catch(() => undefined);
    },
    get state() {
      return state;
    },
    set(patch) {
      state = { ...state, ...patch };
      if (patch.paper === 'ok' || patch.paper === 'low') stoppedByPaperEnd = false;
    },
    runOutAfterLines(lines) {
      linesLeft = lines === null ? null : Math.max(0, Math.floor(lines));
      if (linesLeft === 0) {
        linesLeft = null;
        state = { ...state, paper: 'out' };
      }
    },
    statusByte,
    get receipts() {
      return receipts;
    },
    get pending() {
      return current;
    },
    takeReceipts() {
      const taken = receipts;
      receipts = [];
      return taken;
    },
    get stoppedByPaperEnd() {
      return stoppedByPaperEnd;
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

/** A receipt as plain text (lines, then QR codes and barcodes, then cut state), for logs and the dev dock. */
export function formatPrintedReceipt(receipt: PrintedReceipt): string {
  const lines = receipt.lines.map((line) => `| ${line}`);
  const qr = receipt.qrCodes.map((data) => `[QR] ${data}`);
  const barcodes = receipt.barcodes.map((text) => `[CODE128] ${text}`);
  const end = receipt.cut ? '-- cut --' : receipt.interrupted ? '-- interrupted (not cut) --' : '-- not cut --';
  return [...lines, ...qr, ...barcodes, end].join('\n');
}
