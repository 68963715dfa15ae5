/**
 * The hall console ↔ hall server API (issue 18): HTTP JSON under `/api`, and
 * one WebSocket at `/api/live` that pushes changes. The server implements it
 * (`hall/server/http/`), the console calls it (`hall/console/api/`).
 *
 * Auth: `POST /api/login` sets an HttpOnly, SameSite=Strict cookie `hall_session`
 * and answers a `csrfToken`; every other mutating request carries it in the
 * `x-csrf-token` header (403 `csrf` otherwise). 401 `signedOut` without a
 * session. Errors are `{ error: <code>, … }` with the codes below; the console
 * words them in the officer's language.
 *
 * | method | path | body | answer | role |
 * |---|---|---|---|---|
 * | POST | /api/login | {@link LoginRequest} | {@link LoginAnswer} | — |
 * | POST | /api/logout | — | `{}` | any |
 * | GET | /api/me | — | {@link LoginAnswer} | any |
 * | GET | /api/kiosks | — | {@link KioskView}[] | any |
 * | POST | /api/kiosks/:kioskId/commands | {@link KioskCommand} | {@link CommandSent} | any (outOfService: supervisor) |
 * | GET | /api/alerts?state=open\|all | — | {@link AlertView}[] | any |
 * | POST | /api/alerts/:id/acknowledge, /resolve | — | {@link AlertView} | any |
 * | GET | /api/help-calls?state=open\|all | — | {@link HelpCallView}[] | any |
 * | POST | /api/help-calls/:callId/claim | {@link ClaimRequest} | {@link HelpCallView} | any |
 * | POST | /api/help-calls/:callId/resolve | — | {@link HelpCallView} | any |
 * | GET | /api/supervision | — | {@link SupervisedSession}[] | any |
 * | GET | /api/stats?{@link StatsQuery} | — | {@link StatsAnswer} | any |
 * | GET | /api/stats/dropoff?serviceId&from&to | — | {@link DropOffAnswer} | any |
 * | GET | /api/stats.csv?{@link StatsQuery} | — | text/csv (UTF-8 with BOM) | any |
 * | GET | /api/staff | — | {@link KioskStaffView}[] | supervisor |
 * | POST | /api/staff | {@link KioskStaffRequest} | {@link KioskStaffView} | supervisor |
 * | DELETE | /api/staff/:staffNumber | — | `{}` | supervisor |
 *
 * WebSocket `/api/live` (same cookie; Origin checked): server → console
 * messages {@link LiveMessage}, one per change.
 */
import { z } from 'zod';
import { CurrentSession, KioskCommand, KioskStatusMessage } from '../../electron/contract/hall-link';
import { HelpReason, ServiceCategory } from '../../electron/contract/domain';
import { validateIdNumber } from '../../domain/id-number';
import { ProxyCaseView } from '../../electron/contract/proxy';

export { KioskCommand };

export const ApiError = z.object({
  error: z.enum(['badRequest', 'badCredentials', 'lockedOut', 'signedOut', 'csrf', 'forbidden', 'notFound', 'conflict', 'kioskOffline', 'internal']),
  /** For `lockedOut`: when the account opens again. */
  until: z.string().datetime().optional(),
  /** For `badRequest`: which field. */
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Role = z.enum(['officer', 'supervisor']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;
export const LoginAnswer = z.object({
  officer: z.object({ username: z.string(), displayName: z.string(), role: Role }),
  csrfToken: z.string(),
});
export type LoginAnswer = z.infer<typeof LoginAnswer>;

export const KioskView = z.object({
  kioskId: z.string(),
  online: z.boolean(),
  /** Last message of any kind from the kiosk. */
  lastSeen: z.string().datetime().nullable(),
  status: KioskStatusMessage.nullable(),
  openAlerts: z.number().int().nonnegative(),
  waitingHelpCalls: z.number().int().nonnegative(),
});
export type KioskView = z.infer<typeof KioskView>;

export const CommandSent = z.object({ commandId: z.string() });
export type CommandSent = z.infer<typeof CommandSent>;

export const AlertState = z.enum(['open', 'acknowledged', 'resolved']);
export const AlertView = z.object({
  id: z.string(),
  kioskId: z.string(),
  kind: z.string(),
  messageKey: z.string(),
  deviceId: z.string().nullable(),
  raisedAt: z.string().datetime(),
  state: AlertState,
  acknowledgedBy: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

export const HelpCallState = z.enum(['waiting', 'claimed', 'resolved', 'withdrawn']);
export const HelpCallView = z.object({
  callId: z.string(),
  kioskId: z.string(),
  reason: HelpReason,
  serviceId: z.string().nullable(),
  step: z.string().nullable(),
  queuedAt: z.string().datetime(),
  state: HelpCallState,
  claimedBy: z.string().nullable(),
  claimedAt: z.string().datetime().nullable(),
  etaMinutes: z.number().int().nullable(),
  resolvedAt: z.string().datetime().nullable(),
});
export type HelpCallView = z.infer<typeof HelpCallView>;
export const ClaimRequest = z.object({ etaMinutes: z.number().int().min(0).max(60) });

export const SupervisedSession = z.object({ kioskId: z.string(), session: CurrentSession, updatedAt: z.string().datetime() });
export type SupervisedSession = z.infer<typeof SupervisedSession>;

/** Dates are the hall's local calendar days (`YYYY-MM-DD`, inclusive), in the hall's time zone. */
export const StatsQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  groupBy: z.enum(['service', 'category', 'kiosk', 'day', 'month']),
  category: ServiceCategory.optional(),
  serviceId: z.string().max(64).optional(),
  kioskId: z.string().max(64).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Figures = z.object({
  sessions: z.number().int().nonnegative(),
  /** Sessions whose outcome is `completed` (an application made, a certificate printed). */
  completed: z.number().int().nonnegative(),
  averageSeconds: z.number().nonnegative().nullable(),
  feeFen: z.number().int().nonnegative(),
});
export const StatsRow = Figures.extend({ key: z.string() });
export const StatsAnswer = z.object({
  query: StatsQuery,
  rows: z.array(StatsRow),
  total: Figures,
  /** The same length of time just before (环比), and the same dates a year earlier (同比); change as a ratio of `completed` (0.529 = +52.9 %), null when the base is 0. */
  previousPeriod: Figures.extend({ from: z.string(), to: z.string(), change: z.number().nullable() }),
  yearEarlier: Figures.extend({ from: z.string(), to: z.string(), change: z.number().nullable() }),
});
export type StatsAnswer = z.infer<typeof StatsAnswer>;

export const DropOffAnswer = z.object({
  serviceId: z.string(),
  /** Sessions not completed, by the step they ended on, most first. */
  steps: z.array(z.object({ step: z.string(), sessions: z.number().int().nonnegative() })),
});
export type DropOffAnswer = z.infer<typeof DropOffAnswer>;

/** Officers who may sign in at kiosks (pushed to kiosks as the allow-list). */
export const KioskStaffRequest = z.object({
  staffNumber: z.string().regex(/^[A-Za-z0-9]{4,16}$/),
  name: z.string().min(1).max(32),
  /** The officer's resident ID number; the server keeps only its digest and masked form. */
  idNumber: z.string().regex(/^\d{17}[\dXx]$/).refine((n) => validateIdNumber(n).ok, 'not a valid ID number (province, birth date or check character)'),
  role: Role,
  /** Six digits; the server keeps only its argon2id hash. */
  pin: z.string().regex(/^\d{6}$/),
});
export type KioskStaffRequest = z.infer<typeof KioskStaffRequest>;
export const KioskStaffView = z.object({ staffNumber: z.string(), nameMasked: z.string(), idNumberMasked: z.string(), role: Role, updatedAt: z.string().datetime() });
export type KioskStaffView = z.infer<typeof KioskStaffView>;

export const LiveMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('kiosk'), kiosk: KioskView }),
  z.object({ type: z.literal('alert'), alert: AlertView }),
  z.object({ type: z.literal('helpCall'), call: HelpCallView }),
  z.object({ type: z.literal('supervision'), kioskId: z.string(), session: SupervisedSession.nullable() }),
  /** 可视化代办 (issue 19): a proxy case changed (masked view). */
  z.object({ type: z.literal('proxyCase'), case: ProxyCaseView }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;
