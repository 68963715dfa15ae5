import { describe, expect, it } from 'vitest';
import { findDevice, listDevices, pickDevice, type DeviceRecord } from '../../../drivers/transport/enumerate';

const serial = [
  { path: '/dev/ttyS0' },
  { path: '/dev/ttyUSB0', vendorId: '0400', productId: 'c35a', serialNumber: 'A1', manufacturer: 'Synjones' },
];
const hid = [
  {
    vendorId: 0x0483,
    productId: 0x5750,
    path: '/dev/hidraw1',
    serialNumber: 'H1',
    product: 'iDR210',
    manufacturer: 'Sunrise',
    release: 1,
    interface: 0,
  },
  { vendorId: 0x0483, productId: 0x5750, serialNumber: 'nopath', release: 1, interface: 0 },
];

describe('device enumeration', () => {
  it('lists serial ports and HID devices as plain records', async () => {
    const list = await listDevices({ listSerial: async () => serial, listHid: async () => hid });
    expect(list.problems).toEqual([]);
    expect(list.devices).toEqual<DeviceRecord[]>([
      { kind: 'serial', path: '/dev/ttyS0' },
      {
        kind: 'serial',
        path: '/dev/ttyUSB0',
        vendorId: 0x0400,
        productId: 0xc35a,
        serialNumber: 'A1',
        manufacturer: 'Synjones',
      },
      {
        kind: 'hid',
        path: '/dev/hidraw1',
        vendorId: 0x0483,
        productId: 0x5750,
        serialNumber: 'H1',
        manufacturer: 'Sunrise',
        product: 'iDR210',
      },
    ]);
  });

  it('turns a failing source into a problem line instead of a rejection', async () => {
    const list = await listDevices({
      listSerial: async () => serial,
      listHid: async () => {
        throw new Error('libusb missing');
      },
    });
    expect(list.devices).toHaveLength(2);
    expect(list.problems).toEqual(['HID devices: libusb missing']);
  });

  it('finds by path, or by VID/PID/serial after the device moved to another path', async () => {
    const moved = [{ path: '/dev/ttyUSB1', vendorId: '0400', productId: 'C35A', serialNumber: 'A1' }];
    const deps = { listSerial: async () => moved, listHid: async () => [] };
    expect(
      await findDevice({ kind: 'serial', path: '/dev/ttyUSB0', vendorId: 0x0400, productId: 0xc35a }, deps),
    ).toMatchObject({ path: '/dev/ttyUSB1' });
    expect(await findDevice({ kind: 'serial', path: '/dev/ttyUSB0' }, deps)).toBeUndefined();
    expect(await findDevice({ vendorId: 0x0400, productId: 0xc35a, serialNumber: 'other' }, deps)).toBeUndefined();
    expect(
      await findDevice(
        { kind: 'hid', vendorId: 0x0483, productId: 0x5750 },
        { listSerial: async () => serial, listHid: async () => hid },
      ),
    ).toMatchObject({ path: '/dev/hidraw1' });
  });

  it('prefers the configured path among identical devices', () => {
    const twins: DeviceRecord[] = [
      { kind: 'serial', path: '/dev/ttyUSB0', vendorId: 1, productId: 2 },
      { kind: 'serial', path: '/dev/ttyUSB1', vendorId: 1, productId: 2 },
    ];
    expect(pickDevice(twins, { path: '/dev/ttyUSB1', vendorId: 1, productId: 2 })?.path).toBe('/dev/ttyUSB1');
    expect(pickDevice(twins, { path: '/dev/ttyUSB7', vendorId: 1, productId: 2 })?.path).toBe('/dev/ttyUSB0');
  });

  it('lists the real machine without throwing', async () => {
    const list = await listDevices();
    expect(Array.isArray(list.devices)).toBe(true);
  });
});
