/** `devices.*`: the devices' status, and the renderer's reports of its cameras. */
import type { DeviceSource } from '../../devices/device-source';
import type { ReportedCameras } from '../../devices/reported-cameras';
import { toContractStatus } from '../../devices/to-contract';
import type { Logger } from '../../log/logger';
import type { CallHandlers } from '../dispatch';

export interface DevicesHandlersDeps {
  devices: DeviceSource;
  /** Absent when the device layer was injected: a report is then noted and changes nothing. */
  reportedCameras: ReportedCameras | undefined;
  logger: Logger;
}

export function devicesHandlers(deps: DevicesHandlersDeps): Pick<CallHandlers, 'devices.list' | 'devices.reportCamera'> {
  return {
    'devices.list': () => ({ ok: true, value: deps.devices.list().map(toContractStatus) }),
    'devices.reportCamera': ({ role, state, label }) => {
      const changed = deps.reportedCameras?.report({ role, state, label }) ?? false;
      if (changed) deps.logger.info({ role, state, label }, 'camera status reported by the renderer');
      return { ok: true, value: { accepted: true } };
    },
  };
}
