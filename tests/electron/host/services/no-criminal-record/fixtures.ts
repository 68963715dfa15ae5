/** Fakes and helpers for the no-criminal-record flow tests. */
import type { FlowView, Identity } from '../../../../../electron/contract';
import type { FlowInstance } from '../../../../../electron/host/flows/flow-instance';
import type { ApplicationQueue, TicketPrinter } from '../../../../../electron/host/flows/ports';
import { createSandboxGateway, type SandboxGateway } from '../../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../../electron/host/gateway/sandbox-data';
import type { PoliceGateway } from '../../../../../electron/host/gateway/police-gateway';
import type { CertificatePrinter, CertificatePrintOutcome, CertificateRequest } from '../../../../../electron/host/services/no-criminal-record/certificate-printer';
import { createNoCriminalRecordService } from '../../../../../electron/host/services/no-criminal-record/service';
import { maskIdNumber } from '../../../../../domain/mask';

/** A sandbox with no latency over the shipped data. */
export function sandbox(at: Date = new Date('2026-03-02T10:00:00+08:00')): SandboxGateway {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 }, now: () => at });
}

export interface FakeCertificatePrinter extends CertificatePrinter {
  printed: CertificateRequest[];
  reprints: string[];
  /** Outcomes to return next (default printed). */
  script: Array<'printed' | 'paperOut'>;
}

export function fakeCertificatePrinter(): FakeCertificatePrinter {
  let n = 0;
  const printer: FakeCertificatePrinter = {
    printed: [],
    reprints: [],
    script: [],
    async printCertificate(request) {
      printer.printed.push(request);
      n += 1;
      const documentNumber = `WF2026-TEST-${String(n).padStart(6, '0')}`;
      return outcome(printer.script.shift() ?? 'printed', documentNumber);
    },
    async reprintCertificate(documentNumber) {
      printer.reprints.push(documentNumber);
      return outcome(printer.script.shift() ?? 'printed', documentNumber);
    },
  };
  return printer;
}

function outcome(kind: 'printed' | 'paperOut', documentNumber: string): CertificatePrintOutcome {
  return kind === 'printed' ? { kind: 'printed', documentNumber } : { kind: 'notPrinted', documentNumber, messageKey: 'print.paperOut', reprintable: true };
}

export interface FakeTicketPrinter extends TicketPrinter {
  tickets: Array<{ window: string; name: string | null }>;
  receipts: Array<{ documentNumber: string; verifyCode: string | null }>;
}

export function fakeTicketPrinter(): FakeTicketPrinter {
  const printer: FakeTicketPrinter = {
    tickets: [],
    receipts: [],
    async printQueueTicket(request) {
      printer.tickets.push({ window: request.window, name: request.name });
      return { kind: 'printed', ticketNumber: `B${String(printer.tickets.length).padStart(3, '0')}` };
    },
    async printCollectionReceipt(request) {
      printer.receipts.push({ documentNumber: request.documentNumber, verifyCode: request.verifyCode });
      return { kind: 'printed' };
    },
  };
  return printer;
}

export interface RecordingQueue extends ApplicationQueue {
  submitted: Array<{ key: string; payload: Record<string, unknown> }>;
}

export function recordingQueue(): RecordingQueue {
  const queue: RecordingQueue = {
    submitted: [],
    submit(application, key) {
      if (!queue.submitted.some((s) => s.key === key)) queue.submitted.push({ key, payload: application.payload });
    },
  };
  return queue;
}

/** An identity as the host builds it. */
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

export interface Harness {
  flow: FlowInstance;
  gateway: PoliceGateway;
  certificates: FakeCertificatePrinter;
  tickets: FakeTicketPrinter;
  queue: RecordingQueue;
}

let flowCounter = 0;

/** Starts a run of the service with fakes. */
export function startRun(who: Identity | null, gateway: PoliceGateway = sandbox(), options: { maxFaceAttempts?: number; at?: Date } = {}): Harness {
  const certificates = fakeCertificatePrinter();
  const tickets = fakeTicketPrinter();
  const queue = recordingQueue();
  const service = createNoCriminalRecordService({
    gateway,
    certificatePrinter: certificates,
    ticketPrinter: tickets,
    applications: queue,
    kioskId: 'HB-KIOSK-01',
    windows: { certificates: '2号窗口', exitEntry: '3号窗口' },
    maxFaceAttempts: options.maxFaceAttempts ?? 3,
    now: () => options.at ?? new Date('2026-03-02T10:00:00+08:00'),
  });
  flowCounter += 1;
  const flow = service.start({ sessionId: 'session-1', flowId: `flow-test-${flowCounter}-0000`, identity: who, language: 'zh-CN' });
  return { flow, gateway, certificates, tickets, queue };
}

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

export const passFace = { type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 } as const;

/** Drives a run through identify, consent and face check (then the 户籍 lookup) to where the lookup leads. */
export async function toPurpose(h: Harness): Promise<FlowView> {
  h.flow.send({ type: 'CONFIRM' });
  h.flow.send({ type: 'CONSENT', granted: true });
  if (h.flow.view().step !== 'faceCheck') return h.flow.view();
  h.flow.send(passFace);
  return waitForView(h.flow, (v) => v.step !== 'faceCheck');
}
