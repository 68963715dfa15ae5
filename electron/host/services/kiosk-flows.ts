/**
 * The kiosk's flows: every service module's plan, built with a kit of the
 * host's adapters (back-end, A4 documents, receipt slips, outbox) and the
 * site's settings for it. A service's settings that break its schema stop
 * the host at start with a message naming the service, rather than failing
 * in front of a citizen.
 */
import type { KioskConfig } from '../config/schema';
import type { FlowService } from '../flows/flow-service';
import type { AttachmentDesk, DocumentDesk, DocumentPages, EndorsementWriterDesk, FlowKit, ProxyDesk } from '../flows/library';
import type { ApplicationQueue, HeldApplications, TicketPrinter } from '../flows/ports';
import type { PoliceGateway } from '../gateway/police-gateway';
import type { Logger } from '../log/logger';
import { createPaymentFromConfig } from '../payment/from-config';
import { createPaymentDesk, type PaymentDesk } from '../payment/payment-desk';
import { err, ok, type Result } from '../../../domain/result';
import { heldOverQueue } from '../outbox/application-queue';
import { serviceFlow } from './service-flow';
import type { ServiceModule } from './service-module';
import type { AuditLog } from '../journal/transactions-audit';

export interface KioskFlowsDeps {
  config: KioskConfig;
  modules: readonly ServiceModule[];
  gateway: PoliceGateway;
  documents: DocumentDesk;
  slips: TicketPrinter;
  applications: ApplicationQueue;
  /** Applications held until paid (the payment and submit steps); default: in memory, queued on release (not crash-safe: the host passes the outbox's). */
  heldApplications?: HeldApplications;
  /** The document camera's pages (the document capture step): every kiosk has them, a service's plan may use them. */
  documentPages: DocumentPages;
  /** The captured content an application carries (photo, prints, signature, papers), from the session. */
  attachments: AttachmentDesk;
  /** Default: the payment service the config names, with nothing journaled. */
  payment?: PaymentDesk;
  /** The station journal's audit events, for flows that record one. */
  audit?: AuditLog;
  /** 可视化代办: the hall's proxy cases (the proxyCall step). */
  proxy?: ProxyDesk;
  /** The endorsement writer (签注写卡), on a kiosk that has one. */
  endorsementWriter?: EndorsementWriterDesk;
  logger: Logger;
  now?: () => Date;
}

/** The flow services of this kiosk, or the first service whose site settings are wrong. */
export function createKioskFlows(deps: KioskFlowsDeps): Result<FlowService[], string> {
  const { config, logger } = deps;
  const flows: FlowService[] = [];
  const payment = deps.payment ?? createPaymentDesk({ ...createPaymentFromConfig(config, deps.now), logger });
  const heldApplications = deps.heldApplications ?? heldOverQueue(deps.applications);
  for (const module of deps.modules) {
    // A demonstration service has no flow on a real kiosk: it cannot be started there, whatever a client asks.
    if (module.catalogue.simulationOnly && !config.simulation) continue;
    const raw = config.services.settings[module.id];
    // A service that reads no settings refuses any (a setting nothing reads is a typo the installer must hear of).
    if (!module.settings && raw !== undefined && !isEmptyObject(raw)) return err(`services.settings.${module.id}: this service has no settings`);
    const parsed = module.settings ? module.settings.safeParse(raw ?? {}) : { success: true as const, data: undefined };
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err(`services.settings.${module.id}${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const kit: FlowKit = {
      serviceId: module.id,
      audience: module.catalogue.audience,
      serviceName: module.catalogue.name,
      gateway: deps.gateway,
      documents: deps.documents,
      slips: deps.slips,
      applications: deps.applications,
      payment,
      kioskId: config.kioskId,
      hallName: config.hallName,
      window: config.services.windows[module.catalogue.category],
      windows: config.services.windows,
      homeProvinceCode: config.services.homeProvinceCode,
      timeZone: config.timeZone,
      maxFaceAttempts: config.face.maxAttempts,
      now: deps.now ?? (() => new Date()),
      settings: parsed.data,
      documentPages: deps.documentPages,
      attachments: deps.attachments,
      heldApplications,
      ...(deps.audit ? { audit: deps.audit } : {}),
      ...(deps.endorsementWriter ? { endorsementWriter: deps.endorsementWriter } : {}),
      ...(deps.proxy ? { proxy: deps.proxy } : {}),
    };
    flows.push(serviceFlow(module, kit, (error) => logger.error({ err: error, serviceId: module.id }, 'flow fault')));
  }
  const unknown = Object.keys(config.services.settings).filter((id) => !deps.modules.some((module) => module.id === id));
  if (unknown.length > 0) return err(`services.settings: no kiosk service is called ${unknown.join(', ')}`);
  return ok(flows);
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
