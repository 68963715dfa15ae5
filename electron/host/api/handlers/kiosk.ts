/** `kiosk.*`: what this kiosk is (hall, id, version, simulation, zone). */
import packageJson from '../../../../package.json' with { type: 'json' };
import { PROTOCOL_VERSION } from '../../../contract';
import type { KioskConfig } from '../../config/schema';
import type { CallHandlers } from '../dispatch';

export function kioskHandlers(config: KioskConfig): Pick<CallHandlers, 'kiosk.info'> {
  return {
    'kiosk.info': () => ({
      ok: true,
      value: {
        hallName: config.hallName,
        kioskId: config.kioskId,
        version: packageJson.version,
        protocolVersion: PROTOCOL_VERSION,
        simulation: config.simulation,
        backend: config.backend.kind,
        defaultLanguage: config.defaultLanguage,
        timeZone: config.timeZone,
      },
    }),
  };
}
