/**
 * The police back-end as the host uses it: the gateway the config names
 * (or an injected one), the encrypted outbox in the journal, its background
 * sender, and the flows' ApplicationQueue over them.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../config/schema';
import { err, ok, type Result } from '../../../domain/result';
import type { ApplicationQueue, HeldApplications } from '../flows/ports';
import { createGatewayFromConfig } from './from-config';
import type { LinkWatcher } from './http-gateway';
import type { PoliceGateway } from './police-gateway';
import type { SandboxFaceMatcher, SandboxGateway } from './sandbox-gateway';
import type { Logger } from '../log/logger';
import { createOutboxApplicationQueue, createOutboxHeldApplications, createOutboxSender, type OutboxEvent, createOutboxStore, deliverThroughGateway, loadOutboxKey, OUTBOX_KEY_FILE, type OutboxSender, type OutboxStore } from '../outbox';
import { createJournalSandboxSequences } from '../journal/backend-numbers';

export interface Backend {
  readonly gateway: PoliceGateway;
  /** The embedded sandbox when the config chose it (simulation helpers such as face enrolment). */
  readonly sandbox?: SandboxGateway;
  readonly outbox: OutboxStore;
  readonly sender: OutboxSender;
  readonly applications: ApplicationQueue;
  /** Applications held in the outbox until their fee is paid (the payment and submit steps). */
  readonly heldApplications: HeldApplications;
}

export interface BackendDeps {
  config: KioskConfig;
  db: Database;
  /** The key store's folder (outside the data folder): the outbox key lives there. */
  keyDir: string;
  logger: Logger;
  /** Replaces the configured gateway (tests). */
  gateway?: PoliceGateway;
  /** How the sandbox back-end compares faces (the sandbox only). */
  faceMatcher?: SandboxFaceMatcher;
  /** Hears of every outbox delivery outcome (the payment settlement settles orders by them). */
  onOutboxEvent?: (event: OutboxEvent) => void;
  /** Hears about refusals of the HTTP back-end's link (the staff alerts). */
  linkWatcher?: LinkWatcher;
  now?: () => Date;
}

/** Composes the back-end; fails (with a message naming the cause) when the gateway or the outbox key cannot be had. */
export function createBackend(deps: BackendDeps): Result<Backend, string> {
  const { config, logger } = deps;
  let gateway = deps.gateway;
  let sandbox: SandboxGateway | undefined;
  if (!gateway) {
    const backend = config.backend;
    const built = createGatewayFromConfig(backend, {
      ...(backend.kind === 'sandbox' && backend.latency ? { sandboxLatency: backend.latency } : {}),
      ...(backend.kind === 'sandbox' && backend.dataPath ? { sandboxDataPath: backend.dataPath } : {}),
      sequences: createJournalSandboxSequences(deps.db),
      ...(deps.faceMatcher ? { faceMatcher: deps.faceMatcher } : {}),
      faceThreshold: config.face.matchThreshold,
      timeZone: config.timeZone,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.linkWatcher ? { linkWatcher: deps.linkWatcher } : {}),
    });
    if ('error' in built) return err(built.error);
    gateway = built.gateway;
    sandbox = built.sandbox;
  }
  const key = loadOutboxKey({ keyFile: join(deps.keyDir, OUTBOX_KEY_FILE) });
  if (!key.ok) return err(`outbox key: ${key.error.kind}${'path' in key.error ? ` (${key.error.path})` : ''}`);
  const outbox = createOutboxStore({ db: deps.db, key: key.value, ...(deps.now ? { now: deps.now } : {}) });
  const log = logger.child({ component: 'outbox' });
  const sender = createOutboxSender({
    store: outbox,
    deliver: deliverThroughGateway(gateway),
    pollMs: config.outbox.pollMs,
    backoff: { baseMs: config.outbox.backoffBaseMs, maxMs: config.outbox.backoffMaxMs },
    ...(deps.now ? { now: deps.now } : {}),
    onEvent: (event) => {
      if (event.kind === 'delivered') log.info(event, 'outbox');
      else log.warn(event, 'outbox');
      deps.onOutboxEvent?.(event);
    },
  });
  return ok({
    gateway,
    ...(sandbox ? { sandbox } : {}),
    outbox,
    sender,
    applications: createOutboxApplicationQueue({ store: outbox, sender, kioskId: config.kioskId }),
    heldApplications: createOutboxHeldApplications({ store: outbox, sender, kioskId: config.kioskId }),
  });
}
