/**
 * End-to-end card read over a real serial line: the real `serialport` binding
 * on one end of a socat pty pair, the GA 467 simulator (paced like a 115200
 * 8N1 line) on the other. Reports the time of find → select → read as a ratio
 * to the wire time of the bytes exchanged (1.00 = as fast as the line allows).
 * `npx tsx scripts/bench-idcard-pty.ts [--runs N]`
 */
import { pathToFileURL } from 'node:url';
import { GA467_COMMANDS } from '../drivers/idcard/commands';
import { FrameExchange } from '../drivers/idcard/exchange';
import { encodeCommand } from '../drivers/idcard/frame';
import { loadSampleCard } from '../drivers/idcard/sample-cards';
import { createIdCardSimulator } from '../drivers/idcard/simulator';
import { createSerialTransport } from '../drivers/transport/serial';
import { createPtyPair } from '../tests/helpers/pty';
import { formatRow, spread, type BenchRow } from './bench/row';

const BAUD = 115_200;
const BITS_PER_BYTE = 10; // 8N1

/** Runs `runs` card reads and returns the ratio row (and the absolute time). */
export async function benchIdCardPty(options: { runs?: number } = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? 9;
  const pair = await createPtyPair();
  const kioskEnd = createSerialTransport({ path: pair.a, baudRate: BAUD });
  const readerEnd = createSerialTransport({ path: pair.b, baudRate: BAUD });
  const simulator = createIdCardSimulator(readerEnd, { paceBaud: BAUD, haltAfterRead: false });
  const sample = loadSampleCard('resident-han');
  if (!sample.ok) throw new Error('sample card missing');
  try {
    for (const t of [kioskEnd, readerEnd]) {
      const opened = await t.open();
      if (!opened.ok) throw new Error(`cannot open pty: ${opened.error.message}`);
    }
    await simulator.start();
    simulator.placeCard({ text: sample.value.text, photo: sample.value.photo });
    const exchange = new FrameExchange(kioskEnd);
    kioskEnd.on('data', (chunk) => exchange.receive(chunk));
    const ratios: number[] = [];
    const millis: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      let bytes = 0;
      const started = performance.now();
      for (const command of [GA467_COMMANDS.findCard, GA467_COMMANDS.selectCard, GA467_COMMANDS.readText]) {
        const frame = encodeCommand(command.cmd, command.para);
        const outcome = await exchange.send(frame, 3000);
        if (outcome.kind !== 'frame') throw new Error(`read failed: ${outcome.kind}`);
        bytes += frame.length + 7 + 3 + outcome.frame.data.length + 1; // preamble+len, SW1-3, data, CHK
      }
      const elapsed = performance.now() - started;
      const wireMs = (bytes * BITS_PER_BYTE * 1000) / BAUD;
      if (i > 0) {
        // the first run warms up the line and the JIT
        ratios.push(elapsed / wireMs);
        millis.push(elapsed);
      }
    }
    return [
      { id: 'idcard.read.pty115200 (time / wire time)', ...spread(ratios), unit: 'ratio', target: 1.1, better: 'lower' },
      { id: 'idcard.read.pty115200 (find+select+read)', ...spread(millis), unit: 'ms', target: 200, better: 'lower' },
    ];
  } finally {
    await simulator.stop();
    await kioskEnd.close();
    await readerEnd.close();
    await pair.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const rows = await benchIdCardPty({ runs: i >= 0 ? Number(process.argv[i + 1]) : 9 });
  for (const row of rows) console.log(formatRow(row));
}
