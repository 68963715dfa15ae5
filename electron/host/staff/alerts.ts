/**
 * Alerts for hall staff: a device that went down, paper running low or out,
 * a jam, a document or ticket that did not print, a back-end link the kiosk
 * refused (an untrusted server, a redirect, an oversized answer), an order
 * whose money needs a person. Each alert
 * is an event on the contract (`staff.alert`, for staff screens and the
 * hall's monitoring), a warning in the log and an audit record; none carries
 * personal data.
 */
import type { DeviceStatus, EventPayload } from '../../contract';
import type { EventBus } from '../events';
import type { LinkWatcher } from '../gateway/http-gateway';
import type { Logger } from '../log/logger';

export type StaffAlert = EventPayload<'staff.alert'>;

export interface StaffAlerts extends LinkWatcher {
  /** Feed every device list; alerts are raised on transitions only, not repeated. */
  devicesChanged(devices: readonly DeviceStatus[]): void;
  /** A document or slip the citizen was waiting for did not print. */
  printFailed(detail: { deviceKind: DeviceStatus['kind']; messageKey: string; documentNumber?: string | null }): void;
  /** An order whose money the kiosk could not settle on its own (a refund that failed, a paid run not delivered, a reconciliation mismatch). */
  paymentNeedsStaff(detail: { orderNo: string; issue: NonNullable<StaffAlert['paymentIssue']> }): void;
}

type Condition = 'paperLow' | 'paperOut' | 'jammed' | 'deviceDown' | 'ok';

function conditionOf(device: DeviceStatus): Condition {
  if (device.media === 'jammed') return 'jammed';
  if (device.media === 'out') return 'paperOut';
  if (device.state === 'noDevice' || device.state === 'offline' || device.state === 'hardwareError') return 'deviceDown';
  if (device.media === 'low') return 'paperLow';
  return 'ok';
}

/** Creates the alert source over the host's event bus. */
export function createStaffAlerts(deps: { bus: EventBus; logger: Logger; kioskId: string; now?: () => Date; audit?: (alert: StaffAlert) => void }): StaffAlerts {
  const now = deps.now ?? (() => new Date());
  const last = new Map<string, Condition>();
  // The link's last refusal, so a refused back-end raises one alert per cause, not one per call.
  let lastRefusal: StaffAlert['reason'];
  const raise = (alert: Omit<StaffAlert, 'kioskId' | 'at'>) => {
    const full: StaffAlert = { ...alert, kioskId: deps.kioskId, at: now().toISOString() };
    deps.logger.warn({ alert: full }, 'staff alert');
    deps.audit?.(full);
    deps.bus.emit('staff.alert', full);
  };
  return {
    devicesChanged(devices) {
      for (const device of devices) {
        const condition = conditionOf(device);
        const before = last.get(device.id);
        last.set(device.id, condition);
        // No alert for the first sight of a device that is fine, nor for "starting" devices.
        if (condition === before || condition === 'ok' || device.state === 'starting') continue;
        raise({ kind: condition, deviceId: device.id, deviceKind: device.kind, messageKey: `staff.alert.${condition}` });
      }
    },
    printFailed({ deviceKind, messageKey, documentNumber }) {
      raise({ kind: 'printFailed', deviceKind, messageKey, ...(documentNumber ? { documentNumber } : {}) });
    },
    paymentNeedsStaff({ orderNo, issue }) {
      raise({ kind: 'payment', deviceKind: 'payment', orderNo, paymentIssue: issue, messageKey: `staff.alert.payment.${issue}` });
    },
    backendLinkRefused(reason) {
      if (reason === lastRefusal) return;
      lastRefusal = reason;
      raise({ kind: 'backendLinkRefused', deviceKind: 'backend', reason, messageKey: 'staff.alert.backendLinkRefused' });
    },
    backendLinkRestored() {
      lastRefusal = undefined;
    },
  };
}
