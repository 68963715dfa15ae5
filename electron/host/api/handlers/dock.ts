/** `dock.*`: the simulation dock (place a card, empty the paper…), audited as staff actions; refused outside simulation. */
import type { CallHandlers } from '../dispatch';
import type { Dock } from '../../devices/dock';
import type { AuditLog } from '../../journal/transactions-audit';
import type { Logger } from '../../log/logger';

export interface DockHandlersDeps {
  dock: Dock;
  enrolFace: CallHandlers['dock.enrolFace'];
  audit: AuditLog;
  logger: Logger;
}

export function dockHandlers(deps: DockHandlersDeps): Pick<CallHandlers, 'dock.state' | 'dock.act' | 'dock.enrolFace'> {
  return {
    'dock.state': () => deps.dock.state(),
    'dock.act': (params) => {
      const outcome = deps.dock.act(params);
      deps.logger.info({ action: params.action, deviceId: params.deviceId, ok: outcome.ok }, 'dock action');
      deps.audit.record({ actor: 'staff', action: 'dock.act', subject: params.deviceId, detail: { action: params.action, ok: outcome.ok } });
      return outcome;
    },
    'dock.enrolFace': (params) => deps.enrolFace(params),
  };
}
