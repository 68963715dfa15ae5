/**
 * Receipt encoding speed: `npx tsx scripts/bench-receipt.ts [--runs N]`.
 * Each row is the median (min, max) over N runs of the mean time per receipt. A kiosk
 * prints one receipt every minute or so, so the targets only catch an
 * accidental slowdown (e.g. rebuilding the GB18030 table per call).
 */
import { pathToFileURL } from 'node:url';
import { EscPosParser } from '../drivers/receipt/escpos-parser';
import { prepareGb18030 } from '../drivers/receipt/gb18030';
import { encodeAcceptanceReceipt } from '../drivers/receipt/templates/acceptance-receipt';
import { encodePaymentReceipt } from '../drivers/receipt/templates/payment-receipt';
import { spread, type BenchRow } from './bench/row';
import { encodeQueueTicket } from '../drivers/receipt/templates/queue-ticket';

/** One benchmark result row. */
export type { BenchRow } from './bench/row';

const AT = new Date('2024-05-20T01:31:00Z');
const SITE = '某某市公安局某某分局一门通办智慧警务工作站（城东派出所大厅）';

function encodeAcceptance(): Uint8Array {
  const r = encodeAcceptanceReceipt(
    {
      businessType: '居民身份证换领（异地）',
      acceptanceNumber: '202405200001234567',
      name: '欧阳喆堃',
      idNumber: '11010519491231002X',
      amountFen: 2000,
      site: SITE,
      acceptedAt: AT,
      progressUrl: 'https://gaj.example.gov.cn/progress?no=202405200001234567',
      notes: ['请于30个工作日后凭本回执到受理地点领取证件，或选择邮寄。'],
    },
    { paperWidthMm: 80 },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function encodePayment(): Uint8Array {
  const r = encodePaymentReceipt(
    { site: SITE, service: '居民身份证补领', amountFen: 4000, name: '王龑', idNumber: '110105194912310021', paymentCode: '1234567890123456', paidAt: AT },
    { paperWidthMm: 58 },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function encodeTicket(): Uint8Array {
  const r = encodeQueueTicket({ site: SITE, window: '3号窗口', number: 'A023', waiting: 5, name: '李䶮', issuedAt: AT }, { paperWidthMm: 80 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The mean ms per call of `fn` in each of `runs` runs (called `perRun` times per run). */
function meanMsPerRun(fn: () => unknown, runs: number, perRun: number): number[] {
  const means: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < perRun; i++) fn();
    means.push((performance.now() - t0) / perRun);
  }
  return means;
}

/** Runs the benchmarks and returns one row each. */
export function benchReceipt(options: { runs?: number; perRun?: number } = {}): BenchRow[] {
  const runs = options.runs ?? 9;
  const perRun = options.perRun ?? 50;
  const t0 = performance.now();
  prepareGb18030();
  const tableMs = performance.now() - t0;
  const stream = encodeAcceptance();
  // Warm-up, so the first timed run does not pay for the JIT.
  for (let i = 0; i < 20; i++) {
    encodeAcceptance();
    encodePayment();
    encodeTicket();
    new EscPosParser().push(stream);
  }
  const parseRates = meanMsPerRun(() => new EscPosParser().push(stream), runs, perRun * 4).map((ms) => stream.length / 1e6 / (ms / 1000));
  return [
    { id: 'receipt.gb18030.table-build (first use)', median: tableMs, unit: 'ms', target: 200, better: 'lower' },
    { id: 'receipt.encode.acceptance.80mm', ...spread(meanMsPerRun(encodeAcceptance, runs, perRun)), unit: 'ms', target: 5, better: 'lower' },
    { id: 'receipt.encode.payment.58mm', ...spread(meanMsPerRun(encodePayment, runs, perRun)), unit: 'ms', target: 5, better: 'lower' },
    { id: 'receipt.encode.queue-ticket.80mm', ...spread(meanMsPerRun(encodeTicket, runs, perRun)), unit: 'ms', target: 5, better: 'lower' },
    { id: 'receipt.parse.acceptance', ...spread(parseRates), unit: 'MB/s', target: 5, better: 'higher' },
  ];
}

function main(): void {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 9;
  const rows = benchReceipt({ runs });
  let ok = true;
  for (const row of rows) {
    const pass = row.better === 'higher' ? row.median >= row.target : row.median <= row.target;
    ok &&= pass;
    console.log(
      `${row.id.padEnd(42)} ${row.median.toFixed(3).padStart(9)} ${row.unit.padEnd(4)}  target ${row.better === 'higher' ? '≥' : '≤'} ${row.target}  ${pass ? 'ok' : 'MISSED'}`,
    );
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
