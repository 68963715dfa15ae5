/**
 * The host's composition root: config, logging, devices, session, the
 * journal (opened here, closed last at stop), printing, the back-end with its outbox, the kiosk flows, the face
 * check, and the KioskApi handlers. Electron's utility process and the
 * browser host both run exactly this; no logic lives in a transport.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { type EventEnvelope, type EventPayload, type Identity, type ResponseEnvelope } from '../contract';
import type { ManagedReceiptPrinter } from '../../drivers/manager/receipt-device';
import { createDispatcher, type CallHandlers } from './api/dispatch';
import { catalogueHandlers } from './api/handlers/catalogue';
import { devicesHandlers } from './api/handlers/devices';
import { dockHandlers } from './api/handlers/dock';
import { journaledFlowHandlers } from './api/handlers/flow';
import { helpHandlers } from './api/handlers/help';
import { identityHandlers } from './api/handlers/identity';
import { kioskHandlers } from './api/handlers/kiosk';
import { sessionHandlers } from './api/handlers/session';
import type { KioskConfig } from './config/schema';
import { createDock } from './devices/dock';
import { createDevicesFromConfig } from './devices/from-config';
import type { DeviceSource } from './devices/device-source';
import { CAMERA_DEVICE_IDS, withReportedCameras } from './devices/reported-cameras';
import { checkPaymentService } from './payment/cli/payment-cli';
import { performance } from 'node:perf_hooks';
import { toContractStatus } from './devices/to-contract';
import { withA4Printer } from './printing/a4/with-a4-printer';
import { createEventBus } from './events';
import { createFaceHandlers, type FaceHandlerContext } from './face/handlers';
import { createFaceLockout } from './face/lockout';
import { faceData } from './face/session-data';
import { createFlowRuntime } from './flows';
import { createKioskProxy, proxySignalHandlers } from './proxy';
import type { PoliceGateway } from './gateway/police-gateway';
import { createBackend } from './gateway/backend';
import { fingerprintCompare } from './gateway/fingerprint-compare';
import { createDocumentDesk } from './issued/document-desk';
import { createStaffAlerts } from './staff/alerts';
import { alertingDocumentDesk, alertingTicketPrinter } from './staff/alerting-printers';
import { composeStaff, type KioskStaff } from './staff/compose-staff';
import { kioskError } from './api/dispatch';
import { withFaceToFlow } from './flows/face-to-flow';
import { withPhotoToFlow } from './flows/photo-to-flow';
import { createStudioReceipts } from './capture/photo/studio-receipt';
import { forwardStudioScans, studioReceiptHandlers } from './capture/photo/studio-handlers';
import { connectFingerprintsToFlow, fingerprintScannerOf } from './flows/fingerprint-to-flow';
import { catalogueAvailability } from './services/flow-availability';
import { hostDataDir } from './config/host-data-dir';
import { describeKeyStoreError, openKeyStore } from './keys/key-store';
import { createKioskFlows } from './services/kiosk-flows';
import { createEndorsementWriterDesk, endorsementWriterOf } from './devices/endorsement-writer-desk';
import { SERVICE_MODULES, serviceModule } from './services/registry';
import { chargedFeeItems } from './services/service-module';
import { createPaymentFromConfig } from './payment/from-config';
import { createPaymentDesk } from './payment/payment-desk';
import { dockPaymentHandler, shownPaymentQr } from './payment/dock-payment';
import { createPaymentLedger } from './payment/ledger';
import { createLatePayments } from './payment/late-payment';
import { DEFAULT_RECONCILE_AT } from './payment/config';
import { runDayEndCheck } from './payment/day-end-check';
import { startDayEndTimer } from './payment/day-end-timer';
import { createPaymentNotifications, type PaymentNotifications } from './payment/payment-notifications';
import { createPaymentSettlement } from './payment/settlement';
import { receiptPrinterOf, type DeviceLookup } from './printing/receipt-printer-of';
import { err, ok, type Result } from '../../domain/result';
import { openJournal, type Journal } from './journal';
import type { SessionJournal } from './journal/session-journal';
import { createStationJournal } from './journal/station-journal';
import { createReceiptTicketPrinter } from './printing/ticket-printer';
import { createLogger, type Logger } from './log/logger';
import { createPersonalTerms, nameTerms, type PersonalTermsSource } from './log/personal-terms';
import { createPrinting, type Printing, type PrintingTuning } from './printing';
import { createCardIntake } from './session/card-intake';
import { createIdentityConflictHandler } from './session/identity-conflict';
import { createSessionStore } from './session/session-store';
import { sandboxFaceMatcher } from './face/sandbox-face-matcher';
import { createFaceEnrolment } from './face/enrol-face';
import { loadFaceAnalyzer } from '../../face-analysis/human-node';
import { serviceEntries } from './services/availability';
import { SERVICE_CATALOGUE } from './services/catalogue';
import { createDocumentHandlers } from './capture/documents/handlers';
import { createDocumentPages } from './capture/documents/document-pages';
import { createSessionAttachments } from './flows/session-attachments';
import { documentFlowPort } from './flows/document-to-flow';
import { createHostHallLink } from './hall-link/for-host';
import { describeHallSettingsProblem, resolveHallSettings } from './hall-link/credentials';
import { checkHall } from './hall-link/check';
import { hallDiagnostic } from './staff/hall-diagnostic';
import type { HostHallLinkDeps } from './hall-link/for-host';
import type { HallLink } from './hall-link/hall-link';

export interface HostDeps {
  logger?: Logger;
  /** The names the logger removes from free text; pass the one an injected `logger` was made with. The host feeds it the open session's name. */
  personalTerms?: PersonalTermsSource;
  /** Replaces the whole device layer, used as given (the host adds no A4 printer or reported cameras to it). */
  devices?: DeviceSource & DeviceLookup;
  now?: () => Date;
  /** Journal and documents; default: config, $ONEDOOR_DATA_DIR, ~/.onedoor (a throwaway folder when `devices` is injected). */
  dataDir?: string;
  /** The key store's folder, outside the data folder; default: config, $ONEDOOR_KEY_DIR, the per-user default (throwaway beside a throwaway data folder). */
  keyDir?: string;
  /** Pacing and stand-ins for the printing stack the host builds (tests: a full-speed simulated CUPS). */
  printing?: PrintingTuning;
  /** Replaces the configured police back-end. */
  gateway?: PoliceGateway;
  /** Replaces parts of the face check: the back-end's comparison (default: the gateway's), the host's detector. */
  face?: Partial<Pick<FaceHandlerContext, 'detectFaces' | 'verifyFace'>>;
  /** Replaces the receipt-printer lookup (default: the device manager's receipt printer). */
  receiptPrinter?: () => ManagedReceiptPrinter | undefined;
  /** The hall link's test seams (where the default credentials file is looked for). */
  hallLink?: Pick<HostHallLinkDeps, 'resolve' | 'connect'>;
}

export interface KioskHost {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly devices: DeviceSource;
  /** The data folder in use (journal, documents). */
  readonly dataDir: string;
  /** The station journal (`<dataDir>/journal.sqlite`), open from composition until {@link KioskHost.stop}. */
  readonly journal: Journal;
  /** The printing stack (documents, A4 printer and its simulator controls). */
  readonly printing: Printing;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Validates and answers one request envelope (object or JSON text). */
  dispatch(message: unknown): Promise<ResponseEnvelope>;
  /** Subscribes to event envelopes for the renderer(s). */
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  /** The payment service's pushed notifications (served at `POST /payment/notify`). */
  readonly paymentNotifications: PaymentNotifications;
  /** Hall staff at the kiosk: the allow-list cache, the signed-in officer, consumables, the service state (for the hall link). */
  readonly staff: KioskStaff;
  /** The link to the hall (`off` without a hall); `statusChanged()` republishes the status (a staff sign-in). */
  readonly hallLink: HallLink;
}

/** Composes a host from a validated config; throws with a message naming the cause when the journal, a key or the back-end cannot be set up. */
export function createHost(config: KioskConfig, deps: HostDeps = {}): KioskHost {
  const personalTerms = deps.personalTerms ?? createPersonalTerms();
  const logger = deps.logger ?? createLogger(config.log.level, undefined, personalTerms);
  const now = deps.now ?? (() => new Date());
  const baseDevices = deps.devices ?? createDevicesFromConfig(config, logger);
  const dataDir = hostDataDir(config, {
    explicit: deps.dataDir,
    explicitKeyDir: deps.keyDir,
    devicesInjected: deps.devices !== undefined,
  });
  const keyStore = unwrap(openKeyStore({ dir: dataDir.keyDir, dataDir: dataDir.dir }), describeKeyStoreError);
  if (keyStore.moved.length > 0)
    logger.warn(
      { moved: keyStore.moved, keyStore: keyStore.dir },
      'keys moved out of the data folder into the key store',
    );

  // The root owns the journal: everything that writes to it gets it from here, and stop() closes it last.
  const journal = unwrap(openJournal(join(dataDir.dir, 'journal.sqlite'), { now }), (e) => `journal: ${e.kind}`);
  const printing = createPrinting({ config, dataDir: dataDir.dir, journal, logger, kioskId: config.kioskId, now, ...deps.printing });
  // The cameras are the renderer's: listed from its reports (`devices.reportCamera`), `starting` until the first one.
  const reportedCameras = deps.devices
    ? undefined
    : withReportedCameras(printing.a4Device ? withA4Printer(baseDevices, printing.a4Device) : baseDevices, {
        documentConfigured: config.cameras.document !== undefined,
        now,
      });
  const devices: DeviceSource = reportedCameras ?? baseDevices;
  const db = journal.db;
  const feeOf = (serviceId: string, outcome: string) => chargedFeeItems(serviceModule(serviceId), outcome);
  const station = unwrap(createStationJournal({ config, db, keyDir: keyStore.dir, logger, feeOf, now }), (e) => e);
  const backend = unwrap(
    createBackend({
      config,
      db,
      keyDir: keyStore.dir,
      logger,
      gateway: deps.gateway,
      now,
      faceMatcher: sandboxFaceMatcher(),
      // `alerts` is made below; the link is only used once the host runs.
      linkWatcher: {
        backendLinkRefused: (reason) => alerts.backendLinkRefused(reason),
        backendLinkRestored: () => alerts.backendLinkRestored(),
      },
      // Delivered or refused applications settle the orders that paid for them (`settlement` is made below).
      onOutboxEvent: (event) => settlement.outboxEvent(event),
    }),
    (e) => e,
  );

  const bus = createEventBus((error) => logger.error({ err: error }, 'event listener failed'));
  const sessions = createSessionStore({
    now,
    backstopMs: config.session.backstopSeconds * 1000,
    onBackstop: (ended) => {
      logger.info({ sessionId: ended.sessionId, reason: 'timeout' }, 'session ended by the host backstop');
      bus.emit('session.ended', { sessionId: ended.sessionId, reason: 'timeout' });
    },
  });
  personalTerms.use(() => nameTerms(sessions.current()?.identity?.name));
  const unsubscribers: Array<() => void> = [];
  const pendingCleanups = new Set<Promise<void>>();
  // The config's one switch (issue 12): every seam (dock, enrolment, liveness skip, the renderer's dev routes and idle scaling) follows it.
  const simulation = config.simulation;
  const dockEnabled = simulation && config.dock.enabled !== false;
  const dock = createDock(
    { list: () => devices.list(), simulatorControls: (id) => devices.simulatorControls?.(id) },
    dockEnabled,
    (id) => (id === printing.a4Device?.id ? printing.simulatorControls : undefined),
  );
  const onIdentityConflict = createIdentityConflictHandler({
    sessions,
    bus,
    logger,
    endFlow: (sessionId) => flows.controls.identityChanged(sessionId),
    audit: (sessionId, source, flowEnded) =>
      station.audit.record({
        actor: 'citizen',
        action: 'session.identityChanged',
        sessionId,
        detail: { source, flowEnded },
      }),
  });
  const onCard = createCardIntake({
    sessions,
    bus,
    logger,
    now,
    timeZone: config.timeZone,
    defaults: () => ({ language: config.defaultLanguage, elderMode: false }),
    onIdentityConflict: (sessionId) => onIdentityConflict(sessionId, 'card'),
  });
  const services = () => serviceEntries(SERVICE_CATALOGUE, devices.list().map(toContractStatus), config.services, config.simulation);

  const alerts = createStaffAlerts({
    bus,
    logger,
    kioskId: config.kioskId,
    now,
    audit: (alert) =>
      station.audit.record({
        actor: 'host',
        action: 'staff.alert',
        subject: alert.deviceId ?? alert.deviceKind,
        detail: { kind: alert.kind, messageKey: alert.messageKey, ...(alert.reason ? { reason: alert.reason } : {}) },
      }),
  });
  // Fees: the payment service the config names (the embedded sandbox in simulation); payments and late refunds are journaled.
  const configuredPayment = createPaymentFromConfig(config, now);
  const paymentLedger = createPaymentLedger(db, now);
  // A payment after the close is refunded, whoever tells of it first (a notification, a poll, the recovery, the reconciliation): one instance, one refund.
  const latePayments = createLatePayments({
    port: configuredPayment.port,
    ledger: paymentLedger,
    logger,
    audit: station.audit,
    alert: (orderNo) => alerts.paymentNeedsStaff({ orderNo, issue: 'refundFailed' }),
  });
  const payment = createPaymentDesk({
    ...configuredPayment,
    logger,
    journal: (sessionId, record) => station.sessions.paymentTaken(sessionId, record),
    ledger: paymentLedger,
    late: latePayments,
    alert: (orderNo) => alerts.paymentNeedsStaff({ orderNo, issue: 'refundFailed' }),
  });
  // Pushed notifications (POST /payment/notify, or in-process from the embedded sandbox).
  const paymentNotifications = createPaymentNotifications({ port: configuredPayment.port, ledger: paymentLedger, logger, late: latePayments });
  configuredPayment.connectNotifications?.((body, signature) => void paymentNotifications.accept(body, signature));
  // The day-end reconciliation, run by the host at `payment.reconcileAt`; each mismatch is a staff alert.
  const reconcileDay = async (date: string) => {
    const result = await runDayEndCheck(
      { port: configuredPayment.port, ledger: paymentLedger, timeZone: config.timeZone, audit: station.audit, late: latePayments, alert: (orderNo) => alerts.paymentNeedsStaff({ orderNo, issue: 'reconcileMismatch' }) },
      date,
    ).catch((error: unknown) => {
      logger.error({ err: error, date }, 'day-end reconciliation failed');
      return null;
    });
    if (result && !result.ok) logger.warn({ date, failure: result.error.kind }, 'day-end reconciliation: no statement');
    if (result?.ok) logger.info({ date, matched: result.value.matched, mismatches: result.value.mismatches.length, notes: result.value.notes.length }, 'day-end reconciliation');
  };
  const writerConfig = config.devices.endorsementWriter;
  const receiptPrinter = deps.receiptPrinter ?? (() => receiptPrinterOf(baseDevices, config.devices.receiptPrinter.id));
  const slips = alertingTicketPrinter(
    createReceiptTicketPrinter({
      printer: receiptPrinter,
      queue: station.queue,
      site: config.hallName,
      paperWidthMm: config.devices.receiptPrinter.paperWidthMm,
      timeZone: config.timeZone,
      audit: station.audit,
      logger,
      now,
    }),
    alerts,
  );
  // Money a run did not finish with: recovered at start, walk-aways at session end, settled by the outbox's word.
  const settlement = createPaymentSettlement({ desk: payment, ledger: paymentLedger, outbox: backend.outbox, alerts, slips, logger, late: latePayments, now });
  // 可视化代办: the hall's proxy cases over the hall link (attached when the link is composed below).
  const flowAvailability = catalogueAvailability(services);
  const proxy = createKioskProxy({
    kioskId: config.kioskId,
    sessions,
    bus,
    logger,
    services: () => SERVICE_MODULES.filter((module) => module.catalogue.proxy && flowAvailability(module.id).available).map((module) => ({ id: module.id, name: module.catalogue.name })),
  });
  const flows = createFlowRuntime({
    sessions,
    bus,
    logger,
    services: unwrap(
      createKioskFlows({
        config,
        modules: SERVICE_MODULES,
        gateway: backend.gateway,
        documents: alertingDocumentDesk(
          createDocumentDesk({
            documents: printing.documentService,
            backendNumbers: station.backendNumbers,
            audit: station.audit,
            logger,
          }),
          alerts,
        ),
        slips,
        applications: backend.applications,
        heldApplications: backend.heldApplications,
        documentPages: createDocumentPages(sessions, logger),
        attachments: createSessionAttachments(sessions, config.kioskId),
        payment,
        audit: station.audit,
        proxy,
        ...(writerConfig?.enabled ? { endorsementWriter: createEndorsementWriterDesk({ device: () => endorsementWriterOf(baseDevices, writerConfig.id), logger, now }) } : {}),
        logger,
        now,
      }),
      (problem) => problem,
    ),
    availability: flowAvailability,
    onMandateRunEnded: (_sessionId, mandate, outcome) => proxy.completed(mandate.caseId, outcome),
    // The run by proxy in the journal: its service and outcome as any run's, and who for whom (masked), the case and the recording's digest.
    onMandateRunStarted: (sessionId, serviceId, flowId, mandate, view) => {
      station.sessions.flowStarted(sessionId, serviceId, flowId, view);
      station.audit.record({
        actor: 'citizen',
        action: 'proxy.mandateRun',
        sessionId,
        subject: serviceId,
        detail: { caseId: mandate.caseId, principal: mandate.principalIdNumberMasked, agent: mandate.agent.idNumberMasked, agentName: mandate.agent.nameMasked, recordingSha256: mandate.recordingSha256, approvedAt: mandate.approvedAt },
      });
    },
  });

  // Face verdicts and chosen photos reach the session's flow only from the host's own modules.
  const faceHandlers = withPhotoToFlow(
    withFaceToFlow(
      createFaceHandlers({
        config,
        sessions,
        logger,
        now,
        simulation,
        lockout: createFaceLockout(
          station.faceFailures,
          { maxFailures: config.face.lockoutFailures, windowMs: config.face.lockoutWindowHours * 3_600_000 },
          now,
        ),
        verifyFace: deps.face?.verifyFace ?? ((request) => backend.gateway.verifyFace(request)),
        ...(deps.face?.detectFaces ? { detectFaces: deps.face.detectFaces } : {}),
      }),
      (sessionId) => {
        const session = sessions.get(sessionId);
        return session?.identityFixed ? session.identity : null;
      },
      (sessionId, verdict, checked) => {
        flows.controls.faceResult(sessionId, verdict, checked);
      },
    ),
    (sessionId, spec) => {
      const session = sessions.get(sessionId);
      return session ? faceData(session).chosen(spec)?.jpeg : undefined;
    },
    flows.controls,
  );

  // A photo studio's receipt code: typed (photo.studioFetch) or scanned, for the current photo step only.
  const studioReceipts = createStudioReceipts({
    sessions,
    gateway: backend.gateway,
    logger,
    detectFaces: deps.face?.detectFaces ?? (async (image) => (await loadFaceAnalyzer()).detect(image, { embedding: false })),
    newId: randomUUID,
    photoAsked: (sessionId) => flows.controls.photoAsked(sessionId),
  });
  unsubscribers.push(forwardStudioScans({ bus, sessions, receipts: studioReceipts, logger }));

  const enrolFace = createFaceEnrolment({
    sandbox: backend.sandbox,
    // Only a simulated kiosk with its dock open: a real kiosk never takes a reference photo.
    enabled: dockEnabled,
    detectFaces: deps.face?.detectFaces ?? (async (image) => (await loadFaceAnalyzer()).detect(image)),
    logger,
    onEnrolled: (sampleCard) =>
      station.audit.record({ actor: 'staff', action: 'dock.enrolFace', subject: sampleCard, detail: {} }),
  });

  // Hall staff at the kiosk: sign-in, maintenance, the service state (restored from the journal).
  const staff = composeStaff({
    config,
    db,
    audit: station.audit,
    bus,
    logger,
    now,
    devices: () => devices.list().map(toContractStatus),
    device: (id) => (typeof baseDevices.device === 'function' ? baseDevices.device(id) : undefined),
    receiptPrinter,
    a4DeviceId: printing.a4Device?.id,
    ...(printing.a4Device && printing.a4Check
      ? { a4: { id: printing.a4Device.id, check: printing.a4Check, reprobe: printing.a4Device.refresh } }
      : {}),
    // The CLI's `payment check` on the payment service this host pays through.
    payment: () =>
      checkPaymentService(
        { port: configuredPayment.port, describe: config.payment?.baseUrl ?? 'sandbox (embedded)', timeZone: config.timeZone },
        { now, clock: () => performance.now() },
      ),
    cameraIds: reportedCameras ? Object.values(CAMERA_DEVICE_IDS) : [],
    // The CLI's `hall check`, beside the running link's state (the link is composed below, from staff's pieces).
    hall: () =>
      hallDiagnostic({
        kioskId: config.kioskId,
        timeZone: config.timeZone,
        settings: () => {
          const resolved = resolveHallSettings(config.kioskId, config.hall, deps.hallLink?.resolve);
          return resolved.ok ? ok(resolved.value) : err(describeHallSettingsProblem(resolved.error));
        },
        check: (kioskId, settings) => checkHall(kioskId, settings, { timeoutMs: 5000 }),
        link: () => hallLink,
      }),
    documents: printing.documentService,
    sessionOpen: () => sessions.current() !== undefined,
    citizenCard: onCard,
    // The hall hands its card-matching key in the kiosk's credentials file; config's staff.staffIdKey wins.
    hallStaffIdKey: () => {
      const settings = resolveHallSettings(config.kioskId, config.hall, deps.hallLink?.resolve);
      return settings.ok ? (settings.value?.staffIdKey ?? null) : null;
    },
    reconcile: async (day) => {
      const result = await runDayEndCheck({ port: configuredPayment.port, ledger: paymentLedger, timeZone: config.timeZone, audit: station.audit, actor: 'staff' }, day).catch(() => null);
      if (!result?.ok) return { state: 'unavailable' };
      const { matched, mismatches } = result.value;
      if (mismatches.length > 0) return { state: 'mismatches', matched, mismatches: mismatches.length };
      return matched > 0 ? { state: 'matched', matched } : { state: 'noPayments' };
    },
  });
  const citizenSessions = sessionHandlers({ sessions, journal: station.sessions, bus, logger });

  // One module per contract channel (api/handlers/); this root only wires them.
  const handlers: CallHandlers = {
    ...kioskHandlers(config),
    ...devicesHandlers({ devices, reportedCameras, logger }),
    ...citizenSessions,
    // Out of service: no citizen session starts.
    'session.start': (params) => (staff.serviceState.current() ? { ok: false, error: kioskError('unauthorized', { reason: 'outOfService' }) } : citizenSessions['session.start'](params)),
    ...identityHandlers({ sessions, bus, logger, now, timeZone: config.timeZone, onIdentityConflict }),
    ...helpHandlers({ kioskId: config.kioskId, audit: station.audit, bus, logger, now }),
    ...catalogueHandlers({ entries: services, moduleOf: serviceModule }),
    ...dockHandlers({ dock, enrolFace, audit: station.audit, logger }),
    'dock.pay': dockPaymentHandler({ sandbox: configuredPayment.sandbox, enabled: dockEnabled, shownQr: () => shownPaymentQr(sessions), logger }),
    ...faceHandlers,
    ...studioReceiptHandlers(studioReceipts),
    // Document pages only for the flow's current document capture step; accepted and deleted pages reach the flow as host events.
    ...createDocumentHandlers({ sessions, logger, newId: randomUUID, flow: documentFlowPort(sessions) }),
    ...journaledFlowHandlers(flows.handlers, sessions, station.sessions),
    ...proxySignalHandlers(proxy),
    ...staff.handlers,
  };

  // Journals every session from the host's own events; subscribed from the
  // start so no session escapes it, and left last at stop (after hostRestart).
  // A crashed host never ended its open session: its PDFs (name, full ID number) go now, as at any session end.
  for (const sessionId of station.sessions.recoverCrashed()) onSessionDocumentsEnded(sessionId);
  const unsubscribeJournal = bus.subscribe((envelope) =>
    journalEvent(envelope, station.sessions, (sessionId) => sessions.get(sessionId)?.identity ?? null, onSessionEnded),
  );

  // The hall link (issue 18): off without a hall; never in the way of a citizen.
  // The service state, the allow-list, the officer signed in and the paper are staff's (composed above, kept in the journal).
  const hallLink = createHostHallLink({
    config, version: packageJson.version, bus, db, audit: station.audit, logger, now, sessions, ...deps.hallLink,
    serviceState: staff.serviceState,
    allowList: staff.allowList,
    staffSignedIn: () => staff.staffSignedIn(),
    consumables: () => staff.consumables(),
    devices: () => devices.list().map(toContractStatus),
    categoryOf: (serviceId) => SERVICE_CATALOGUE.find((entry) => entry.id === serviceId)?.category ?? null,
    proxy,
  });
  // A staff sign-in or sign-out is republished at once in the kiosk's status.
  unsubscribers.push(
    bus.subscribe((envelope) => {
      if (envelope.event === 'staff.changed') hallLink.statusChanged();
    }),
  );

  const dispatcher = createDispatcher(handlers, (method, error) =>
    logger.error({ method, err: error }, 'call handler failed'),
  );

  function onSessionEnded(sessionId: string, reason: string): void {
    station.sessions.ended(sessionId, reason);
    onSessionDocumentsEnded(sessionId);
    // A citizen who paid and left before the application went: it goes now, staff hear, a slip prints.
    const walkAway = settlement.sessionEnded(sessionId).catch((error: unknown) => logger.error({ err: error, sessionId }, 'walk-away not settled'));
    pendingCleanups.add(walkAway);
    void walkAway.finally(() => pendingCleanups.delete(walkAway));
  }

  function onSessionDocumentsEnded(sessionId: string): void {
    const cleanup = printing.documentService
      .endSession(sessionId)
      .catch((error: unknown) => logger.error({ err: error, sessionId }, 'session documents not removed'));
    pendingCleanups.add(cleanup);
    void cleanup.finally(() => pendingCleanups.delete(cleanup));
  }

  return {
    config,
    logger,
    devices,
    dataDir: dataDir.dir,
    journal,
    printing,
    async start() {
      unsubscribers.push(
        devices.on('changed', (list) => {
          const statuses = list.map(toContractStatus);
          bus.emit('devices.changed', { devices: statuses });
          alerts.devicesChanged(statuses);
          bus.emit('catalogue.changed', { services: services() });
        }),
        devices.on('cardPresented', ({ card }) => staff.cardPresented(card)),
        // The fingerprint step's captures: driven by the host from the flow's view, results only from the scanner.
        connectFingerprintsToFlow({ bus, sessions, logger, scanner: () => fingerprintScannerOf(baseDevices, config.devices.fingerprint.id), compare: (request) => backend.gateway.call(fingerprintCompare, request) }),
        devices.on('cardReadFailed', () => bus.emit('identity.readFailed', { messageKey: 'identity.readFailed' })),
        devices.on('scanned', ({ deviceId, text }) => {
          // The code may be personal data: log only its length.
          logger.info({ deviceId, length: text.length }, 'code scanned');
          // A payment step waiting for a 付款码 takes it from the host, never from the screen.
          const current = sessions.current();
          if (current && flows.controls.paymentCodeScanned(current.sessionId, text)) return;
          // A form that takes scans (a receipt's 受理编号) takes it from the host too.
          if (current && flows.controls.codeScanned(current.sessionId, text)) return;
          bus.emit('scanner.scanned', { deviceId, text });
        }),
      );
      await devices.start();
      // Before the sender: a held application is released (or discarded) by its order's fate, then sent.
      const unsettled = await settlement.recover();
      if (unsettled > 0) logger.warn({ unsettled }, 'payment orders left open: the payment service did not answer');
      backend.sender.start();
      if (config.payment || config.simulation)
        unsubscribers.push(startDayEndTimer({ at: config.payment?.reconcileAt ?? DEFAULT_RECONCILE_AT, timeZone: config.timeZone, now, run: reconcileDay }));
      station.audit.record({
        actor: 'host',
        action: 'host.started',
        detail: { version: packageJson.version, backend: config.backend.kind },
      });
      logger.info(
        { kioskId: config.kioskId, backend: config.backend.kind, version: packageJson.version },
        'host started',
      );
      await hallLink.start();
    },
    async stop() {
      const open = sessions.endAny('hostRestart');
      if (open) bus.emit('session.ended', { sessionId: open.sessionId, reason: 'hostRestart' });
      flows.controls.dispose();
      proxy.dispose();
      sessions.dispose();
      staff.dispose();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      unsubscribeJournal();
      await devices.stop();
      settlement.stop();
      await backend.sender.stop();
      await Promise.all([...pendingCleanups]);
      station.audit.record({ actor: 'host', action: 'host.stopped' });
      await printing.close();
      await hallLink.stop();
      // Last: nothing writes to the journal once the devices, the outbox and printing have stopped.
      journal.close();
      dataDir.dispose();
      logger.info('host stopped');
    },
    dispatch: (message) => dispatcher.dispatch(message),
    onEvent: (listener) => bus.subscribe(listener),
    paymentNotifications,
    staff,
    hallLink,
  };
}

/**
 * Feeds the session journal from the host's events. The events carry the
 * identity masked (they go to the screen); the journal's keyed hash needs the
 * full ID number, so it takes the identity the session holds.
 */
function journalEvent(
  envelope: EventEnvelope,
  journal: SessionJournal,
  identityOf: (sessionId: string) => Identity | null,
  ended: (sessionId: string, reason: string) => void,
): void {
  switch (envelope.event) {
    case 'session.started': {
      const { session } = envelope.payload as EventPayload<'session.started'>;
      journal.started(session.sessionId, session.startedAt, identityOf(session.sessionId));
      return;
    }
    case 'identity.read': {
      const { sessionId } = envelope.payload as EventPayload<'identity.read'>;
      journal.identity(sessionId, identityOf(sessionId));
      return;
    }
    case 'flow.changed': {
      const { sessionId, view } = envelope.payload as EventPayload<'flow.changed'>;
      journal.flowChanged(sessionId, view);
      return;
    }
    case 'session.ended': {
      const { sessionId, reason } = envelope.payload as EventPayload<'session.ended'>;
      ended(sessionId, reason);
      return;
    }
    default:
      return;
  }
}

/** The value of a composition step, or a start-up error naming what failed. */
function unwrap<T, E>(result: Result<T, E>, describe: (error: E) => string): T {
  if (result.ok) return result.value;
  throw new Error(`OneDoor cannot start: ${describe(result.error)}`);
}
