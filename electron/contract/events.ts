/** Every event the host pushes to the renderer, with its payload schema. */
import { z } from 'zod';
import { DeviceStatus, SessionEndReason } from './domain';

export const Events = {
  'devices.changed': z.object({ devices: z.array(DeviceStatus) }),
  'session.ended': z.object({ sessionId: z.string(), reason: SessionEndReason }),
  'host.status': z.object({ state: z.enum(['ready', 'restarting']) }),
} as const;

export type EventName = keyof typeof Events;
export type EventPayload<E extends EventName> = z.infer<(typeof Events)[E]>;

/** True when `name` is an event the contract knows. */
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(Events, name);
}
