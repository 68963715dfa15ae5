/**
 * `staff.*`: hall staff at the kiosk. The sign-in steps are open to the
 * screen; every other staff call is checked on the host each time (an
 * officer signed in, not idle for 2 minutes) and refused otherwise, and
 * every action is audited with the officer's masked identity.
 */
import type { DeviceStatus } from '../../../contract';
import type { CallHandlers, HandlerOutcome } from '../dispatch';
import { kioskError } from '../dispatch';
import type { StaffDesk, SignedInOfficer } from '../../staff/staff-desk';
import type { ServiceState } from '../../staff/service-state';
import type { Consumables } from '../../staff/consumables';
import type { Maintenance } from '../../staff/maintenance';
import type { StaffJournal } from '../../staff/staff-journal';
import type { DayEndReport } from '../../../contract/staff';

export interface StaffHandlersDeps {
  desk: StaffDesk<unknown>;
  serviceState: ServiceState;
  consumables: Consumables;
  maintenance: Maintenance;
  journal: StaffJournal;
  devices: () => DeviceStatus[];
  /** The day's payment reconciliation (the day-end check), or null when the payment service gave no statement. */
  reconcile: (day: string) => Promise<DayEndReport['reconciliation']>;
}

type StaffCall = Exclude<
  Extract<keyof CallHandlers, `staff.${string}`>,
  | 'staff.state'
  | 'staff.beginWithNumber'
  | 'staff.cardChoice'
  | 'staff.pin'
  | 'staff.cancel'
  | 'staff.touch'
  | 'staff.signOut'
>;

export function staffHandlers(
  deps: StaffHandlersDeps,
): Pick<CallHandlers, (`staff.${string}` & keyof CallHandlers) | 'kiosk.serviceState'> {
  const { desk } = deps;
  /** Runs `act` for the signed-in officer, or refuses. */
  const signedIn = async <M extends StaffCall>(
    act: (officer: SignedInOfficer) => Promise<HandlerOutcome<M>> | HandlerOutcome<M>,
  ): Promise<HandlerOutcome<M>> => {
    const officer = desk.authorize();
    if (!officer) return { ok: false, error: kioskError('unauthorized', { reason: 'staffNotSignedIn' }) };
    return act(officer);
  };
  const ok = <T>(value: T) => ({ ok: true as const, value });

  return {
    'staff.state': () => ok(desk.view()),
    'staff.beginWithNumber': ({ staffNumber }) => ok(desk.beginWithNumber(staffNumber)),
    'staff.cardChoice': ({ choice }) => ok(desk.cardChoice(choice)),
    'staff.pin': async ({ pin }) => ok(await desk.pin(pin)),
    'staff.cancel': () => ok(desk.cancel()),
    'staff.touch': () => ok(desk.touch()),
    'staff.signOut': () => ok(desk.signOut()),
    'staff.devices': () => signedIn<'staff.devices'>(() => ok({ devices: deps.devices() })),
    'staff.diagnose': () =>
      signedIn<'staff.diagnose'>(async (officer) => {
        const checks = await deps.maintenance.diagnose();
        desk.record(officer, 'staff.diagnose', null, { failed: checks.filter((check) => !check.ok).length });
        return ok({ checks });
      }),
    'staff.consumables': () =>
      signedIn<'staff.consumables'>(() => ok({ consumables: deps.consumables.list(deps.devices()) })),
    'staff.refill': ({ deviceId, kind }) =>
      signedIn<'staff.refill'>((officer) => {
        if (!deps.consumables.refilled(deviceId, kind))
          return { ok: false, error: kioskError('deviceUnavailable', { deviceId }) };
        desk.record(officer, 'staff.refill', deviceId, { kind });
        return ok({ consumables: deps.consumables.list(deps.devices()) });
      }),
    'staff.testPrint': ({ target }) =>
      signedIn<'staff.testPrint'>(async (officer) => {
        const result = await deps.maintenance.testPrint(target);
        desk.record(officer, 'staff.testPrint', target, { target, outcome: result.outcome });
        return ok(result);
      }),
    'staff.lastDocument': () => signedIn<'staff.lastDocument'>(() => ok({ document: deps.journal.lastDocument() })),
    'staff.reprintLast': () =>
      signedIn<'staff.reprintLast'>(async (officer) => {
        const result = await deps.maintenance.reprintLast();
        desk.record(officer, 'staff.reprintLast', result.document?.number ?? null, {
          outcome: result.outcome,
          reason: result.outcome === 'refused' ? result.reason : null,
        });
        return ok(result);
      }),
    'staff.journal': () =>
      signedIn<'staff.journal'>((officer) => {
        desk.record(officer, 'staff.journalViewed');
        return ok({ day: deps.journal.today(), sessions: deps.journal.sessions() });
      }),
    'staff.dayEnd': () =>
      signedIn<'staff.dayEnd'>(async (officer) => {
        const counts = deps.journal.dayEnd();
        const reconciliation = await deps.reconcile(counts.day);
        desk.record(officer, 'staff.dayEndViewed', counts.day, { reconciliation: reconciliation.state });
        return ok({ ...counts, reconciliation });
      }),
    'staff.restartDevice': ({ deviceId }) =>
      signedIn<'staff.restartDevice'>(async (officer) => {
        const outcome = await deps.maintenance.restart(deviceId);
        desk.record(officer, 'staff.restartDevice', deviceId, { outcome });
        return ok({ outcome });
      }),
    'staff.setServiceState': ({ message }) =>
      signedIn<'staff.setServiceState'>((officer) => {
        // The service state audits the change itself, with the officer's masked identity.
        deps.serviceState.set(message, 'kiosk', `${officer.staffNumber} ${officer.nameMasked}`);
        return ok({ outOfService: deps.serviceState.current() });
      }),
    'kiosk.serviceState': () => ok({ outOfService: deps.serviceState.current() }),
  };
}
