/**
 * Hall staff at the kiosk, composed for the host: the cached allow-list, the
 * sign-in desk, the service state (restored from the journal), consumables,
 * maintenance and the `staff.*` handlers; plus the card intake in front of
 * the citizen's, so an officer's card at the attract screen offers staff
 * sign-in and an out-of-service kiosk starts no session.
 */
import type { Database } from 'better-sqlite3';
import type { DeviceStatus } from '../../contract';
import type { Consumable } from '../../contract/hall-link';
import type { DayEndReport } from '../../contract/staff';
import { parseCardText } from '../../../drivers/idcard/card-text';
import type { RawCardRead } from '../../../drivers/manager';
import type { ManagedDevice } from '../../../drivers/manager/managed-device';
import type { ManagedReceiptPrinter } from '../../../drivers/manager/receipt-device';
import type { KioskConfig } from '../config/schema';
import type { EventBus } from '../events';
import type { DocumentService } from '../issued/document-service';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import { staffHandlers } from '../api/handlers/staff';
import { createStaffAllowList, type StaffAllowListCache } from './allow-list';
import { createConsumables } from './consumables';
import { probeDevice } from './device-probes';
import { createMaintenance, type MaintenanceDeps } from './maintenance';
import { createPinLockout } from './pin-lockout';
import { SANDBOX_STAFF_ID_KEY, sandboxAllowList } from './sandbox-officer';
import { createServiceState, type ServiceState } from './service-state';
import { createServiceStateStore } from './service-state-store';
import { createStaffDesk, type StaffDesk } from './staff-desk';
import { createStaffJournal } from './staff-journal';

export interface StaffComposeDeps {
  config: KioskConfig;
  db: Database;
  audit: AuditLog;
  bus: EventBus;
  logger: Logger;
  now: () => Date;
  devices: () => DeviceStatus[];
  device: (id: string) => ManagedDevice | undefined;
  receiptPrinter: () => ManagedReceiptPrinter | undefined;
  a4DeviceId: string | undefined;
  documents: DocumentService;
  /** Whether a citizen session is open (its card reads are the session's). */
  sessionOpen: () => boolean;
  /** The citizen's card intake. */
  citizenCard: (card: RawCardRead) => void;
  reconcile: (day: string) => Promise<DayEndReport['reconciliation']>;
  /** The A4 printer's CUPS queue for diagnostics and its "restart" (maintenance.ts). */
  a4?: MaintenanceDeps['a4'];
  /** The CLI's payment check on the configured payment service. */
  payment?: MaintenanceDeps['payment'];
  /** The renderer's cameras' device ids. */
  cameraIds?: readonly string[];
  /** The CLI's `hall check` on screen (hall-diagnostic.ts). */
  hall?: MaintenanceDeps['hall'];
  /** The hall credentials file's `staffIdKey` (the hall link reads that file); config's `staff.staffIdKey` wins. */
  hallStaffIdKey?: () => string | null;
}

export interface KioskStaff {
  /** For the hall link: each allow-list the hall pushes goes to `allowList.replace`. */
  readonly allowList: StaffAllowListCache;
  readonly serviceState: ServiceState;
  readonly desk: StaffDesk<RawCardRead>;
  readonly handlers: ReturnType<typeof staffHandlers>;
  /** The card intake for the device layer's `cardPresented`. */
  cardPresented(card: RawCardRead): void;
  staffSignedIn(): { staffNumber: string; nameMasked: string } | null;
  consumables(): Consumable[];
  dispose(): void;
}

export function composeStaff(deps: StaffComposeDeps): KioskStaff {
  const { config } = deps;
  const staffIdKey = () =>
    config.staff.staffIdKey ?? deps.hallStaffIdKey?.() ?? (config.simulation ? SANDBOX_STAFF_ID_KEY : null);
  let sandbox: ReturnType<typeof sandboxAllowList> | null = null;
  const allowList = createStaffAllowList({
    db: deps.db,
    staffIdKey,
    logger: deps.logger,
    now: deps.now,
    // The sample officer only in simulation, and only while no hall list is cached.
    ...(config.simulation
      ? { fallback: () => (sandbox ??= sandboxAllowList(staffIdKey() ?? SANDBOX_STAFF_ID_KEY, deps.now())) }
      : {}),
  });
  const store = createServiceStateStore(deps.db);
  const serviceState = createServiceState({
    bus: deps.bus,
    audit: { record: (event) => deps.audit.record({ ...event, detail: plainDetail(event.detail) }) },
    now: deps.now,
    initial: store.load(),
    persist: (state) => store.save(state),
  });
  const desk = createStaffDesk<RawCardRead>({
    allowList,
    lockout: createPinLockout(deps.db, deps.now),
    audit: deps.audit,
    bus: deps.bus,
    logger: deps.logger,
    now: deps.now,
    startCitizenSession: (card) => {
      if (!serviceState.current()) deps.citizenCard(card);
    },
  });
  const receiptId = config.devices.receiptPrinter.id;
  const consumables = createConsumables(
    deps.db,
    () => [
      ...(config.devices.receiptPrinter.enabled !== false
        ? [{ kind: 'receiptPaper' as const, deviceId: receiptId, capacity: config.staff.receiptRollCapacity }]
        : []),
      ...(deps.a4DeviceId
        ? [{ kind: 'a4Paper' as const, deviceId: deps.a4DeviceId, capacity: config.staff.a4TrayCapacity }]
        : []),
    ],
    deps.now,
  );
  const journal = createStaffJournal(deps.db, deps.now, config.timeZone);
  const maintenance = createMaintenance({
    kioskId: config.kioskId,
    timeZone: config.timeZone,
    now: deps.now,
    devices: deps.devices,
    device: deps.device,
    receiptPrinter: deps.receiptPrinter,
    paperWidthMm: config.devices.receiptPrinter.paperWidthMm,
    documents: deps.documents,
    journal,
    ...(deps.a4 ? { a4: deps.a4 } : {}),
    ...(deps.payment ? { payment: deps.payment } : {}),
    ...(deps.cameraIds ? { cameraIds: deps.cameraIds } : {}),
    ...(deps.hall ? { hall: deps.hall } : {}),
    probe: (status) =>
      probeDevice(status, deps.device(status.id), {
        ...(config.devices.endorsementWriter?.reader ? { endorsementReader: config.devices.endorsementWriter.reader } : {}),
      }),
  });
  const handlers = staffHandlers({
    desk,
    serviceState,
    consumables,
    maintenance,
    journal,
    devices: deps.devices,
    reconcile: deps.reconcile,
  });

  return {
    allowList,
    serviceState,
    desk,
    handlers,
    cardPresented(card) {
      if (deps.sessionOpen()) return deps.citizenCard(card);
      const parsed = parseCardText(card.text);
      // An unreadable card is the citizen intake's to report.
      if (!parsed.ok) return deps.citizenCard(card);
      if (desk.cardRead(parsed.value.idNumber, card)) return;
      // Out of service: a citizen's card starts nothing.
      if (serviceState.current()) return;
      deps.citizenCard(card);
    },
    staffSignedIn: () => desk.staffSignedIn(),
    consumables: () => consumables.list(deps.devices()),
    dispose: () => desk.dispose(),
  };
}

/** The audit log's detail values are plain: anything else is written as text. */
function plainDetail(detail: Record<string, unknown> | undefined): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(detail ?? {})) {
    out[key] =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : String(value);
  }
  return out;
}
