/** Every event the host pushes to the renderer, with its payload schema. */
import { z } from 'zod';
import { DeviceStatus, HelpReason, ServiceEntry, MaskedIdentity, SessionEndReason, SessionInfo, StudioPhotoOutcome } from './domain';
import { FlowView } from './flows';
import { StaffEvents } from './staff';
import { ProxySignalEvent } from './proxy';

export const Events = {
  'devices.changed': z.object({ devices: z.array(DeviceStatus) }),
  'session.ended': z.object({ sessionId: z.string(), reason: SessionEndReason }),
  /** A card placed at the attract screen started a session with its identity (masked). */
  'session.started': z.object({ session: SessionInfo, identity: MaskedIdentity.nullable() }),
  /** A card was read during a session (masked; the session holds the full identity on the host). */
  'identity.read': z.object({ sessionId: z.string(), identity: MaskedIdentity }),
  /** A card was in the field but could not be read or is not usable. */
  'identity.readFailed': z.object({ messageKey: z.string() }),
  /** A code scanner read a code (a payment or appointment code, a URL). May be personal data: never logged. */
  'scanner.scanned': z.object({ deviceId: z.string(), text: z.string().max(4096) }),
  /** A photo studio's receipt code was scanned at a photo step that takes receipts: the photo the host fetched and checked, or why none. */
  'photo.studioScanned': z.object({ sessionId: z.string(), outcome: StudioPhotoOutcome }),
  /** A help call was raised (for staff screens and the citizen's confirmation). */
  /** Something hall staff should act on (paper, jams, devices down, failed prints); never personal data. */
  'staff.alert': z.object({
    kind: z.enum(['paperLow', 'paperOut', 'jammed', 'deviceDown', 'printFailed', 'backendLinkRefused', 'payment']),
    deviceId: z.string().optional(),
    /** For `backendLinkRefused`: what the kiosk refused (an untrusted server, a redirect …), never what was sent. */
    reason: z
      .enum(['serverUntrusted', 'serverNameMismatch', 'pinMismatch', 'clientCertRejected', 'handshakeFailed', 'redirect', 'responseTooLarge'])
      .optional(),
    deviceKind: z.string(),
    messageKey: z.string(),
    documentNumber: z.string().optional(),
    /** For `payment`: the order staff must settle by hand, and what is wrong with it (no personal data). */
    orderNo: z.string().max(64).optional(),
    paymentIssue: z.enum(['refundFailed', 'paidNotDelivered', 'walkedAwayAfterPaying', 'reconcileMismatch']).optional(),
    kioskId: z.string(),
    at: z.string().datetime(),
  }),
  'help.requested': z.object({ callId: z.string(), reason: HelpReason, step: z.string().optional(), kioskId: z.string(), queuedAt: z.string().datetime() }),
  /** Availability of services changed (a device went down or came back). */
  'catalogue.changed': z.object({ services: z.array(ServiceEntry) }),
  /** The session's flow moved on (a step changed, a back-end answer or face result arrived). */
  'flow.changed': z.object({ sessionId: z.string(), view: FlowView }),
  'host.status': z.object({ state: z.enum(['ready', 'restarting']) }),
  /** The kiosk was put out of service (by staff at the kiosk or from the hall console) or back in service (`outOfService: null`). */
  'kiosk.serviceState': z.object({
    outOfService: z.object({ message: z.string().max(200), since: z.string().datetime(), by: z.enum(['kiosk', 'hall']) }).nullable(),
  }),
  /** Hall staff sent the citizen a line to read on the current screen. */
  'hall.hint': z.object({ sessionId: z.string(), text: z.string().min(1).max(120) }),
  /** Hall staff answered a help call: claimed (someone is coming, in about `etaMinutes`) or resolved. */
  'help.answered': z.object({ callId: z.string(), state: z.enum(['claimed', 'resolved']), etaMinutes: z.number().int().min(0).max(60).nullable() }),
  /** Hall staff gave the citizen more time on the current step: the idle warning starts over with this much more. */
  'session.extended': z.object({ sessionId: z.string(), seconds: z.number().int().positive() }),
  /** 可视化代办: a WebRTC signalling message for the kiosk's side of the call, relayed by the host from the hall. */
  'proxy.signal': ProxySignalEvent,
  /** Hall staff at the kiosk (staff.ts). */
  ...StaffEvents,
} as const;

export type EventName = keyof typeof Events;
export type EventPayload<E extends EventName> = z.infer<(typeof Events)[E]>;

/** True when `name` is an event the contract knows. */
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(Events, name);
}
