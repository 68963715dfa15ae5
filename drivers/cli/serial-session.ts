/** Opens the serial port a CLI command names, reporting failures on stderr. */
import { createSerialTransport } from '../transport/serial';
import type { Transport } from '../transport/transport';
import type { CliIo } from './io';

/** Opens `path` at `baudRate`; `undefined` (after an stderr message) when it cannot be opened. */
export async function openSerial(path: string, baudRate: number, io: CliIo): Promise<Transport | undefined> {
  const transport = createSerialTransport({ path, baudRate });
  const opened = await transport.open();
  if (!opened.ok) {
    io.err(`error: cannot open ${path} (${opened.error.kind}): ${opened.error.message}`);
    return undefined;
  }
  return transport;
}
