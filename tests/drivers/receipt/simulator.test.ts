import { describe, expect, it } from 'vitest';
import { EscPosParser, type EscPosEvent } from '../../../drivers/receipt/escpos-parser';
import { encodeGb18030 } from '../../../drivers/receipt/gb18030';
import { createReceiptSimulator, formatPrintedReceipt } from '../../../drivers/receipt/simulator';
import { createMemoryPair } from '../../../drivers/transport/memory';

const bytes = (...parts: Array<number[] | Uint8Array | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...encodeGb18030(p)] : [...p])));

function parse(input: Uint8Array, chunk = input.length): EscPosEvent[] {
  const parser = new EscPosParser();
  const events: EscPosEvent[] = [];
  for (let at = 0; at < input.length; at += Math.max(1, chunk)) events.push(...parser.push(input.subarray(at, at + chunk)));
  return [...events, ...parser.flush()];
}

describe('ESC/POS parser', () => {
  it('parses commands, text and QR data, the same in one piece or byte by byte', () => {
    const input = bytes([0x1b, 0x40, 0x1c, 0x26, 0x1b, 0x61, 0x01, 0x1d, 0x21, 0x11], '受理回执', [0x0a], [0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30, 0x41, 0x42], [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], [0x10, 0x04, 0x02], [0x1d, 0x56, 0x41, 0x03]);
    const whole = parse(input);
    expect(whole.map((e) => e.kind)).toEqual(['initialize', 'chineseMode', 'align', 'size', 'text', 'lineFeed', 'qrStore', 'qrPrint', 'statusRequest', 'cut']);
    expect(whole[3]).toEqual({ kind: 'size', width: 2, height: 2 });
    expect(whole[6]).toEqual({ kind: 'qrStore', data: Uint8Array.of(0x41, 0x42) });
    expect(whole[8]).toEqual({ kind: 'statusRequest', n: 2 });
    expect(whole[9]).toEqual({ kind: 'cut', partial: false, feedLines: 3 });
    expect(parse(input, 1)).toEqual(whole);
    expect(parse(input, 3)).toEqual(whole);
  });

  it('skips images, barcodes and unknown escapes without printing their bytes as text', () => {
    const raster = [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x41, 0x42, 0x43, 0x44];
    const barcode = [0x1d, 0x6b, 0x04, 0x31, 0x32, 0x00];
    const events = parse(bytes(raster, barcode, [0x1b, 0x99], 'X', [0x10, 0x41], [0x0a]));
    // Only X, and the A after a lone DLE (which is not a command prefix then), are text.
    const text = events.flatMap((e) => (e.kind === 'text' ? [...e.bytes] : []));
    expect(String.fromCharCode(...text)).toBe('XA');
    expect(events.filter((e) => e.kind === 'unknown')).toHaveLength(2);
  });
});

describe('receipt simulator', () => {
  async function rig(options: Parameters<typeof createReceiptSimulator>[1] = {}) {
    const [host, far] = createMemoryPair();
    const sim = createReceiptSimulator(far, options);
    await sim.start();
    await host.open();
    const replies: number[] = [];
    host.on('data', (c) => replies.push(...c));
    const send = async (b: Uint8Array): Promise<void> => {
      await host.write(b);
      await new Promise((r) => setTimeout(r, 0));
    };
    return { sim, send, replies };
  }

  it('answers DLE EOT 1..4 from its state', async () => {
    const { sim, send, replies } = await rig();
    await send(bytes([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04]));
    expect(replies).toEqual([0x12, 0x12, 0x12, 0x12]);
    sim.set({ paper: 'low' });
    expect(sim.statusByte(4)).toBe(0x1e);
    sim.set({ paper: 'out', coverOpen: true });
    expect([sim.statusByte(1), sim.statusByte(2), sim.statusByte(4)]).toEqual([0x1a, 0x16, 0x7e]);
    sim.set({ paper: 'ok', coverOpen: false, cutterError: true });
    expect([sim.statusByte(2), sim.statusByte(3)]).toEqual([0x52, 0x1a]);
    sim.set({ silent: true });
    replies.length = 0;
    await send(bytes([0x10, 0x04, 0x01]));
    expect(replies).toEqual([]);
  });

  it('decodes text per 汉字 mode: GB18030 inside FS &, single bytes outside it', async () => {
    const { sim, send } = await rig({ startsInChineseMode: false });
    await send(bytes([0x1b, 0x40], '中', [0x0a, 0x1c, 0x26], '中文', [0x0a, 0x1c, 0x2e], 'ok', [0x0a, 0x1d, 0x56, 0x00]));
    expect(sim.receipts[0]!.lines).toEqual(['\ufffd\ufffd', '中文', 'ok']);
    expect(formatPrintedReceipt(sim.receipts[0]!)).toContain('-- cut --');
  });

  it('counts lines wider than the paper', async () => {
    const { sim, send } = await rig({ columns: 32 });
    await send(bytes('一'.repeat(16), [0x0a], '一'.repeat(17), [0x0a, 0x1d, 0x21, 0x11], '一'.repeat(9), [0x0a, 0x1d, 0x56, 0x00]));
    expect(sim.receipts[0]!.overflowLines).toBe(2);
  });

  it('runs out of paper after N lines: the receipt is interrupted, not cut, and DLE EOT says so', async () => {
    const { sim, send } = await rig();
    sim.runOutAfterLines(2);
    await send(bytes('1', [0x0a], '2', [0x0a], '3', [0x0a], '4', [0x0a, 0x1d, 0x56, 0x00]));
    expect(sim.receipts).toHaveLength(1);
    expect(sim.receipts[0]).toMatchObject({ lines: ['1', '2'], cut: false, interrupted: true });
    expect(sim.state.paper).toBe('out');
    expect(sim.stoppedByPaperEnd).toBe(true);
    expect(sim.statusByte(2) & 0x20).toBe(0x20);
    sim.set({ paper: 'ok' });
    expect(sim.stoppedByPaperEnd).toBe(false);
    await send(bytes('5', [0x0a, 0x1d, 0x56, 0x01]));
    expect(sim.receipts[1]).toMatchObject({ lines: ['5'], cut: true, interrupted: false });
  });
});
