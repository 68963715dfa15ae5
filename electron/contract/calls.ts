/**
 * Every call the renderer may make, with its params and result schemas.
 * The host validates params against these before any handler runs.
 */
import { z } from 'zod';
import { DeviceStatus, KioskInfo, SessionEndReason, SessionInfo } from './domain';

export const Calls = {
  'kiosk.info': { params: z.object({}).strict(), result: KioskInfo },
  'devices.list': { params: z.object({}).strict(), result: z.array(DeviceStatus) },
  'session.start': {
    params: z.object({ language: z.enum(['zh-CN', 'en']), elderMode: z.boolean() }).strict(),
    result: SessionInfo,
  },
  'session.end': {
    params: z.object({ sessionId: z.string(), reason: SessionEndReason }).strict(),
    result: z.object({ ended: z.boolean() }),
  },
} as const;

export type CallName = keyof typeof Calls;
export type CallParams<M extends CallName> = z.input<(typeof Calls)[M]['params']>;
export type CallResult<M extends CallName> = z.infer<(typeof Calls)[M]['result']>;

/** True when `name` is a call the contract knows. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(Calls, name);
}
