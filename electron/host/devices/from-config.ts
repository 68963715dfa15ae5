/**
 * Builds the device layer the config names: the driver-side device manager,
 * with its faults reported to the host's log (never personal data: the
 * manager's messages are technical).
 */
import { createDeviceManager, type DeviceManager } from '../../../drivers/manager';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../log/logger';

/** Creates the device manager for `config.devices`, logging its errors. */
export function createDevicesFromConfig(config: KioskConfig, logger: Logger): DeviceManager {
  const manager = createDeviceManager(config.devices);
  const log = logger.child({ component: 'devices' });
  manager.on('error', (event) => log.warn(event, 'device fault'));
  manager.on('changed', (devices) => {
    for (const device of devices) log.debug({ id: device.id, status: device.status.kind }, 'device status');
  });
  return manager;
}
