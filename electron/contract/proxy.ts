/**
 * 可视化代办 (video-assisted proxy, issue 19): what the kiosk, the hall
 * server, the principal's phone and the officer's console say to each other
 * about one proxy case. Shared by the kiosk host (`electron/host/proxy/`),
 * the kiosk renderer (`renderer/proxy-call/`), the hall server
 * (`hall/server/proxy/`), the phone page (`hall/phone/`) and the console.
 * Every receiver validates with these schemas: no party vouches for itself.
 *
 * The parties:
 * - the agent (代办人) at the kiosk (role `kiosk`), identified by their card;
 * - the principal (委托人) on their own phone (role `phone`), who proves
 *   their identity on the hall server's phone page (face check judged by the
 *   hall server, compared by the back-end with the principal's reference);
 * - the officer at the hall console (role `console`), who approves or refuses.
 *
 * The kiosk reaches the hall over its MQTT link (two topics below: the
 * broker's ACL lets a kiosk write only `…/kiosk/<its id>/proxy` and read
 * only `…/kiosk/<its id>/proxy/down`); the phone and the console over the
 * hall server's HTTPS/WSS (hall/contract/proxy-api.ts). Media go peer to
 * peer (or through coturn) by WebRTC: a mesh of three peer connections,
 * signalled through the hall server, which stamps `from` itself.
 *
 * Personal data: this is the one place the kiosk sends a full ID number to
 * the hall (`ProxyUp.open.principal`): the hall server needs it to compare
 * the principal's face and keeps it in memory for the case's life only (its
 * store and every view hold the masked form). Everything else is masked.
 */
import { z } from 'zod';
import { HALL_LINK_ROOT, MaskedIdNumber, MaskedName } from './hall-link-common';
import { SignatureStrokes } from './signature';

/** The three parties of a call. */
export const ProxyRole = z.enum(['kiosk', 'phone', 'console']);
export type ProxyRole = z.infer<typeof ProxyRole>;

export const ProxyCaseId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export type ProxyCaseId = z.infer<typeof ProxyCaseId>;

/** One STUN/TURN server for RTCPeerConnection (TURN credentials are short-lived: the TURN REST scheme). */
export const IceServer = z
  .object({
    urls: z.array(z.string().max(256).regex(/^(stun|turns?):/)).min(1).max(8),
    username: z.string().max(256).optional(),
    credential: z.string().max(256).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof IceServer>;
export const IceServers = z.array(IceServer).max(8);

/** A WebRTC signalling message between two parties (perfect negotiation; `hello` asks the others to (re)negotiate). */
export const SignalBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('description'), description: z.object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(200_000) }).strict() }).strict(),
  z
    .object({
      kind: z.literal('candidate'),
      /** null = end of candidates. */
      candidate: z
        .object({
          candidate: z.string().max(2048),
          sdpMid: z.string().max(64).nullable().optional(),
          sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
          usernameFragment: z.string().max(256).nullable().optional(),
        })
        .strict()
        .nullable(),
    })
    .strict(),
  /** A party (re)joined the call (a reload, a new socket): its peers start over with it. */
  z.object({ kind: z.literal('hello') }).strict(),
  /** A party leaves the call on purpose. */
  z.object({ kind: z.literal('bye') }).strict(),
]);
export type SignalBody = z.infer<typeof SignalBody>;

/** A party → the hall: for `to`. */
export const SignalOut = z.object({ caseId: ProxyCaseId, to: ProxyRole, body: SignalBody }).strict();
export type SignalOut = z.infer<typeof SignalOut>;
/** The hall → a party: from `from` (stamped by the hall from the sender's authenticated role). */
export const SignalIn = z.object({ caseId: ProxyCaseId, from: ProxyRole, body: SignalBody }).strict();
export type SignalIn = z.infer<typeof SignalIn>;

/**
 * Where a case is. `invited` → (the phone claims the link) `principalJoined`
 * → (face check passed) `principalVerified` → (the officer joins) `inCall`
 * → (the officer starts the consent segment) `recording` → (stored, hash
 * known) `recorded` → `approved` | `refused`. Any live state may end in
 * `dropped` (a party left or lost the network past the reconnect window, the
 * kiosk session ended, the recording failed to store, the case ran past the
 * hall's time limit `proxy.caseMinutes`: `caseTimeLimit`) or `expired` (the link
 * was not used in time); `principalJoined` ends in `failed` when the face
 * check runs out of tries.
 */
export const ProxyCaseState = z.enum(['invited', 'principalJoined', 'principalVerified', 'inCall', 'recording', 'recorded', 'approved', 'refused', 'dropped', 'expired', 'failed']);
export type ProxyCaseState = z.infer<typeof ProxyCaseState>;
export const PROXY_FINAL_STATES: readonly ProxyCaseState[] = ['approved', 'refused', 'dropped', 'expired', 'failed'];

/** Why a case ended other than approved. Each party words it in its own language. */
export const ProxyEndReason = z.enum([
  'refusedByOfficer',
  'principalFaceFailed',
  'linkExpired',
  'principalLeft',
  'agentCancelled',
  'kioskSessionEnded',
  'officerLeft',
  'networkLost',
  'recordingNotStored',
  'hallUnavailable',
  /** The case was live longer than the hall allows (`proxy.caseMinutes`, default 30). */
  'caseTimeLimit',
]);
export type ProxyEndReason = z.infer<typeof ProxyEndReason>;

const At = z.string().datetime();
const ServiceName = z.object({ 'zh-CN': z.string().min(1).max(40), en: z.string().min(1).max(80) }).strict();
const MaskedPerson = z.object({ nameMasked: MaskedName.nullable(), idNumberMasked: MaskedIdNumber }).strict();

/** The consent segment's recording, as stored (encrypted) by the hall server. */
export const ProxyRecording = z
  .object({
    /** SHA-256 (hex) of the recording file before encryption: the journal keeps it. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    durationSeconds: z.number().nonnegative(),
    storedAt: At,
    /** When the hall deletes it (its retention from config). */
    keepUntil: At,
  })
  .strict();
export type ProxyRecording = z.infer<typeof ProxyRecording>;

/** A case as the kiosk and the console see it: masked identities only. */
export const ProxyCaseView = z
  .object({
    caseId: ProxyCaseId,
    kioskId: z.string().max(64),
    serviceId: z.string().max(64),
    serviceName: ServiceName,
    state: ProxyCaseState,
    agent: MaskedPerson,
    principal: MaskedPerson,
    officer: z.object({ staffNumber: z.string().max(16), nameMasked: MaskedName }).strict().nullable(),
    principalSigned: z.boolean(),
    agentSigned: z.boolean(),
    recording: ProxyRecording.nullable(),
    decision: z.object({ approved: z.boolean(), reason: z.string().max(200).nullable(), at: At }).strict().nullable(),
    endReason: ProxyEndReason.nullable(),
    createdAt: At,
    /** The invitation link's end (10 minutes after it was made). */
    linkExpiresAt: At,
  })
  .strict();
export type ProxyCaseView = z.infer<typeof ProxyCaseView>;

/** How the principal's invitation went out. */
export const SmsOutcome = z.enum(['sent', 'failed', 'notConfigured']);
export type SmsOutcome = z.infer<typeof SmsOutcome>;

// ---------------------------------------------------------------------------
// The kiosk ↔ hall proxy topics (MQTT 5, QoS 1, not retained).

export const proxyTopic = {
  /** kiosk → hall: {@link ProxyUp}. */
  up: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/proxy`,
  /** hall → kiosk: {@link ProxyDown}. */
  down: (kioskId: string) => `${HALL_LINK_ROOT}/kiosk/${kioskId}/proxy/down`,
} as const;

/** The kiosk asks, tells and relays. */
export const ProxyUp = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('open'),
      /** The kiosk's id for this request (the answer carries it back). */
      requestId: z.string().min(8).max(64),
      serviceId: z.string().max(64),
      /** Not used: the hall names the service from its own table by `serviceId` (a kiosk cannot put words in the statement). */
      serviceName: ServiceName.optional(),
      agent: MaskedPerson,
      /** The principal's full ID number and mobile (see the file's note on personal data). */
      principal: z.object({ idNumber: z.string().regex(/^\d{17}[\dX]$/), mobile: z.string().regex(/^1\d{10}$/) }).strict(),
      language: z.enum(['zh-CN', 'en']),
    })
    .strict(),
  z.object({ type: z.literal('signal'), caseId: ProxyCaseId, to: z.enum(['phone', 'console']), body: SignalBody }).strict(),
  /** The agent signed at the kiosk (the strokes stay on the kiosk; the hall keeps their digest). */
  z.object({ type: z.literal('agentSigned'), caseId: ProxyCaseId, signatureSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  z.object({ type: z.literal('cancel'), caseId: ProxyCaseId, reason: z.enum(['agentCancelled', 'kioskSessionEnded', 'networkLost']) }).strict(),
  /** After approval: what the service run ended in (the hall's case record closes). */
  z.object({ type: z.literal('completed'), caseId: ProxyCaseId, outcome: z.string().max(64) }).strict(),
]);
export type ProxyUp = z.infer<typeof ProxyUp>;

/** The hall answers, updates and relays. */
export const ProxyDown = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('opened'),
      requestId: z.string().min(8).max(64),
      caseId: ProxyCaseId,
      /** The one-time link for the principal (shown as a QR code at the kiosk; also sent by SMS). */
      inviteUrl: z.string().url().max(512),
      sms: SmsOutcome,
      iceServers: IceServers,
      case: ProxyCaseView,
    })
    .strict(),
  z
    .object({
      type: z.literal('openRefused'),
      requestId: z.string().min(8).max(64),
      reason: z.enum(['serviceNotProxyAllowed', 'principalIsAgent', 'invalidRequest', 'busy', 'unavailable']),
    })
    .strict(),
  /** The case changed (state, signatures, recording, decision). */
  z.object({ type: z.literal('case'), case: ProxyCaseView }).strict(),
  z.object({ type: z.literal('signal'), caseId: ProxyCaseId, from: z.enum(['phone', 'console']), body: SignalBody }).strict(),
  /** Fresh TURN credentials before the old ones lapse. */
  z.object({ type: z.literal('iceServers'), caseId: ProxyCaseId, iceServers: IceServers }).strict(),
]);
export type ProxyDown = z.infer<typeof ProxyDown>;

/** The statement the principal reads aloud on the phone (their own screen: their full name). */
export const ConsentStatement = z
  .object({
    principalName: z.string().max(32).nullable(),
    principalIdNumberMasked: MaskedIdNumber,
    agentNameMasked: MaskedName.nullable(),
    agentIdNumberMasked: MaskedIdNumber,
    serviceName: ServiceName,
    hallName: z.string().max(100),
    /** `YYYY-MM-DD`, the hall's date. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The words to read, in the phone's language. */
    text: z.string().max(400),
  })
  .strict();
export type ConsentStatement = z.infer<typeof ConsentStatement>;

export { SignatureStrokes };

// ---------------------------------------------------------------------------
// At the kiosk: the `proxyCall` step of the video-proxy flow, and the host ↔
// renderer signalling (the kiosk renderer holds the WebRTC call; its host
// relays the signalling over MQTT).

/** Where the agent's call step is, as the kiosk screen draws it. */
export const ProxyCallPhase = z.enum([
  /** The host is asking the hall for a case. */
  'opening',
  /** The hall said no (`openRefused`) or cannot be reached: RETRY or BACK. */
  'openRefused',
  /** The QR code and SMS are out; the principal has not opened the link yet. */
  'waitingForPrincipal',
  /** The principal opened the link and is doing the face check on the phone. */
  'principalChecking',
  /** The principal is verified: kiosk and phone see each other; no officer yet. */
  'waitingForOfficer',
  /** All three in the call. */
  'inCall',
  /** The principal reads the statement: the consent segment is being recorded. */
  'recording',
  /** Recorded: the agent signs here (SIGN) and the principal on the phone. */
  'signing',
  /** Both signed, the officer decides. */
  'awaitingDecision',
  /** Approved: the chosen service runs next, for the principal. */
  'approved',
  /** Refused, dropped, expired or failed: `endReason` says why; nothing was done. */
  'ended',
]);
export type ProxyCallPhase = z.infer<typeof ProxyCallPhase>;

/**
 * Phases in which the agent waits on someone else (the principal with their
 * phone, the officer): neither the screen's idle countdown nor the host's
 * idle backstop ends the session under them. Each is bounded by the hall
 * instead: the link's life, the presence limit, the case's time limit. Not
 * held: a refusal, signing (the agent acts) and the end.
 */
export const PROXY_IDLE_HOLD_PHASES: ReadonlySet<ProxyCallPhase> = new Set<ProxyCallPhase>([
  'opening',
  'waitingForPrincipal',
  'principalChecking',
  'waitingForOfficer',
  'inCall',
  'recording',
  'awaitingDecision',
  'approved',
]);

/** Step data of kind `proxyCall` (a member of FlowStepData). Accepts SIGN (the agent's signature), RETRY (open again after `openRefused`) and BACK. */
export const ProxyCallStepData = z
  .object({
    step: z.literal('proxyCall'),
    phase: ProxyCallPhase,
    case: ProxyCaseView.nullable(),
    /** The one-time link (the QR code's content) while the principal has not opened it. */
    invite: z.object({ url: z.string().url().max(512), sms: SmsOutcome, expiresAt: At }).strict().nullable(),
    iceServers: IceServers,
    openRefusedReason: z.enum(['serviceNotProxyAllowed', 'principalIsAgent', 'invalidRequest', 'busy', 'unavailable']).nullable(),
    /** The agent's signature was measured and refused. */
    signatureProblem: z.enum(['tooShort', 'tooSmall']).nullable(),
    endReason: ProxyEndReason.nullable(),
  })
  .strict();
export type ProxyCallStepData = z.infer<typeof ProxyCallStepData>;

/** Renderer → host call `proxy.signal`: for the peer `to` of the session's current case. */
export const ProxySignalParams = z.object({ sessionId: z.string(), caseId: ProxyCaseId, to: z.enum(['phone', 'console']), body: SignalBody }).strict();
/** Host → renderer event `proxy.signal`. */
export const ProxySignalEvent = z.object({ sessionId: z.string(), caseId: ProxyCaseId, from: z.enum(['phone', 'console']), body: SignalBody }).strict();

/**
 * A service run done for someone else (the flow's input after approval):
 * the principal is the run's identity (fixed; identify, consent and face
 * check are satisfied by the approved case), the agent its proxy. The
 * journal keeps both masked, the case id and the recording's digest.
 */
export const ProxyMandate = z
  .object({
    caseId: ProxyCaseId,
    agent: MaskedPerson,
    principalIdNumberMasked: MaskedIdNumber,
    recordingSha256: z.string().regex(/^[0-9a-f]{64}$/),
    approvedAt: At,
  })
  .strict();
export type ProxyMandate = z.infer<typeof ProxyMandate>;
