/**
 * The services that have a kiosk flow, with their dependencies bound to the
 * host's adapters (A4 certificates, receipt slips, the back-end and its
 * outbox). Adding a kiosk flow adds one entry here.
 */
import type { KioskConfig } from '../config/schema';
import type { FlowService } from '../flows/flow-service';
import type { ApplicationQueue, TicketPrinter } from '../flows/ports';
import type { PoliceGateway } from '../gateway/police-gateway';
import type { Logger } from '../log/logger';
import { createNoCriminalRecordService, type CertificatePrinter } from '../services/no-criminal-record';

export interface KioskServicesDeps {
  config: KioskConfig;
  gateway: PoliceGateway;
  certificatePrinter: CertificatePrinter;
  ticketPrinter: TicketPrinter;
  applications: ApplicationQueue;
  logger: Logger;
  now?: () => Date;
}

/** The flow services of this kiosk. */
export function createKioskServices(deps: KioskServicesDeps): FlowService[] {
  const { config, logger } = deps;
  return [
    createNoCriminalRecordService(
      {
        gateway: deps.gateway,
        certificatePrinter: deps.certificatePrinter,
        ticketPrinter: deps.ticketPrinter,
        applications: deps.applications,
        kioskId: config.kioskId,
        windows: config.services.windows,
        homeProvinceCode: config.services.homeProvinceCode,
        timeZone: config.timeZone,
        maxFaceAttempts: config.face.maxAttempts,
        ...(deps.now ? { now: deps.now } : {}),
      },
      (error) => logger.error({ err: error, serviceId: 'no-criminal-record' }, 'flow fault'),
    ),
  ];
}
