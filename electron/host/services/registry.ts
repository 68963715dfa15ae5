/**
 * The services with a kiosk flow: one line each. Everything else (the
 * catalogue, availability, wording, voice, the journal, the sandbox's
 * operations, the contract fuzzer) reads their descriptions from here.
 */
import noCriminalRecord from './no-criminal-record';
import type { ServiceModule } from './service-module';

export const SERVICE_MODULES: readonly ServiceModule[] = [
  noCriminalRecord,
];

/** The module of `serviceId`, if the kiosk has its flow. */
export function serviceModule(serviceId: string): ServiceModule | undefined {
  return SERVICE_MODULES.find((module) => module.id === serviceId);
}
