/** Shared test helpers for the receipt printer: a simulator and a driver on one memory cable. */
import { createReceiptPrinter, type ReceiptPrinter, type ReceiptPrinterOptions } from '../../../drivers/receipt/printer';
import { createReceiptSimulator, type ReceiptSimulator, type ReceiptSimulatorOptions } from '../../../drivers/receipt/simulator';
import { createMemoryPair, type MemoryChunking, type MemoryTransport } from '../../../drivers/transport/memory';

/** A driver and a simulator on the two ends of a memory cable, both started. */
export async function connectedPrinter(
  options: { printer?: ReceiptPrinterOptions; simulator?: ReceiptSimulatorOptions; chunking?: MemoryChunking } = {},
): Promise<{ printer: ReceiptPrinter; sim: ReceiptSimulator; host: MemoryTransport; far: MemoryTransport; written: Uint8Array[] }> {
  const [host, far] = createMemoryPair({ chunking: options.chunking ?? { kind: 'random', maxSize: 9, seed: 7 } });
  const sim = createReceiptSimulator(far, options.simulator);
  const written: Uint8Array[] = [];
  far.on('data', (chunk) => written.push(chunk.slice()));
  await sim.start();
  const printer = createReceiptPrinter(host, { statusPollMs: 0, postPrintDelayMs: 0, replyTimeoutMs: 200, ...options.printer });
  await printer.start();
  return { printer, sim, host, far, written };
}

/** Everything the far end received, as one array. */
export function receivedBytes(written: readonly Uint8Array[]): number[] {
  return written.flatMap((c) => [...c]);
}

/** The received bytes without the `DLE EOT n` status requests. */
export function withoutStatusRequests(bytes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) {
      i += 2;
      continue;
    }
    out.push(bytes[i]!);
  }
  return out;
}
