/**
 * The host's printing stack, composed from the config over the journal the
 * composition root opened: the session PDF store (`<dataDir>/documents`),
 * the PDF renderer (warmed up in the background), and the A4 printer with
 * its status device over either the simulated CUPS
 * (`printing.a4.mode: simulated`, with dock controls) or the real one.
 */
import { join } from 'node:path';
import type { KioskConfig } from '../config/schema';
import { createA4PrinterDevice, type A4PrinterDevice } from './a4/a4-printer-device';
import { createCupsClient, type CupsClient } from './a4/cups/cups-client';
import { createDocumentService, type DocumentService } from '../issued/document-service';
import { createDocumentStore } from '../issued/document-store';
import { createReprintHold } from '../issued/reprint-hold';
import { checkA4Queue, type A4Check } from './a4-check';
import { TEST_PAGE_KIND } from '../staff/staff-journal';
import { createA4Printer, type A4Printer } from './a4/a4-printer';
import type { DocumentRenderer } from '../issued/render/document-renderer';
import { createPdfRenderer } from '../issued/render/pdf-renderer';
import { createSimulatedCups, type A4SimulatorControls, type SimulatedCupsOptions } from './a4/simulated';
import { createDocumentNumbers, createDocumentsRepo, type Journal } from '../journal';
import type { Logger } from '../log/logger';
import { createDisabledA4Printer } from './disabled-printer';
import { followSimulator } from './follow-simulator';
import { testPageDocument } from './test-page';

export interface PrintingDeps {
  config: KioskConfig;
  /** The resolved data folder (see `resolveDataDir`); the PDFs go in its `documents` folder. */
  dataDir: string;
  /** The open journal (document numbers and rows); its opener closes it, after {@link Printing.close}. */
  journal: Journal;
  logger: Logger;
  /** Station id in document numbers (default `config.kioskId`). */
  kioskId?: string;
  /** Tuning of the simulated printer (tests: `{ msPerPage: 0 }`). */
  simulator?: SimulatedCupsOptions;
  /** Replaces the renderer (tests). */
  renderer?: DocumentRenderer;
  /** Renders a test page in the background at once so the first citizen does not wait for fonts (default true). */
  warmUp?: boolean;
  now?: () => Date;
}

export interface Printing {
  /** The A4 printer's status device; absent when `printing.a4.enabled` is false. */
  readonly a4Device: A4PrinterDevice | undefined;
  readonly documentService: DocumentService;
  /** Dock controls when the printer is simulated. */
  readonly simulatorControls: A4SimulatorControls | undefined;
  /** The CLI's `a4 status` check on the queue the host prints to; absent when A4 printing is disabled. */
  readonly a4Check: (() => Promise<A4Check>) | undefined;
  /** Settles when the renderer's warm-up render finished (fonts loaded), whatever its result. */
  readonly warmedUp: Promise<void>;
  /** Stops the simulator (stop the devices first); idempotent. The journal stays open. */
  close(): Promise<void>;
}

/** Pacing and stand-ins a test gives the printing stack the host builds. */
export type PrintingTuning = Pick<PrintingDeps, 'simulator' | 'renderer' | 'warmUp'>;

/** Composes the printing stack. */
export function createPrinting(deps: PrintingDeps): Printing {
  const { config, logger, journal } = deps;
  const a4 = config.printing.a4;
  const kioskId = deps.kioskId ?? config.kioskId;
  const now = deps.now ?? (() => new Date());
  const log = logger.child({ component: 'printing' });

  const renderer = deps.renderer ?? createPdfRenderer({ now });
  const warmedUp =
    deps.warmUp === false
      ? Promise.resolve()
      : renderer.render(testPageDocument(now(), kioskId, config.timeZone)).then(
          (result) => {
            if (!result.ok) log.warn({ error: result.error.kind }, 'renderer warm-up failed');
          },
          (error: unknown) => log.warn({ err: error }, 'renderer warm-up failed'),
        );

  const simulated =
    a4.enabled && a4.mode === 'simulated' ? createSimulatedCups({ queue: a4.queue, ...deps.simulator }) : undefined;
  const cups: CupsClient | undefined = !a4.enabled
    ? undefined
    : (simulated ?? createCupsClient({ server: a4.cupsServer }));
  const a4Device = cups ? createA4PrinterDevice(cups, { queue: a4.queue, pollIntervalMs: a4.statusPollMs }) : undefined;
  const printer: A4Printer = cups
    ? createA4Printer(cups, { queue: a4.queue, pollIntervalMs: a4.jobPollMs, jobTimeoutMs: a4.jobTimeoutMs })
    : createDisabledA4Printer(a4.queue);
  // The dock's actions show at once instead of at the next status poll.
  const stopFollowing = simulated && a4Device ? followSimulator(simulated.controls, a4Device) : undefined;
  log.info({ mode: a4.enabled ? a4.mode : 'disabled', queue: a4.queue }, 'A4 printing ready');

  const reprintHold = createReprintHold({ now });
  const documentService = createDocumentService({
    renderer,
    numbers: createDocumentNumbers(journal.db),
    documents: createDocumentsRepo(journal.db, now),
    store: createDocumentStore({ dir: join(deps.dataDir, 'documents'), keepDocuments: config.documents.keepDocuments }),
    printer,
    kioskId,
    now,
    timeZone: config.timeZone,
    // The one reprint after the session ended, from memory for 10 minutes (reprint-hold.ts); never a test page.
    reprintHold: { hold: reprintHold, skipKind: (kind) => kind === TEST_PAGE_KIND },
  });

  let closed = false;
  return {
    a4Device,
    a4Check: cups ? () => checkA4Queue(cups, { queue: a4.queue, server: a4.mode === 'simulated' ? 'simulated' : a4.cupsServer }) : undefined,
    documentService,
    simulatorControls: simulated?.controls,
    warmedUp,
    async close() {
      if (closed) return;
      closed = true;
      stopFollowing?.();
      reprintHold.wipe();
      // The warm-up render touches neither the journal nor the printer: no need to wait for it.
      simulated?.dispose();
    },
  };
}
