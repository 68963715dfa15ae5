/**
 * The kiosk's service flows as the host builds them (createKioskFlows over
 * the registry's modules and a site config), with fakes for what they
 * print and submit: an A4 document desk that records each DocumentRequest,
 * a receipt printer that records tickets and slips, and an outbox that
 * records submissions. The back-end is the sandbox without latency.
 */
import { createDocumentPages } from '../../../../electron/host/capture/documents/document-pages';
import { createSessionAttachments } from '../../../../electron/host/flows/session-attachments';
import { createSessionStore } from '../../../../electron/host/session/session-store';
import pino from 'pino';
import type { FlowView, Identity } from '../../../../electron/contract';
import { maskIdNumber } from '../../../../domain/mask';
import { defaultConfig } from '../../../../electron/host/config/load';
import type { KioskConfigInput } from '../../../../electron/host/config/schema';
import type { FlowInstance } from '../../../../electron/host/flows/flow-instance';
import type { FlowService } from '../../../../electron/host/flows/flow-service';
import type { A4Outcome, DocumentDesk, DocumentRequest } from '../../../../electron/host/flows/library';
import type { ApplicationQueue, CollectionReceiptRequest, FeeSlipRequest, InfoSlipRequest, TicketPrinter } from '../../../../electron/host/flows/ports';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { createKioskFlows } from '../../../../electron/host/services/kiosk-flows';
import { SERVICE_MODULES } from '../../../../electron/host/services/registry';

/** A sandbox back-end with no latency over the shipped data, its clock at `at`. */
export function sandbox(at: Date = new Date('2026-03-02T10:00:00+08:00')): SandboxGateway {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 }, now: () => at });
}

export interface RecordingDesk extends DocumentDesk {
  issued: Array<{ sessionId: string; request: DocumentRequest; number: string }>;
  reprints: string[];
  /** Outcomes to give next (default printed). */
  script: Array<'printed' | 'paperOut'>;
}

/** An A4 desk numbering documents as the journal would (`WF2026-TEST-000001`…). */
export function recordingDesk(): RecordingDesk {
  const outcome = (kind: 'printed' | 'paperOut', documentNumber: string): A4Outcome =>
    kind === 'printed' ? { kind: 'printed', documentNumber } : { kind: 'notPrinted', documentNumber, messageKey: 'print.paperOut', reprintable: true };
  const desk: RecordingDesk = {
    issued: [],
    reprints: [],
    script: [],
    async issueAndPrint(sessionId, request) {
      const number = `WF2026-TEST-${String(desk.issued.length + 1).padStart(6, '0')}`;
      desk.issued.push({ sessionId, request, number });
      return outcome(desk.script.shift() ?? 'printed', number);
    },
    async reprint(documentNumber) {
      desk.reprints.push(documentNumber);
      return outcome(desk.script.shift() ?? 'printed', documentNumber);
    },
  };
  return desk;
}

export interface RecordingSlips extends TicketPrinter {
  tickets: Array<{ window: string; name: string | null }>;
  receipts: CollectionReceiptRequest[];
  infoSlips: InfoSlipRequest[];
  feeSlips: FeeSlipRequest[];
}

/** A receipt printer that always prints, numbering tickets B001, B002… */
export function recordingSlips(): RecordingSlips {
  const slips: RecordingSlips = {
    tickets: [],
    receipts: [],
    infoSlips: [],
    feeSlips: [],
    async printQueueTicket(request) {
      slips.tickets.push({ window: request.window, name: request.name });
      return { kind: 'printed', ticketNumber: `B${String(slips.tickets.length).padStart(3, '0')}` };
    },
    async printCollectionReceipt(request) {
      slips.receipts.push(request);
      return { kind: 'printed' };
    },
    async printInfoSlip(request) {
      slips.infoSlips.push(request);
      return { kind: 'printed' };
    },
    async printFeeSlip(request) {
      slips.feeSlips.push(request);
      return { kind: 'printed' };
    },
  };
  return slips;
}

export interface RecordingQueue extends ApplicationQueue {
  submitted: Array<{ key: string; serviceId: string; payload: Record<string, unknown> }>;
}

/** An outbox that keeps each idempotency key once. */
export function recordingQueue(): RecordingQueue {
  const queue: RecordingQueue = {
    submitted: [],
    submit(application, key) {
      if (!queue.submitted.some((s) => s.key === key)) queue.submitted.push({ key, serviceId: application.serviceId, payload: application.payload });
    },
  };
  return queue;
}

export interface KioskFlowsHarness {
  services: FlowService[];
  service(id: string): FlowService;
  gateway: PoliceGateway;
  desk: RecordingDesk;
  slips: RecordingSlips;
  queue: RecordingQueue;
}

/** The kiosk's flows over the fakes; `config` is merged into the default (simulated) config. */
export function kioskFlows(options: { gateway?: PoliceGateway; at?: Date; config?: Partial<KioskConfigInput> } = {}): KioskFlowsHarness {
  const desk = recordingDesk();
  const slips = recordingSlips();
  const queue = recordingQueue();
  const gateway = options.gateway ?? sandbox(options.at);
  const built = createKioskFlows({
    config: defaultConfig({ kioskId: 'HB-KIOSK-01', ...options.config }),
    modules: SERVICE_MODULES,
    gateway,
    documents: desk,
    slips,
    applications: queue,
    documentPages: createDocumentPages(createSessionStore()), attachments: createSessionAttachments(createSessionStore(), 'HB-KIOSK-01'),
    logger: pino({ level: 'silent' }),
    ...(options.at ? { now: () => options.at! } : {}),
  });
  if (!built.ok) throw new Error(built.error);
  const services = built.value;
  return {
    services,
    service(id) {
      const found = services.find((service) => service.id === id);
      if (!found) throw new Error(`no kiosk flow for ${id}`);
      return found;
    },
    gateway,
    desk,
    slips,
    queue,
  };
}

let runs = 0;

/** Starts a run of `serviceId` for `who`. */
export function startRun(harness: KioskFlowsHarness, serviceId: string, who: Identity | null): FlowInstance {
  runs += 1;
  return harness.service(serviceId).start({ sessionId: `session-${runs}`, flowId: `flow-test-${runs}-0000`, identity: who, language: 'zh-CN' });
}

/** An identity as the host builds it from a card. */
export function identity(idNumber: string, over: Partial<Identity> = {}): Identity {
  return {
    source: 'card',
    cardType: 'resident',
    name: '测试人',
    idNumber,
    idNumberMasked: maskIdNumber(idNumber),
    idNumberValid: true,
    validTo: '2035-01-01',
    expired: false,
    ...over,
  };
}

/** The face module's verdict for the fixed identity (never the renderer's). */
export const passFace = { type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 } as const;

/** Resolves when the view satisfies `predicate` (async steps settle). */
export function waitForView(flow: FlowInstance, predicate: (view: FlowView) => boolean, timeoutMs = 2000): Promise<FlowView> {
  const now = flow.view();
  if (predicate(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; view was ${JSON.stringify(flow.view())}`));
    }, timeoutMs);
    const off = flow.subscribe((view) => {
      if (!predicate(view)) return;
      clearTimeout(timer);
      off();
      resolve(view);
    });
  });
}
