/**
 * Which screens draw a service's steps. A service is one folder on the host;
 * the renderer needs a folder of its own (renderer/flows/<name>/index.ts,
 * exporting `flow: ServiceScreens`) only when the service has a screen the
 * step library does not. Every other service is drawn by the library alone,
 * so no service is named here.
 */
import { steps as library, type StepRegistry } from '../steps';
import type { ServiceScreens } from './service-screens';

const folders = import.meta.glob<{ flow: ServiceScreens }>('./*/index.ts', { eager: true });

/** Each service folder's own screens, by service id. */
const OWN: ReadonlyMap<string, Partial<StepRegistry>> = new Map(
  Object.values(folders).map(({ flow }) => [flow.serviceId, flow.steps ?? {}]),
);

/** The screens for a service's steps: its own where its folder has them, the library's otherwise. */
export function stepsFor(serviceId: string): StepRegistry {
  const own = OWN.get(serviceId);
  if (!own) return library;
  // A key present with no component (undefined) keeps the library's screen.
  const defined = Object.fromEntries(Object.entries(own).filter(([, component]) => component !== undefined));
  return { ...library, ...defined };
}

