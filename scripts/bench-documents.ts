/**
 * A4 document rendering benchmark: median time to render the 无犯罪记录证明
 * (warm: fonts loaded, template cached), plus the cold first render and the
 * two receipts for reference. Target: certificate ≤ 300 ms.
 *
 *   npx tsx scripts/bench-documents.ts [--runs 15]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { spread, type BenchRow } from './bench/row';
import certificateTemplate from '../electron/host/services/no-criminal-record/certificate.template.json' with { type: 'json' };
import { amountInWords, createPdfRenderer, formatYuan, LIBRARY_TEMPLATES, maskIdNumber, maskName, type PaymentVoucherVars, type RenderRequest } from '../electron/host/issued';

export type { BenchRow } from './bench/row';

const certificate: RenderRequest = {
  template: certificateTemplate,
  vars: {
    number: 'WFZ2026-000001',
    name: '欧阳喆堃龑䶮',
    idDocumentType: '居民身份证',
    idNumber: '11010519491231002X',
    queryDate: '2026年11月29日',
    issueDate: '2026年11月29日',
    issuingOffice: '平顶山市公安局城乡一体化示范区分局湖滨派出所',
    verifyCode: 'A7K9-2QXM-88PT',
    verifyTarget: 'https://verify.example.invalid/c/A7K9-2QXM-88PT',
  },
  // The sandbox's stand-in for the back-end's electronic seal: a real certificate carries one.
  seal: { imagePng: new Uint8Array(readFileSync(new URL('../resources/seal/placeholder-seal.png', import.meta.url))) },
};

const voucherVars: PaymentVoucherVars = {
  serviceName: '居民身份证换领',
  maskedName: maskName('王喆'),
  maskedIdNumber: maskIdNumber('11010519491231002X'),
  amount: formatYuan(2000),
  amountInWords: `人民币${amountInWords(2000)}`,
  paymentMethod: '扫码支付',
  paymentCode: '4101002026112900',
  transactionId: 'T20261129100501',
  paidAt: '2026年11月29日 10:06',
  paidDate: '2026年11月29日',
  office: '平顶山市公安局湖滨分局',
};
const voucher: RenderRequest = { template: LIBRARY_TEMPLATES.paymentVoucher, vars: { ...voucherVars, number: 'JF2026-HB-KIOSK-01-000001' } };

/** Milliseconds of each of `runs` renders. */
async function timeRender(render: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await render();
    times.push(performance.now() - start);
  }
  return times;
}

/** Runs the benchmark; the first row is the target the issue sets. */
export async function benchDocuments(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 15;
  const renderer = createPdfRenderer();
  const coldStart = performance.now();
  const first = await renderer.render(certificate);
  const cold = performance.now() - coldStart;
  if (!first.ok) throw new Error(`certificate did not render: ${first.error.kind}`);
  return [
    { id: 'documents.render.certificate (warm)', ...spread(await timeRender(() => renderer.render(certificate), runs)), unit: 'ms', target: 300, better: 'lower' },
    { id: 'documents.render.certificate (cold, first)', median: cold, unit: 'ms', target: 2000, better: 'lower' },
    { id: 'documents.render.paymentVoucher (warm)', ...spread(await timeRender(() => renderer.render(voucher), runs)), unit: 'ms', target: 300, better: 'lower' },
  ];
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 15;
  for (const row of await benchDocuments({ runs })) {
    const pass = row.better === 'higher' ? row.median >= row.target : row.median <= row.target;
    console.log(`${row.id.padEnd(44)} ${row.median.toFixed(1).padStart(8)} ${row.unit.padEnd(3)}  target ${row.better === 'higher' ? '≥' : '≤'} ${row.target}  ${pass ? 'ok' : 'MISSED'}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
