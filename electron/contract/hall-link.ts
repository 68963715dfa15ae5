/**
 * The kiosk ↔ hall link over MQTT 5 (issue 18; ARCHITECTURE §7): topics and
 * the payload of each, shared by the kiosk host (`electron/host/hall-link/`)
 * and the hall server (`hall/server/`). Every payload is JSON, validated on
 * arrival with these schemas: a broker or a peer never vouches for itself.
 *
 * Topics (a kiosk's MQTT username is its kiosk id; the broker's ACL lets it
 * write only under `onedoor/v1/kiosk/<its id>/…` and read only its own
 * commands and `onedoor/v1/hall/…`):
 *
 * | topic | from | QoS | retained | payload |
 * |---|---|---|---|---|
 * | `…/kiosk/<id>/online` | kiosk (and its last will) | 1 | yes | {@link KioskOnline} |
 * | `…/kiosk/<id>/status` | kiosk | 1 | yes | {@link KioskStatusMessage} |
 * | `…/kiosk/<id>/alert` | kiosk | 1 | no | {@link KioskAlertMessage} |
 * | `…/kiosk/<id>/help` | kiosk | 1 | no | {@link HelpCallMessage} |
 * | `…/kiosk/<id>/supervision` | kiosk | 1 | no | {@link SupervisionMessage} |
 * | `…/kiosk/<id>/journal` | kiosk (outbox) | 1 | no | {@link JournalBatch} |
 * | `…/kiosk/<id>/command/ack` | kiosk | 1 | no | {@link CommandAck} |
 * | `…/kiosk/<id>/command` | hall server | 1 | no | {@link KioskCommandMessage} |
 * | `…/hall/staff` | hall server | 1 | yes | {@link StaffAllowList} |
 *
 * Nothing on the link is personal data in the clear: identities are masked
 * (`4104**********1230`, `张*`), no images, no full numbers. Journal rows are
 * delivered at least once by the kiosk's outbox and stored exactly once by
 * the hall (primary key: kiosk id + row id).
 */
import { z } from 'zod';
import { Consumable, DeviceStatus, HelpReason, ServiceCategory } from './domain';

export { Consumable };
import { Events } from './events';

import { HALL_LINK_ROOT, MaskedIdNumber, MaskedName } from './hall-link-base';
export { HALL_LINK_ROOT, MaskedIdNumber, MaskedName } from './hall-link-base';

/** A kiosk id as it may appear in a topic and as an MQTT username: no wildcards, separators or spaces. */
export const KioskId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);

export const kioskTopic = {
  online: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/online`,
  status: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/status`,
  alert: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/alert`,
  help: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/help`,
  supervision: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/supervision`,
  journal: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/journal`,
  command: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/command`,
  commandAck: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/command/ack`,
} as const;
export const hallTopic = { staff: `${HALL_LINK_ROOT}/hall/staff` } as const;
/** What the hall server subscribes to (shared subscription friendly: one level per kiosk). */
export const KIOSK_WILDCARD = `${HALL_LINK_ROOT}/kiosk/+/#`;

export type KioskTopicKind = 'online' | 'status' | 'alert' | 'help' | 'supervision' | 'journal' | 'command' | 'commandAck';

/** Splits a topic into its kiosk id and kind; null for anything else (a hostile or foreign topic). */
export function parseKioskTopic(topic: string): { kioskId: string; kind: KioskTopicKind } | null {
  const prefix = `${HALL_LINK_ROOT}/kiosk/`;
  if (!topic.startsWith(prefix)) return null;
  const [kioskId, ...rest] = topic.slice(prefix.length).split('/');
  if (!kioskId || !KioskId.safeParse(kioskId).success) return null;
  const tail = rest.join('/');
  const kinds: Record<string, KioskTopicKind> = {
    online: 'online', status: 'status', alert: 'alert', help: 'help', supervision: 'supervision', journal: 'journal', command: 'command', 'command/ack': 'commandAck',
  };
  const kind = kinds[tail];
  return kind ? { kioskId, kind } : null;
}

const At = z.string().datetime();

/** Retained; the kiosk's last will sets `online: false`. */
export const KioskOnline = z.object({ online: z.boolean(), at: At.optional() });
export type KioskOnline = z.infer<typeof KioskOnline>;


/** What the citizen is doing now, with no personal data beyond masked identity. */
export const CurrentSession = z.object({
  /** Opaque per-session id (a random UUID, never derived from the person). */
  sessionId: z.string().max(64),
  serviceId: z.string().max(64).nullable(),
  category: ServiceCategory.nullable(),
  step: z.string().max(64).nullable(),
  stepSince: At.nullable(),
  startedAt: At,
  nameMasked: MaskedName.nullable(),
  idNumberMasked: MaskedIdNumber.nullable(),
});
export type CurrentSession = z.infer<typeof CurrentSession>;

/** Retained status, republished on every change and every `statusIntervalSeconds` (default 10). */
export const KioskStatusMessage = z.object({
  kioskId: KioskId,
  hallName: z.string().max(100),
  version: z.string().max(32),
  at: At,
  /** null while in service; the message shown to citizens otherwise. */
  outOfService: z.object({ message: z.string().max(200), since: At }).nullable(),
  devices: z.array(DeviceStatus).max(32),
  consumables: z.array(Consumable).max(16),
  session: CurrentSession.nullable(),
  /** The officer signed in at the kiosk (masked), if any. */
  staffSignedIn: z.object({ staffNumber: z.string().max(32), nameMasked: MaskedName }).nullable(),
  /** Journal rows still waiting in the kiosk's outbox (catch-up progress). */
  journalBacklog: z.number().int().nonnegative(),
});
export type KioskStatusMessage = z.infer<typeof KioskStatusMessage>;

/** A staff alert, as the kiosk's `staff.alert` event carries it, with a stable id for dedup. */
export const KioskAlertMessage = z.object({ alertId: z.string().max(64), alert: Events['staff.alert'] });
export type KioskAlertMessage = z.infer<typeof KioskAlertMessage>;

/** A help call raised, or withdrawn (the session ended or the citizen cancelled). */
export const HelpCallMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('raised'),
    callId: z.string().max(64),
    reason: HelpReason,
    serviceId: z.string().max(64).nullable(),
    step: z.string().max(64).nullable(),
    queuedAt: At,
  }),
  z.object({ type: z.literal('withdrawn'), callId: z.string().max(64), at: At }),
]);
export type HelpCallMessage = z.infer<typeof HelpCallMessage>;

/** Each change of what the citizen is doing (started, a new step, ended). */
export const SupervisionMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), session: CurrentSession, at: At }),
  z.object({ type: z.literal('ended'), sessionId: z.string().max(64), outcome: z.string().max(32), at: At }),
]);
export type SupervisionMessage = z.infer<typeof SupervisionMessage>;

/** One finished session, as the hall's statistics need it (masked, no documents). */
export const SessionRow = z.object({
  type: z.literal('session'),
  /** Unique within the kiosk and stable across re-sends (the hall's dedup key with the kiosk id). */
  rowId: z.string().min(1).max(80),
  sessionId: z.string().max(64),
  serviceId: z.string().max(64).nullable(),
  category: ServiceCategory.nullable(),
  /** `completed`, `abandoned`, `referred`, `refused`, `timeout`, `noService`… as the kiosk journal records it. */
  outcome: z.string().max(32),
  startedAt: At,
  endedAt: At,
  /** The step the citizen was on when the session ended (drop-off by step). */
  lastStep: z.string().max(64).nullable(),
  feeFen: z.number().int().nonnegative(),
  idNumberMasked: MaskedIdNumber.nullable(),
});
export type SessionRow = z.infer<typeof SessionRow>;

/** One audit event (staff actions at the kiosk with the officer masked; host actions). */
export const AuditRow = z.object({
  type: z.literal('audit'),
  rowId: z.string().min(1).max(80),
  at: At,
  actor: z.enum(['citizen', 'staff', 'host', 'backend']),
  action: z.string().max(64),
  subject: z.string().max(128).nullable(),
  /** No personal data: the kiosk's audit details are written without it. */
  detail: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const JournalRow = z.discriminatedUnion('type', [SessionRow, AuditRow]);
export type JournalRow = z.infer<typeof JournalRow>;

/** Rows in order; a batch may repeat rows already sent (the hall ignores them). */
export const JournalBatch = z.object({ batchId: z.string().max(64), rows: z.array(JournalRow).min(1).max(500) });
export type JournalBatch = z.infer<typeof JournalBatch>;

/**
 * The session the officer was watching when they sent a hint, more time or the end of a session: the kiosk
 * refuses the command (`noSession`) when another citizen's session is on, so a late or re-delivered command
 * never reaches the next person.
 */
const SupervisedSessionId = z.string().max(64);

/** What hall staff may ask of a kiosk. */
export const KioskCommand = z.discriminatedUnion('type', [
  /** A line shown to the citizen on the current screen ("请把身份证放在感应区"). */
  z.object({ type: z.literal('hint'), text: z.string().min(1).max(120), sessionId: SupervisedSessionId.optional() }),
  /** More time on the current step before the idle warning. */
  z.object({ type: z.literal('moreTime'), seconds: z.number().int().min(30).max(600), sessionId: SupervisedSessionId.optional() }),
  z.object({ type: z.literal('endSession'), sessionId: SupervisedSessionId.optional() }),
  /** `message` null puts the kiosk back in service. */
  z.object({ type: z.literal('outOfService'), message: z.string().min(1).max(200).nullable() }),
  /** A help call was claimed: the kiosk says "staff are coming: N min". */
  z.object({ type: z.literal('helpClaimed'), callId: z.string().max(64), etaMinutes: z.number().int().min(0).max(60) }),
  z.object({ type: z.literal('helpResolved'), callId: z.string().max(64) }),
]);
export type KioskCommand = z.infer<typeof KioskCommand>;

export const KioskCommandMessage = z.object({
  commandId: z.string().max(64),
  at: At,
  /** The officer who sent it (masked staff identity, for the kiosk's audit). */
  by: z.object({ username: z.string().max(64), role: z.enum(['officer', 'supervisor']) }),
  command: KioskCommand,
});
export type KioskCommandMessage = z.infer<typeof KioskCommandMessage>;

export const CommandAck = z.object({
  commandId: z.string().max(64),
  outcome: z.enum(['done', 'noSession', 'refused']),
  at: At,
});
export type CommandAck = z.infer<typeof CommandAck>;

/**
 * How an officer's ID number becomes the allow-list's `idDigest`: argon2id of
 * the upper-cased number, salted with the hall's `staffIdKey` (32 bytes, hex
 * in config and in each kiosk's credential file), 32 bytes out, as hex. A slow
 * function, not a plain HMAC: the key sits on every kiosk and the masked
 * number gives away 8 of 18 characters, so a fast digest could be reversed by
 * trying the ~10⁶ remaining numbers in seconds; at these costs that takes
 * CPU-days per officer. One card read costs the kiosk one digest (~20 ms).
 */
export const STAFF_ID_DIGEST = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * Officers allowed to sign in at the hall's kiosks (retained; replaced whole).
 * The kiosk caches it so sign-in works while the hall link is down. No ID
 * numbers in the clear: a card matches by `idDigest` ({@link STAFF_ID_DIGEST}).
 */
export const StaffMember = z.object({
  staffNumber: z.string().regex(/^[A-Za-z0-9]{4,16}$/),
  nameMasked: MaskedName,
  idDigest: z.string().regex(/^[0-9a-f]{64}$/),
  idNumberMasked: MaskedIdNumber,
  role: z.enum(['officer', 'supervisor']),
  /** argon2id PHC string of the officer's PIN (6 digits), at least 64 MiB and 3 passes (it is copied to every kiosk). */
  pinHash: z.string().startsWith('$argon2id$').max(200),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffAllowList = z.object({
  /** Increases with every change; a kiosk ignores a list older than the one it holds. */
  version: z.number().int().nonnegative(),
  issuedAt: At,
  staff: z.array(StaffMember).max(2000),
});
export type StaffAllowList = z.infer<typeof StaffAllowList>;
