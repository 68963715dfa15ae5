/**
 * Lists attached serial ports and HID devices as plain records, and finds one
 * again after re-enumeration (a replugged USB adapter may come back as
 * /dev/ttyUSB1 instead of /dev/ttyUSB0, so VID/PID/serial beat the path).
 */
import { SerialPort } from 'serialport';
import { loadNodeHid, type HidDeviceInfo } from './hid';

/** One attached device, whichever way it is attached. */
export interface DeviceRecord {
  kind: 'serial' | 'hid';
  path: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
}

/** What identifies a configured device. Fields left out match anything. */
export interface DeviceMatch {
  kind?: 'serial' | 'hid';
  path?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
}

/** A serial port as `SerialPort.list()` reports it (ids are hex strings). */
export interface SerialPortInfoLike {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/** Sources of device lists; tests replace them. */
export interface EnumerateDeps {
  listSerial?: () => Promise<SerialPortInfoLike[]>;
  listHid?: () => Promise<HidDeviceInfo[]>;
}

/** The records found, plus what could not be listed (e.g. node-hid without libusb). */
export interface DeviceList {
  devices: DeviceRecord[];
  problems: string[];
}

const defaultListSerial = (): Promise<SerialPortInfoLike[]> => SerialPort.list();

const defaultListHid = async (): Promise<HidDeviceInfo[]> => {
  const hid = await loadNodeHid();
  if (!hid.ok) throw new Error(hid.error.message);
  return hid.value.devicesAsync();
};

function parseHexId(id: string | undefined): number | undefined {
  if (id === undefined || !/^(0x)?[0-9a-f]{1,4}$/i.test(id.trim())) return undefined;
  return Number.parseInt(id.trim().replace(/^0x/i, ''), 16);
}

function compact(record: DeviceRecord): DeviceRecord {
  const out: DeviceRecord = { kind: record.kind, path: record.path };
  if (record.vendorId !== undefined) out.vendorId = record.vendorId;
  if (record.productId !== undefined) out.productId = record.productId;
  if (record.serialNumber) out.serialNumber = record.serialNumber;
  if (record.manufacturer) out.manufacturer = record.manufacturer;
  if (record.product) out.product = record.product;
  return out;
}

/** Converts a `SerialPort.list()` entry to a {@link DeviceRecord}. */
export function serialRecord(info: SerialPortInfoLike): DeviceRecord {
  return compact({
    kind: 'serial',
    path: info.path,
    vendorId: parseHexId(info.vendorId),
    productId: parseHexId(info.productId),
    serialNumber: info.serialNumber,
    manufacturer: info.manufacturer,
  });
}

/** Converts a node-hid device entry to a {@link DeviceRecord}; entries without a path are dropped by the caller. */
export function hidRecord(info: HidDeviceInfo & { path: string }): DeviceRecord {
  return compact({
    kind: 'hid',
    path: info.path,
    vendorId: info.vendorId,
    productId: info.productId,
    serialNumber: info.serialNumber,
    manufacturer: info.manufacturer,
    product: info.product,
  });
}

/** Lists serial ports and HID devices. Never rejects: a failing source becomes a problem line. */
export async function listDevices(deps: EnumerateDeps = {}): Promise<DeviceList> {
  const problems: string[] = [];
  const [serial, hid] = await Promise.all([
    (deps.listSerial ?? defaultListSerial)().catch((error: unknown) => {
      problems.push(`serial ports: ${error instanceof Error ? error.message : String(error)}`);
      return [] as SerialPortInfoLike[];
    }),
    (deps.listHid ?? defaultListHid)().catch((error: unknown) => {
      problems.push(`HID devices: ${error instanceof Error ? error.message : String(error)}`);
      return [] as HidDeviceInfo[];
    }),
  ]);
  const devices = [
    ...serial.map(serialRecord),
    ...hid.filter((d): d is HidDeviceInfo & { path: string } => typeof d.path === 'string').map(hidRecord),
  ];
  return { devices, problems };
}

/** True when `record` satisfies every field `match` sets. */
export function matchesDevice(record: DeviceRecord, match: DeviceMatch): boolean {
  return (
    (match.kind === undefined || record.kind === match.kind) &&
    (match.path === undefined || record.path === match.path) &&
    (match.vendorId === undefined || record.vendorId === match.vendorId) &&
    (match.productId === undefined || record.productId === match.productId) &&
    (match.serialNumber === undefined || record.serialNumber === match.serialNumber)
  );
}

/**
 * Picks the device a config names from a list. With VID/PID, the device is
 * found by identity, preferring the configured path when several match; with
 * only a path, by path.
 */
export function pickDevice(devices: readonly DeviceRecord[], match: DeviceMatch): DeviceRecord | undefined {
  const byIdentity = match.vendorId !== undefined || match.productId !== undefined || match.serialNumber !== undefined;
  if (!byIdentity) return devices.find((d) => matchesDevice(d, match));
  const { path, ...identity } = match;
  const candidates = devices.filter((d) => matchesDevice(d, identity));
  return candidates.find((d) => d.path === path) ?? candidates[0];
}

/** Re-enumerates and finds the configured device; `undefined` when it is not attached. */
export async function findDevice(match: DeviceMatch, deps: EnumerateDeps = {}): Promise<DeviceRecord | undefined> {
  const listDeps: EnumerateDeps = { ...deps };
  if (match.kind === 'serial') listDeps.listHid = async () => [];
  if (match.kind === 'hid') listDeps.listSerial = async () => [];
  const { devices } = await listDevices(listDeps);
  return pickDevice(devices, match);
}
