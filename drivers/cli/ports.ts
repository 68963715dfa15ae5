/** `ports`: the serial ports and HID devices present, as a table or JSON. */
import { listDevices, type DeviceRecord, type EnumerateDeps } from '../transport/enumerate';
import { describeOptionError, parseOptions } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { PORTS_HELP } from './usage';

const hex4 = (n: number | undefined): string => (n === undefined ? '-' : n.toString(16).padStart(4, '0'));

/** Formats device records as an aligned text table. */
export function formatDeviceTable(devices: readonly DeviceRecord[]): string {
  const header = ['KIND', 'PATH', 'VID:PID', 'SERIAL', 'MANUFACTURER', 'PRODUCT'];
  const rows = devices.map((d) => [
    d.kind,
    d.path,
    d.vendorId === undefined && d.productId === undefined ? '-' : `${hex4(d.vendorId)}:${hex4(d.productId)}`,
    d.serialNumber ?? '-',
    d.manufacturer ?? '-',
    d.product ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs `ports [--json]`. */
export async function runPorts(args: readonly string[], io: CliIo, deps: EnumerateDeps = {}): Promise<ExitCode> {
  const parsed = parseOptions(args, { json: { type: 'boolean' } });
  if (!parsed.ok) {
    io.err(`${describeOptionError(parsed.error)}\n\n${PORTS_HELP}`);
    return EXIT.usage;
  }
  const { values } = parsed.value;
  if (values.help) {
    io.out(PORTS_HELP);
    return EXIT.ok;
  }
  const { devices, problems } = await listDevices(deps);
  for (const problem of problems) io.err(`warning: ${problem}`);
  if (values.json) io.out(JSON.stringify(devices));
  else io.out(devices.length === 0 ? 'No serial ports or HID devices found.' : formatDeviceTable(devices));
  return EXIT.ok;
}
