/**
 * The services with a kiosk flow, from their one line each in modules.ts.
 * Everything else (the catalogue, availability, wording, voice, the
 * journal, the sandbox's operations, the contract fuzzer) reads their
 * descriptions from here.
 */
import * as modules from './modules';
import type { ServiceModule } from './service-module';

/** Sorted by id, so the order never depends on how the lines were written. */
export const SERVICE_MODULES: readonly ServiceModule[] = Object.values(modules as Record<string, ServiceModule>).sort((a, b) => a.id.localeCompare(b.id));

/** The module of `serviceId`, if the kiosk has its flow. */
export function serviceModule(serviceId: string): ServiceModule | undefined {
  return SERVICE_MODULES.find((module) => module.id === serviceId);
}
