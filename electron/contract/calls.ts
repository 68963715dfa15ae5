/**
 * Every call the renderer may make, with its params and result schemas.
 * The host validates params against these before any handler runs.
 */
import { z } from 'zod';
import { DeviceStatus, HelpReason, ServiceEntry, IdNumberFeedback, Identity, KioskInfo, SessionEndReason, SessionInfo } from './domain';

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
  /** The open session and its identity, e.g. after the renderer reloaded mid-session. */
  'session.current': {
    params: z.object({}).strict(),
    result: z.object({ session: SessionInfo.nullable(), identity: Identity.nullable() }),
  },
  /** Language or elder mode changed mid-session (receipts and speech follow it). */
  'session.preferences': {
    params: z.object({ sessionId: z.string(), language: z.enum(['zh-CN', 'en']), elderMode: z.boolean() }).strict(),
    result: SessionInfo,
  },
  /** The citizen is still active: pushes back the host's own idle backstop. */
  'session.activity': {
    params: z.object({ sessionId: z.string() }).strict(),
    result: z.object({ backstopMs: z.number().int() }),
  },
  /** Live keypad feedback for a partly typed ID number; decides nothing. */
  'identity.checkIdNumber': {
    params: z.object({ idNumber: z.string().max(18).regex(/^[0-9Xx]*$/) }).strict(),
    result: IdNumberFeedback,
  },
  /** The citizen typed their ID number instead of placing the card. */
  'identity.typed': {
    params: z.object({ sessionId: z.string(), idNumber: z.string().max(18).regex(/^[0-9Xx]*$/) }).strict(),
    result: Identity,
  },
  /** 呼叫工作人员: raises a help call to hall staff. */
  'help.request': {
    params: z.object({ sessionId: z.string().nullable(), reason: HelpReason, step: z.string().max(64).optional() }).strict(),
    result: z.object({ callId: z.string(), queuedAt: z.string().datetime() }),
  },
  /** The hall's services for the home screen, greyed where a needed device is down. */
  'catalogue.list': {
    params: z.object({}).strict(),
    result: z.object({ services: z.array(ServiceEntry) }),
  },
  /** Device dock (simulation only): what can be simulated. */
  'dock.state': {
    params: z.object({}).strict(),
    result: z.object({
      enabled: z.boolean(),
      sampleCards: z.array(z.object({ id: z.string(), label: z.string() })),
      devices: z.array(z.object({ id: z.string(), kind: z.string(), plugged: z.boolean(), cardPresent: z.boolean().optional() })),
    }),
  },
  /** Device dock: act on a simulated device, as a cleaner or a citizen would. */
  'dock.act': {
    params: z.discriminatedUnion('action', [
      z.object({ action: z.literal('placeCard'), deviceId: z.string().max(64), sampleCard: z.string().max(64).regex(/^[a-z0-9-]+$/) }).strict(),
      z.object({ action: z.literal('removeCard'), deviceId: z.string().max(64) }).strict(),
      z.object({ action: z.literal('unplug'), deviceId: z.string().max(64) }).strict(),
      z.object({ action: z.literal('replug'), deviceId: z.string().max(64) }).strict(),
      z.object({ action: z.literal('samFault'), deviceId: z.string().max(64), code: z.number().int().min(0).max(255).nullable() }).strict(),
    ]),
    result: z.object({ done: z.literal(true) }),
  },
} as const;

export type CallName = keyof typeof Calls;
export type CallParams<M extends CallName> = z.input<(typeof Calls)[M]['params']>;
export type CallResult<M extends CallName> = z.infer<(typeof Calls)[M]['result']>;

/** True when `name` is a call the contract knows. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(Calls, name);
}
