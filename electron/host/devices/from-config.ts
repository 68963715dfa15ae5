/**
 * Builds the device layer the config names. Until the device manager lands
 * this returns an empty source, so the kiosk reports no devices rather than invented ones.
 */
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import type { DeviceSource } from './device-source';

/** Creates the device source for `config.devices`. */
export function createDevicesFromConfig(_config: KioskConfig, _logger: Logger): DeviceSource {
  return { start: async () => {}, stop: async () => {}, list: () => [], on: () => () => {} };
}
