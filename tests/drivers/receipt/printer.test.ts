import { describe, expect, it } from 'vitest';
import type { DriverStatus } from '../../../drivers/device';
import { encodeReceipt } from '../../../drivers/receipt/encode';
import { describePrintFailure } from '../../../drivers/receipt/print-failure';
import { createReceiptPrinter } from '../../../drivers/receipt/printer';
import { createMemoryPair } from '../../../drivers/transport/memory';
import { connectedPrinter, receivedBytes, withoutStatusRequests } from './helpers';

function receipt(lines: number): Uint8Array {
  const r = encodeReceipt(
    { blocks: [...Array.from({ length: lines }, (_, i) => ({ kind: 'text' as const, text: `第${i + 1}行 line ${i + 1}` })), { kind: 'qr', data: 'https://e.example/q' }, { kind: 'cut' }] },
    { paperWidthMm: 80 },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('receipt printer driver', () => {
  it('starts online, prints a receipt and checks the status before and after', async () => {
    const { printer, sim, written } = await connectedPrinter();
    expect(printer.status).toEqual({ kind: 'online', media: 'present' });
    expect(printer.printerStatus).toMatchObject({ online: true, paper: 'ok' });
    const statuses: DriverStatus[] = [];
    printer.on('statusChanged', (s) => statuses.push(s));
    expect(await printer.print(receipt(3))).toEqual({ ok: true, value: undefined });
    expect(sim.receipts[0]).toMatchObject({ lines: ['第1行 line 1', '第2行 line 2', '第3行 line 3', ''], qrCodes: ['https://e.example/q'], cut: true });
    expect(statuses.map((s) => s.kind)).toEqual(['busy', 'online']);
    // Status requests: 4 at start, 4 before and 4 after the job.
    const all = receivedBytes(written);
    expect(all.length - withoutStatusRequests(all).length).toBe(12 * 3);
    await printer.stop();
  });

  it('refuses out of paper and cover open, sending nothing but status requests', async () => {
    const { printer, sim, written } = await connectedPrinter({ simulator: { initial: { paper: 'out' } } });
    expect(printer.status).toMatchObject({ kind: 'userError' });
    const out = await printer.print(receipt(2));
    expect(out).toMatchObject({ ok: false, error: { kind: 'paperOut' } });
    if (!out.ok) expect(describePrintFailure(out.error).zh).toContain('缺纸');
    sim.set({ paper: 'ok', coverOpen: true });
    const cover = await printer.print(receipt(2));
    expect(cover).toMatchObject({ ok: false, error: { kind: 'coverOpen' } });
    if (!cover.ok) expect(describePrintFailure(cover.error)).toEqual({ zh: expect.stringContaining('纸仓盖'), en: expect.stringContaining('cover is open') });
    sim.set({ coverOpen: false, cutterError: true });
    expect(await printer.print(receipt(2))).toMatchObject({ ok: false, error: { kind: 'hardwareError', code: 3 } });
    sim.set({ cutterError: false, offline: true });
    expect(await printer.print(receipt(2))).toMatchObject({ ok: false, error: { kind: 'notReady' } });
    expect(withoutStatusRequests(receivedBytes(written))).toEqual([]);
    expect(sim.receipts).toEqual([]);
    await printer.stop();
  });

  it('prints on paper near end and reports media low', async () => {
    const { printer, sim } = await connectedPrinter({ simulator: { initial: { paper: 'low' } } });
    expect(printer.status).toEqual({ kind: 'online', media: 'low' });
    expect(await printer.print(receipt(1))).toEqual({ ok: true, value: undefined });
    expect(sim.receipts).toHaveLength(1);
    await printer.stop();
  });

  it('reports truthfully when the paper runs out mid-receipt', async () => {
    const { printer, sim } = await connectedPrinter();
    sim.runOutAfterLines(2);
    const r = await printer.print(receipt(5));
    expect(r).toMatchObject({ ok: false, error: { kind: 'interrupted', cause: 'paperOut', status: { paper: 'out', stoppedByPaperEnd: true } } });
    expect(printer.status).toMatchObject({ kind: 'userError', message: expect.stringContaining('paper') });
    expect(sim.receipts[0]).toMatchObject({ cut: false, interrupted: true });
    expect(sim.receipts[0]!.lines).toHaveLength(2);
    await printer.stop();
  });

  it('goes to noDevice when the cable is pulled, and print answers noDevice', async () => {
    const { printer, host } = await connectedPrinter();
    host.unplug();
    expect(printer.status).toMatchObject({ kind: 'noDevice' });
    expect(await printer.print(receipt(1))).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    expect(await printer.queryStatus()).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    await printer.stop();
  });

  it('goes to noDevice when the printer leaves two status queries in a row unanswered, and recovers when it answers', async () => {
    const { printer, sim } = await connectedPrinter({ printer: { replyTimeoutMs: 50 } });
    sim.set({ silent: true });
    expect(await printer.queryStatus()).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    // One missed reply (a busy PC) keeps the printer up; the second in a row reports it down.
    expect(printer.status).toEqual({ kind: 'online', media: 'present' });
    expect(await printer.queryStatus()).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(printer.status).toMatchObject({ kind: 'noDevice', message: expect.stringContaining('does not answer') });
    expect(await printer.print(receipt(1))).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(sim.receipts).toEqual([]);
    sim.set({ silent: false });
    expect(await printer.queryStatus()).toMatchObject({ ok: true });
    expect(printer.status).toEqual({ kind: 'online', media: 'present' });
    await printer.stop();
  });

  it('prints when the printer misses one status reply before the job and answers the next (a busy PC)', async () => {
    const { printer, sim } = await connectedPrinter({ printer: { replyTimeoutMs: 50 } });
    sim.set({ silent: true });
    const job = printer.print(receipt(1));
    setTimeout(() => sim.set({ silent: false }), 20);
    expect(await job).toEqual({ ok: true, value: undefined });
    expect(sim.receipts).toHaveLength(1);
    expect(printer.status).toEqual({ kind: 'online', media: 'present' });
    await printer.stop();
  });

  it('polls the status while idle and emits changes', async () => {
    const { printer, sim } = await connectedPrinter({ printer: { statusPollMs: 20 } });
    const seen: DriverStatus[] = [];
    printer.on('statusChanged', (s) => seen.push(s));
    sim.set({ coverOpen: true });
    await wait(120);
    expect(seen).toContainEqual({ kind: 'userError', message: 'printer cover open' });
    sim.set({ coverOpen: false, paper: 'low' });
    await wait(120);
    expect(printer.status).toEqual({ kind: 'online', media: 'low' });
    await printer.stop();
    expect(printer.status).toMatchObject({ kind: 'offline' });
  });

  it('serialises concurrent prints and ignores noise bytes between replies', async () => {
    const { printer, sim, far } = await connectedPrinter();
    // Before every reply the printer sends bytes that violate the fixed bits; none may be taken for a status.
    sim.on('statusRequest', () => void far.write(Uint8Array.of(0x00, 0xff, 0x13, 0x92, 0xfe, 0x01)));
    const results = await Promise.all([printer.print(receipt(1)), printer.print(receipt(2)), printer.queryStatus()]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(sim.receipts.map((r) => r.lines.length)).toEqual([2, 3]);
    expect(printer.printerStatus).toMatchObject({ paper: 'ok', online: true, raw: [0x12, 0x12, 0x12, 0x12] });
    await printer.stop();
  });

  it('reports noDevice when the transport cannot be opened, without throwing', async () => {
    const [host] = createMemoryPair();
    host.unplug();
    const printer = createReceiptPrinter(host, { statusPollMs: 0 });
    await printer.start();
    expect(printer.status).toMatchObject({ kind: 'noDevice' });
    expect(await printer.print(Uint8Array.of(0x0a))).toMatchObject({ ok: false, error: { kind: 'noDevice' } });
    await printer.stop();
  });
});
