/**
 * The flow test kit: a service's flow run the way the host runs it (its plan
 * built by `serviceFlow` with a FlowKit bound), over the real in-process
 * sandbox back-end (zero latency, a fixed clock) and recording fakes for A4
 * documents, receipt slips and the outbox. A test drives a run as the host
 * does: the citizen's events, and the host's own (IDENTITY, FACE_RESULT,
 * IDENTITY_CHANGED), then awaits the next settled view.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { HeldApplications } from '../../../../electron/host/flows/ports';
import { createOutboxHeldApplications, createOutboxSender, createOutboxStore, deliverThroughGateway, ensureOutboxSchema } from '../../../../electron/host/outbox';
import pino from 'pino';
import { createPdfRenderer } from '../../../../electron/host/issued';
import type { FlowEvent, FlowView, Identity } from '../../../../electron/contract';
import { defaultConfig } from '../../../../electron/host/config/load';
import type { KioskConfig } from '../../../../electron/host/config/schema';
import { startFlowInstance, type FlowInstance } from '../../../../electron/host/flows/flow-instance';
import { buildFlow, type A4Outcome, type DocumentDesk, type DocumentRequest, type EndorsementWriterDesk, type FlowKit, type FlowPlan } from '../../../../electron/host/flows/library';
import { hallDouble } from './hall-double';
import { writerDouble } from './endorsement-writer-double';
import type { ApplicationQueue, CollectionReceiptRequest, FeeSlipRequest, InfoSlipRequest, QueueTicketRequest, SlipOutcome, TicketPrinter } from '../../../../electron/host/flows/ports';
import type { FaceCheckOutcome } from '../../../../electron/contract';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData, type SandboxData } from '../../../../electron/host/gateway/sandbox-data';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { createDocumentPages } from '../../../../electron/host/capture/documents/document-pages';
import { createSessionStore, type SessionStore } from '../../../../electron/host/session/session-store';
import { sessionPages } from '../../../../electron/host/capture/documents/session-pages';
import { createSessionAttachments } from '../../../../electron/host/flows/session-attachments';
import { sessionFingerprints } from '../../../../electron/host/flows/fingerprint-to-flow';
import { faceData } from '../../../../electron/host/face/session-data';
import { PHOTO_SPECS } from '../../../../electron/host/capture/photo/spec';
import { simulatedTemplate } from '../../../../drivers/fingerprint/sim-template';
import sharp from 'sharp';
import type { PhotoSpecId } from '../../../../electron/contract';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import type { SandboxPaymentHandler } from '../../../../electron/host/payment/sandbox-payment-server';
import type { PaymentChannel } from '../../../../electron/host/payment/payment-port';
import { pageJpeg } from '../capture/documents/pages';
import { createPaymentDesk } from '../../../../electron/host/payment/payment-desk';
import { serviceFlow } from '../../../../electron/host/services/service-flow';
import type { ServiceModule } from '../../../../electron/host/services/service-module';
import { maskIdNumber } from '../../../../domain/mask';
import { pdfText } from '../../../helpers/cups';

/** The kit's clock: a morning in the hall (Asia/Shanghai), after the sandbox's ID card applications. */
export const KIT_NOW = new Date('2026-12-01T10:00:00+08:00');

let sandboxData: SandboxData | undefined;
/** The shipped sandbox data (resources/sandbox/citizens.json), read once. */
export function sandboxCitizens(): SandboxData {
  if (!sandboxData) {
    const loaded = loadSandboxData();
    if ('error' in loaded) throw new Error(loaded.error);
    sandboxData = loaded.data;
  }
  return sandboxData;
}

/** The real sandbox back-end over the shipped data, answering at once, at `now`. */
export function sandboxGateway(now: Date = KIT_NOW): SandboxGateway {
  return createSandboxGateway({ data: sandboxCitizens(), latency: { minMs: 0, maxMs: 0 }, now: () => now });
}

// ---- identities, as the host builds them ---------------------------------

/** A resident ID card of a sandbox citizen (name from the sandbox unless given). */
export function card(idNumber: string, over: Partial<Identity> = {}): Identity {
  const citizen = sandboxCitizens().citizens[idNumber];
  return {
    source: 'card',
    cardType: citizen?.holder ?? 'resident',
    name: citizen?.name ?? '测试人',
    idNumber,
    idNumberMasked: maskIdNumber(idNumber),
    idNumberValid: true,
    validTo: '2035-01-01',
    expired: false,
    ...over,
  };
}

/** An ID number typed on the keypad: no name, no card type, no validity. */
export function typed(idNumber: string, over: Partial<Identity> = {}): Identity {
  return card(idNumber, { source: 'typed', cardType: null, name: null, validTo: null, ...over });
}

// ---- recording fakes -----------------------------------------------------

/** What the next A4 issue or reprint does: printed, the printer out of paper, or no document at all (render failed). */
export type DocumentScript = 'printed' | 'paperOut' | 'documentFailed';

export interface RecordingDocuments extends DocumentDesk {
  /** Every issued request, in order. */
  requests: Array<{ sessionId: string; request: DocumentRequest }>;
  /** Journal numbers reprinted. */
  reprints: string[];
  /** Outcomes for the next calls (default printed). */
  script: DocumentScript[];
}

/** A DocumentDesk that records requests and numbers them `J2026-000001`… as the journal would. */
export function recordingDocuments(): RecordingDocuments {
  let issued = 0;
  const outcome = (documentNumber: string | null): A4Outcome => {
    const next = desk.script.shift() ?? 'printed';
    switch (next) {
      case 'printed':
        return documentNumber === null ? { kind: 'notPrinted', documentNumber: null, messageKey: 'flow.a4Print.documentFailed', reprintable: false } : { kind: 'printed', documentNumber };
      case 'paperOut':
        return { kind: 'notPrinted', documentNumber, messageKey: 'print.paperOut', reprintable: documentNumber !== null };
      case 'documentFailed':
        return { kind: 'notPrinted', documentNumber: null, messageKey: 'flow.a4Print.documentFailed', reprintable: false };
      default: {
        const unknown: never = next;
        return unknown;
      }
    }
  };
  const desk: RecordingDocuments = {
    requests: [],
    reprints: [],
    script: [],
    async issueAndPrint(sessionId, request) {
      desk.requests.push({ sessionId, request });
      if (desk.script[0] === 'documentFailed') return outcome(null);
      issued += 1;
      return outcome(`J2026-${String(issued).padStart(6, '0')}`);
    },
    async reprint(documentNumber) {
      desk.reprints.push(documentNumber);
      return outcome(documentNumber);
    },
  };
  return desk;
}

/** What the next slip of a kind does. */
export type SlipScript = 'printed' | 'paperOut';

export interface RecordingSlips extends TicketPrinter {
  tickets: QueueTicketRequest[];
  receipts: CollectionReceiptRequest[];
  infoSlips: InfoSlipRequest[];
  feeSlips: FeeSlipRequest[];
  /** Outcomes for the next slips of each kind (default printed). */
  script: { tickets: SlipScript[]; receipts: SlipScript[]; infoSlips: SlipScript[]; feeSlips?: SlipScript[] };
}

/** A receipt printer that records every slip; queue numbers `B001`… */
export function recordingSlips(): RecordingSlips {
  const outcome = (next: SlipScript | undefined): SlipOutcome => (next === 'paperOut' ? { kind: 'notPrinted', messageKey: 'print.paperOut' } : { kind: 'printed' });
  const slips: RecordingSlips = {
    tickets: [],
    receipts: [],
    infoSlips: [],
    feeSlips: [],
    script: { tickets: [], receipts: [], infoSlips: [], feeSlips: [] },
    async printQueueTicket(request) {
      slips.tickets.push(request);
      const ticketNumber = `B${String(slips.tickets.length).padStart(3, '0')}`;
      const printed = outcome(slips.script.tickets.shift());
      return printed.kind === 'printed' ? { kind: 'printed', ticketNumber } : { ...printed, ticketNumber };
    },
    async printCollectionReceipt(request) {
      slips.receipts.push(request);
      return outcome(slips.script.receipts.shift());
    },
    async printInfoSlip(request) {
      slips.infoSlips.push(request);
      return outcome(slips.script.infoSlips.shift());
    },
    async printFeeSlip(request) {
      slips.feeSlips.push(request);
      return outcome(slips.script.feeSlips?.shift());
    },
  };
  return slips;
}

export interface RecordingOutbox extends ApplicationQueue {
  /** Every submission, duplicates included (the real outbox dedupes by key; a test sees each call). */
  submitted: Array<{ key: string; serviceId: string; payload: Record<string, unknown> }>;
}

export function recordingOutbox(): RecordingOutbox {
  const outbox: RecordingOutbox = {
    submitted: [],
    submit(application, key) {
      outbox.submitted.push({ key, serviceId: application.serviceId, payload: application.payload });
    },
  };
  return outbox;
}

/** Held applications over a real (in-memory) outbox that delivers to the kit's gateway. */
export function heldOutbox(gateway: PoliceGateway, kioskId: string): HeldApplications {
  // Made on first use: most runs never hold an application, and an SQLite
  // database with the outbox's schema for each of the thousands of runs
  // service-modules.test.ts replays was a sixth of its time.
  let held: HeldApplications | undefined;
  const open = (): HeldApplications => {
    if (held) return held;
    const db = new Database(':memory:');
    ensureOutboxSchema(db);
    const store = createOutboxStore({ db, key: Buffer.alloc(32, 3) });
    const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway) });
    held = createOutboxHeldApplications({ store, sender, kioskId });
    return held;
  };
  return {
    hold: (application, idempotencyKey, heldFor) => open().hold(application, idempotencyKey, heldFor),
    release: (idempotencyKey) => open().release(idempotencyKey),
    discard: (idempotencyKey) => open().discard(idempotencyKey),
    submitNow: (idempotencyKey) => open().submitNow(idempotencyKey),
  };
}

// ---- the kit -------------------------------------------------------------

export interface KitOptions {
  /** Default: the sandbox at {@link KIT_NOW}. */
  gateway?: PoliceGateway;
  now?: Date;
  /** The service's site settings (`services.settings.<id>`), checked against its schema as the host does. */
  settings?: unknown;
  maxFaceAttempts?: number;
  /** The site config the kit's windows, province, zone and kiosk id come from (default: the development defaults). */
  config?: KioskConfig;
  /** Who the service is for (default: residents and HMT residents, not foreigners). */
  audience?: FlowKit['audience'];
  /** The station journal's audit events the flow may record (default: none). */
  audit?: FlowKit['audit'];
  /** The endorsement writer (default: a double with 陈思远's sample 港澳 permit on it, endorsement-writer-double.ts). */
  endorsementWriter?: EndorsementWriterDesk;
}

export interface TestKit {
  kit: FlowKit;
  gateway: PoliceGateway;
  documents: RecordingDocuments;
  slips: RecordingSlips;
  outbox: RecordingOutbox;
  /** The embedded payment sandbox the kit's desk talks to (the dock's test controls pay through it). */
  paymentSandbox: SandboxPaymentHandler;
  /** The host's session store: one session, the run's, started with the kit (document pages are kept in it). */
  sessions: SessionStore;
  sessionId: string;
}

/** The payment desk's logger: one for all kits (a logger per run was a measurable part of a replayed run). */
const SILENT = pino({ level: 'silent' });

/** A FlowKit for `serviceId` with the recording fakes, built as createKioskFlows builds it. */
export function testKit(serviceId: string, serviceName: FlowKit['serviceName'], category: keyof KioskConfig['services']['windows'], options: KitOptions & { parsedSettings?: unknown } = {}): TestKit {
  const config = options.config ?? defaultConfig();
  const gateway = options.gateway ?? sandboxGateway(options.now);
  const documents = recordingDocuments();
  const slips = recordingSlips();
  const outbox = recordingOutbox();
  const now = options.now ?? KIT_NOW;
  const payment = createPaymentFromConfig({ simulation: true, payment: undefined }, () => now);
  const sessions = createSessionStore();
  const started = sessions.start({ language: 'zh-CN', elderMode: false });
  if (!started.ok) throw new Error('the kit\'s session store refused a session');
  const kit: FlowKit = {
    serviceId,
    audience: options.audience ?? ['resident', 'hmt'],
    serviceName,
    gateway,
    documents,
    slips,
    applications: outbox,
    heldApplications: heldOutbox(gateway, config.kioskId),
    payment: createPaymentDesk({ ...payment, pollMs: 20, logger: SILENT }),
    kioskId: config.kioskId,
    hallName: config.hallName,
    window: config.services.windows[category],
    windows: config.services.windows,
    homeProvinceCode: config.services.homeProvinceCode,
    timeZone: config.timeZone,
    maxFaceAttempts: options.maxFaceAttempts ?? config.face.maxAttempts,
    now: () => now,
    // Fixed, as the clock is: a replayed run draws the same questions (the ability test's).
    randomSeed: () => 'flow-kit-seed',
    settings: options.parsedSettings,
    // The document camera's pages, over the kit's session store: the run's session holds the pages a test accepts.
    documentPages: createDocumentPages(sessions),
    // What an application carries (photo, prints, signature, papers), from the run's session, as the host resolves it.
    attachments: createSessionAttachments(sessions, config.kioskId),
    ...(options.audit ? { audit: options.audit } : {}),
    endorsementWriter: options.endorsementWriter ?? writerDouble('C38816402'),
    // 可视化代办's hall: scripted (hall-double.ts).
    proxy: hallDouble(),
  };
  return { kit, gateway, documents, slips, outbox, paymentSandbox: payment.sandbox!, sessions, sessionId: started.value.sessionId };
}

/** The module's settings as the host checks them (throws on settings its schema refuses). */
function moduleSettings(module: ServiceModule, raw: unknown): unknown {
  if (!module.settings) return raw;
  return module.settings.parse(raw ?? {});
}

// ---- runs ----------------------------------------------------------------

/** A view the citizen acts on: nothing is running (no back-end call, no print) until they do. */
export function isSettled(view: FlowView): boolean {
  return !busy(view) && (view.accepts.length > 0 || WAITS_FOR_A_DEVICE.has(view.step) || waitsForPayment(view));
}

/** An order shown and waiting for the citizen's phone or 付款码 (a payment step the citizen may not cancel accepts no touch). */
const waitsForPayment = (view: FlowView) => view.data.step === 'payment' && view.data.state === 'waiting' && view.data.qrText !== null;

/** Steps that wait for the host's devices (camera, scanner), not for a touch: settled with nothing to press. */
const WAITS_FOR_A_DEVICE: ReadonlySet<FlowView['step']> = new Set(['done', 'faceCheck', 'documentCapture', 'fingerprints', 'photo']);

/** A step busy with the host (PDFs being made, a 付款码 being charged): not settled even when it lists an event. */
function busy(view: FlowView): boolean {
  return (view.data.step === 'documentCapture' && view.data.state === 'assembling') || (view.data.step === 'payment' && view.data.state === 'charging');
}

export interface FlowRun extends TestKit {
  flow: FlowInstance;
  /** Machine faults the run reported (bugs: expected failures are values); a test expects none. */
  faults: unknown[];
  view(): FlowView;
  /** A citizen's event; false when the step refuses it. */
  send(event: FlowEvent): boolean;
  /** The face module's verdict (default: passed, two tries left). */
  face(outcome?: FaceCheckOutcome, attemptsLeft?: number): boolean;
  /** The session's identity set or changed at identify (card read, number typed). */
  identify(identity: Identity | null): boolean;
  /** Another card or number after identify. */
  identityChanged(): boolean;
  /** The current view once it is settled (see {@link isSettled}). */
  settled(timeoutMs?: number): Promise<FlowView>;
  /** The first view (now or later) that satisfies `predicate`. */
  until(predicate: (view: FlowView) => boolean, timeoutMs?: number): Promise<FlowView>;
  /** Sends `event` and awaits the next settled view; throws when the step refuses it. */
  step(event: FlowEvent): Promise<FlowView>;
  /** identify (CONFIRM) → consent (granted) → face check (passed), then the settled view after. */
  verify(): Promise<FlowView>;
  /** The document module kept a page (a small generated JPEG) of `paper` for step `stepId` in the run's session and sent PAGE_ACCEPTED. */
  acceptPage(stepId: string, paper: string): Promise<boolean>;
  /** The fingerprint scanner read the finger asked for at `quality`: its template kept in the run's session, then the host's FINGERPRINT_CAPTURED for the current capture. */
  fingerprint(quality: number): boolean;
  /** The photo module kept a standard photo of `spec` (a plain JPEG of the spec's size) in the run's session, and the citizen chose it (PHOTO_ACCEPTED). */
  photo(spec: PhotoSpecId): Promise<boolean>;
  /** The citizen's phone paid the payment step's order (its QR code) by `channel`, then the settled view after the step saw it. */
  payByPhone(channel?: PaymentChannel): Promise<FlowView>;
  /** The scanner read a 付款码 while the payment step waits, then the settled view after the charge. */
  payByCode(authCode: string): Promise<FlowView>;
}

let runs = 0;

/** Starts one run of `module`'s flow with a fresh kit (its own sandbox, fakes and clock). */
export function startService(module: ServiceModule, identity: Identity | null, options: KitOptions = {}): FlowRun {
  const test = testKit(module.id, module.catalogue.name, module.catalogue.category, { audience: module.catalogue.audience, ...options, parsedSettings: moduleSettings(module, options.settings) });
  runs += 1;
  const faults: unknown[] = [];
  const flow = serviceFlow(module, test.kit, (error) => faults.push(error)).start({ sessionId: test.sessionId, flowId: `flow-kit-${runs}-0000`, identity, language: 'zh-CN' });
  return wrap(test, flow, faults);
}

/**
 * The ports of a FlowKit that hold a run's state (the sandbox's dedupe maps
 * and sequences, the recording fakes, the session's pages, the payment
 * sandbox's orders): a runner's flow reaches the current run's through them.
 */
const RUN_PORTS = ['gateway', 'documents', 'slips', 'applications', 'payment', 'heldApplications', 'documentPages', 'attachments', 'endorsementWriter', 'proxy', 'audit'] as const;

/** An object that forwards every property to `target()`'s, methods bound to it. */
function forwarding<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get: (_, name) => {
      const port = target();
      const value: unknown = Reflect.get(port, name);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(port) : value;
    },
    has: (_, name) => Reflect.has(target(), name),
  });
}

export interface ServiceRunner {
  /** Starts one run, as {@link startService} does (a fresh kit: its own sandbox, fakes and session), over the runner's one flow. */
  start(identity: Identity | null, gateway?: PoliceGateway): FlowRun;
}

/**
 * `module`'s flow built once, then run many times, each run with a fresh
 * kit, as the host builds a service's flow once and starts a run per
 * session. For tests that replay thousands of runs (service-modules):
 * building the machine was a third of each run's time. The kit's settings,
 * config and clock are `options`' for every run; only the gateway may differ.
 */
export function serviceRunner(module: ServiceModule, options: Omit<KitOptions, 'gateway'> = {}): ServiceRunner {
  const constant: KitOptions = { ...options, config: options.config ?? defaultConfig() };
  let current: { test: TestKit; faults: unknown[] } | undefined;
  const now = (): { test: TestKit; faults: unknown[] } => {
    if (!current) throw new Error('no run started');
    return current;
  };
  let service: ReturnType<typeof serviceFlow> | undefined;
  return {
    start(identity, gateway) {
      const test = testKit(module.id, module.catalogue.name, module.catalogue.category, { audience: module.catalogue.audience, ...constant, ...(gateway ? { gateway } : {}), parsedSettings: moduleSettings(module, constant.settings) });
      const faults: unknown[] = [];
      current = { test, faults };
      if (!service) {
        const ports = Object.fromEntries(RUN_PORTS.filter((port) => test.kit[port] !== undefined).map((port) => [port, forwarding(() => now().test.kit[port] as object)]));
        service = serviceFlow(module, { ...test.kit, ...ports }, (error) => now().faults.push(error));
      }
      runs += 1;
      const flow = service.start({ sessionId: test.sessionId, flowId: `flow-kit-${runs}-0000`, identity, language: 'zh-CN' });
      return wrap(test, flow, faults);
    },
  };
}

/** Starts a run of a plan that is no service's (library tests): built with buildFlow, run as the host runs a flow. */
export function startPlan(plan: (kit: FlowKit) => FlowPlan, identity: Identity | null, options: KitOptions & { serviceId?: string } = {}): FlowRun {
  const serviceId = options.serviceId ?? 'test-service';
  const test = testKit(serviceId, { 'zh-CN': '测试事项', en: 'Test service' }, 'certificates', { ...options, parsedSettings: options.settings });
  const built = buildFlow(plan(test.kit), test.kit);
  runs += 1;
  const flowId = `flow-kit-${runs}-0000`;
  const faults: unknown[] = [];
  const flow = startFlowInstance({
    serviceId,
    flowId,
    machine: built.machine,
    input: { sessionId: test.sessionId, flowId, identity },
    path: built.path,
    view: (snapshot) => built.view(snapshot as never),
    identityConfirmed: (snapshot) => built.identityConfirmed(snapshot as never),
    onError: (error) => faults.push(error),
  });
  return wrap(test, flow, faults);
}

function wrap(test: TestKit, flow: FlowInstance, faults: unknown[]): FlowRun {
  const until = (predicate: (view: FlowView) => boolean, timeoutMs = 3000): Promise<FlowView> => {
    const now = flow.view();
    if (predicate(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out; the view is ${JSON.stringify(flow.view())}`));
      }, timeoutMs);
      const off = flow.subscribe((view) => {
        if (!predicate(view)) return;
        clearTimeout(timer);
        off();
        resolve(view);
      });
    });
  };
  let pages = 0;
  let photos = 0;
  /** The order the payment step shows (its number is the QR code's last part). */
  const shownOrder = (): string => {
    const data = flow.view().data;
    if (data.step !== 'payment' || !data.qrText) throw new Error(`no order shown at ${flow.view().stepId}`);
    return data.qrText.split('/').at(-1)!;
  };
  const leftWaiting = (view: FlowView) => !(view.data.step === 'payment' && view.data.state === 'waiting');
  const run: FlowRun = {
    ...test,
    flow,
    faults,
    view: () => flow.view(),
    send: (event) => flow.send(event),
    face: (outcome = 'passed', attemptsLeft = 2) => flow.send({ type: 'FACE_RESULT', outcome, attemptsLeft }),
    identify: (identity) => flow.send({ type: 'IDENTITY', identity }),
    identityChanged: () => flow.send({ type: 'IDENTITY_CHANGED' }),
    settled: (timeoutMs) => until(isSettled, timeoutMs),
    until,
    async step(event) {
      if (!flow.send(event)) throw new Error(`${event.type} refused at ${flow.view().stepId}: accepts ${flow.view().accepts.join(',')}`);
      return run.settled();
    },
    async verify() {
      await run.step({ type: 'CONFIRM' });
      await run.step({ type: 'CONSENT', granted: true });
      if (!run.face()) throw new Error(`face result refused at ${flow.view().stepId}`);
      return run.settled();
    },
    async acceptPage(stepId, paper) {
      const session = test.sessions.get(test.sessionId);
      if (!session) return false;
      const jpeg = await smallPage();
      pages += 1;
      const pageId = `page-${pages}`;
      sessionPages(session).add({ pageId, stepId, paper, jpeg: jpeg.slice(), width: 320, height: 240 });
      return flow.send({ type: 'PAGE_ACCEPTED', stepId, paper, pageId, sha256: createHash('sha256').update(jpeg).digest('hex') });
    },
    fingerprint(quality) {
      const data = flow.view().data;
      if (data.step !== 'fingerprints' || data.finger === null) return false;
      // A template as the simulated scanner makes it (finger code 0: it cannot tell which finger it reads), kept in the session as the host keeps every capture.
      const template = simulatedTemplate(`flow-kit-${data.capture}`, 0, quality);
      const session = test.sessions.get(test.sessionId);
      if (session) sessionFingerprints(session).push({ stepId: flow.view().stepId, finger: data.finger, quality, template });
      const sent = flow.send({ type: 'FINGERPRINT_CAPTURED', capture: data.capture, finger: data.finger, quality, templateSha256: createHash('sha256').update(template).digest('hex') });
      // A step that compares with the card (compareWithCard) waits for the host's verdict (fingerprint-to-flow.ts):
      // the kit answers as the sandbox matcher does for the holder's own fingers. The host's own tests cover the others.
      const after = flow.view().data;
      if (sent && after.step === 'fingerprints' && after.state === 'comparing') flow.send({ type: 'FINGERPRINT_COMPARED', capture: after.capture, outcome: 'match', score: 0.9 });
      return sent;
    },
    async photo(spec) {
      const session = test.sessions.get(test.sessionId);
      if (!session) return false;
      const jpeg = (await standardPhoto(spec)).slice();
      photos += 1;
      const candidateId = `photo-${photos}`;
      faceData(session).addCandidate(spec, { candidateId, jpeg, passed: true });
      return flow.send({ type: 'PHOTO_ACCEPTED', spec, candidateId, sha256: createHash('sha256').update(jpeg).digest('hex') });
    },
    async payByPhone(channel = 'wechat') {
      const paid = test.paymentSandbox.payment.payByPhone(shownOrder(), channel);
      if (!paid.ok) throw new Error(`the sandbox refused to pay: ${JSON.stringify(paid)}`);
      await until(leftWaiting);
      return run.settled();
    },
    async payByCode(authCode) {
      shownOrder();
      if (!flow.send({ type: 'PAYMENT_CODE', authCode })) throw new Error(`PAYMENT_CODE refused at ${flow.view().stepId}`);
      return run.settled();
    },
  };
  return run;
}

const photoOf = new Map<PhotoSpecId, Promise<Uint8Array>>();
/** A plain light-grey JPEG of the spec's size (made once per spec). */
function standardPhoto(spec: PhotoSpecId): Promise<Uint8Array> {
  let made = photoOf.get(spec);
  if (!made) {
    const { width, height } = PHOTO_SPECS[spec].size;
    made = sharp({ create: { width, height, channels: 3, background: { r: 235, g: 235, b: 235 } } })
      .jpeg({ quality: 90 })
      .toBuffer()
      .then((buffer) => new Uint8Array(buffer));
    photoOf.set(spec, made);
  }
  return made;
}

let page: Promise<Uint8Array> | undefined;
/** A small generated page (made once: sharp takes a moment). */
function smallPage(): Promise<Uint8Array> {
  page ??= pageJpeg({ width: 320, height: 240 });
  return page;
}

// ---- documents -----------------------------------------------------------

let renderer: ReturnType<typeof createPdfRenderer> | undefined;

/** The text of `request` rendered by the real PDF renderer (pdftotext, whitespace collapsed), as the documents module would print it. */
export async function renderedText(request: DocumentRequest): Promise<string> {
  renderer ??= createPdfRenderer({ now: () => KIT_NOW });
  const rendered = await renderer.render({
    template: request.template,
    vars: { ...request.vars, number: request.printedNumber ?? 'J2026-000001' },
    ...(request.seal ? { seal: request.seal } : {}),
  });
  if (!rendered.ok) throw new Error(`render failed: ${JSON.stringify(rendered.error)}`);
  return pdfText(rendered.value.pdf);
}
