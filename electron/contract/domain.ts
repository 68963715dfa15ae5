/** Domain types that cross the renderer/host boundary. */
import { z } from 'zod';

export const DeviceKind = z.enum(['idcard', 'receiptPrinter', 'a4Printer', 'camera', 'scanner', 'fingerprint']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** XFS4IoT-style device state (DOMAIN.md §7), plus `starting`. */
export const DeviceState = z.enum(['starting', 'online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy']);
export type DeviceState = z.infer<typeof DeviceState>;

/** Media state where a device has one: a card in the field, paper in a printer. */
export const MediaState = z.enum(['unknown', 'present', 'absent', 'low', 'out', 'jammed']);
export type MediaState = z.infer<typeof MediaState>;

export const DeviceStatus = z.object({
  id: z.string().min(1).max(64),
  kind: DeviceKind,
  simulated: z.boolean(),
  state: DeviceState,
  media: MediaState.optional(),
  /** i18n key describing the state for people, e.g. `devices.state.noDevice`. */
  messageKey: z.string().max(128),
  /** Technical detail for staff (never personal data). */
  detail: z.string().max(500).optional(),
  since: z.string().datetime(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const KioskInfo = z.object({
  hallName: z.string(),
  kioskId: z.string(),
  version: z.string(),
  protocolVersion: z.number().int(),
  simulation: z.boolean(),
  backend: z.enum(['sandbox', 'http']),
  defaultLanguage: z.enum(['zh-CN', 'en']),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const SessionEndReason = z.enum(['finished', 'cancelled', 'timeout', 'crashed', 'hostRestart']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

export const SessionInfo = z.object({
  sessionId: z.string(),
  startedAt: z.string().datetime(),
  language: z.enum(['zh-CN', 'en']),
  elderMode: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/**
 * Who is at the kiosk, as the citizen's own screen shows it. The full ID
 * number appears only here (the citizen's own screen); everything else
 * (logs, staff screens, paper) uses `idNumberMasked`.
 */
export const Identity = z.object({
  source: z.enum(['card', 'typed']),
  cardType: z.enum(['resident', 'hmt', 'foreigner']).nullable(),
  /** Name as on the card; null when the ID number was typed. */
  name: z.string().nullable(),
  idNumber: z.string(),
  idNumberMasked: z.string(),
  idNumberValid: z.boolean(),
  /** `YYYY-MM-DD` or `long-term`; null when typed. */
  validTo: z.string().nullable(),
  /** True when the card's validity has ended. */
  expired: z.boolean(),
});
export type Identity = z.infer<typeof Identity>;

/** Live feedback for a partly typed ID number (keypad). */
export const IdNumberFeedback = z.object({
  state: z.enum(['incomplete', 'valid', 'invalid']),
  /** i18n key of the reason when invalid, e.g. `idNumber.checksum`. */
  reasonKey: z.string().optional(),
});
export type IdNumberFeedback = z.infer<typeof IdNumberFeedback>;

export const HelpReason = z.enum(['button', 'repeatedErrors', 'faceCheckFailed', 'deviceFault', 'idleNeedsHelp']);
export type HelpReason = z.infer<typeof HelpReason>;

export const ServiceCategory = z.enum(['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy']);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/** One service of the hall as the home screen shows it. */
export const ServiceEntry = z.object({
  id: z.string(),
  category: ServiceCategory,
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** `kiosk`: done here; `counter`: the kiosk gives a queue ticket for a window. */
  handling: z.enum(['kiosk', 'counter']),
  /** Fee in fen (CNY cents); 0 = free. */
  feeFen: z.number().int().min(0),
  /** Whether it can be started now; when not, why (i18n key), e.g. a needed device is down. */
  available: z.boolean(),
  reasonKey: z.string().optional(),
  /** Counter window for `counter` services, e.g. `3号窗口`. */
  window: z.string().optional(),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;
