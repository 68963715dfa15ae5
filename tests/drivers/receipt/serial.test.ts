import { afterEach, describe, expect, it } from 'vitest';
import { encodeAcceptanceReceipt } from '../../../drivers/receipt/templates/acceptance-receipt';
import { createReceiptPrinter } from '../../../drivers/receipt/printer';
import { createReceiptSimulator } from '../../../drivers/receipt/simulator';
import { createSerialTransport } from '../../../drivers/transport/serial';
import { createPtyPair, type PtyPair } from '../../helpers/pty';

const pairs: PtyPair[] = [];
afterEach(async () => {
  while (pairs.length) await pairs.pop()!.close();
});

describe('receipt printer over a real serial port (socat pty pair)', () => {
  it('prints an acceptance receipt the simulator reads back, refuses when paper runs out, and sees the port vanish', async () => {
    const pair = await createPtyPair();
    pairs.push(pair);
    const simPort = createSerialTransport({ path: pair.a, baudRate: 115_200 });
    const sim = createReceiptSimulator(simPort);
    expect((await sim.start()).ok).toBe(true);
    const port = createSerialTransport({ path: pair.b, baudRate: 115_200, presenceCheckMs: 100 });
    const printer = createReceiptPrinter(port, { statusPollMs: 0, postPrintDelayMs: 50, replyTimeoutMs: 1000 });
    await printer.start();
    expect(printer.status).toEqual({ kind: 'online', media: 'present' });

    const bytes = encodeAcceptanceReceipt(
      {
        businessType: '往来港澳通行证签注',
        acceptanceNumber: 'CR440300202405200099',
        name: '司马喆',
        idNumber: '440308199001011234',
        amountFen: 1500,
        site: '深圳市公安局福田分局出入境自助服务区',
        acceptedAt: new Date('2024-05-20T06:05:00Z'),
        progressUrl: 'https://crj.example.gov.cn/q?n=CR440300202405200099',
      },
      { paperWidthMm: 80 },
    );
    if (!bytes.ok) throw new Error(bytes.error.message);
    expect(await printer.print(bytes.value)).toEqual({ ok: true, value: undefined });
    const r = sim.receipts[0]!;
    expect(r.lines).toEqual(expect.arrayContaining(['受理回执', '姓名：司**', '证件号码：4403**********1234', '金额：￥15.00', '受理编号：CR440300202405200099']));
    expect(r.qrCodes).toEqual(['https://crj.example.gov.cn/q?n=CR440300202405200099']);
    expect(r.cut).toBe(true);

    sim.runOutAfterLines(3);
    expect(await printer.print(bytes.value)).toMatchObject({ ok: false, error: { kind: 'interrupted', cause: 'paperOut' } });
    expect(await printer.print(bytes.value)).toMatchObject({ ok: false, error: { kind: 'paperOut' } });
    expect(sim.receipts).toHaveLength(2);

    await pair.close();
    const deadline = Date.now() + 5000;
    while (printer.status.kind !== 'noDevice' && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    expect(printer.status).toMatchObject({ kind: 'noDevice' });
    await printer.stop();
    await sim.stop();
    await port.close();
  });
});
