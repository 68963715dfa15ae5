/**
 * 可视化代办 (issue 19) on the hall server's HTTP side: the principal's
 * phone page and the console's proxy desk. Shared messages (cases,
 * signalling, ICE servers) are in electron/contract/proxy.ts.
 *
 * ## The phone (HTTPS listener `phone.port`, default 8751; its own origin)
 * The invitation link is `https://<phone host>:<port>/p/#t=<token>`: the
 * token rides in the fragment, so no access log or proxy ever sees it. The
 * page claims it once; the server answers with an HttpOnly, Secure,
 * SameSite=Strict cookie `proxy_phone` bound to that one phone. A second
 * claim of the same token (any device) is refused `linkUsed`, an old one
 * `linkExpired`; neither says anything about the principal. Until the face
 * check passes the phone learns nothing but the hall's name.
 *
 * | method | path | body | answer |
 * |---|---|---|---|
 * | GET | /p/ | — | the phone page (HTML) |
 * | POST | /phone/api/claim | {@link ClaimInvite} | {@link PhoneClaimed} |
 * | POST | /phone/api/face/consent | {@link PhoneFaceConsent} | `{}` |
 * | POST | /phone/api/face/challenge | `{}` | IssuedFaceChallenge (electron/contract/domain.ts) |
 * | POST | /phone/api/face/frame | {@link PhoneFaceFrame} | FaceFrameAnswer |
 * | POST | /phone/api/face/verify | {@link PhoneFaceVerify} | {@link PhoneFaceVerdict} |
 * | GET | /phone/api/case | — | {@link PhoneCase} (after the face check only: 403 `notVerified`) |
 * | POST | /phone/api/signature | SignatureStrokes | `{}` |
 * | POST | /phone/api/leave | — | `{}` |
 * | WS | /phone/api/signal | — | client → server SignalOut or {@link PhonePing}, server → client {@link PhoneLive} |
 *
 * Errors are `{ error: <code> }` ({@link PhoneErrorCode}), words on the page.
 *
 * ## The console (the console's origin, `/api`, its cookie and CSRF token as in console-api.ts)
 * | method | path | body | answer |
 * |---|---|---|---|
 * | GET | /api/proxy/cases?state=open\|all | — | ProxyCaseView[] |
 * | POST | /api/proxy/cases/:caseId/join | — | {@link ConsoleJoined} |
 * | POST | /api/proxy/cases/:caseId/recording/start | — | ProxyCaseView (state `recording`) |
 * | PUT | /api/proxy/cases/:caseId/recording/:party (`phone` \| `kiosk`) | the party's WebM (video/webm, ≤ 64 MB) | `{}` |
 * | POST | /api/proxy/cases/:caseId/recording/finish | — | ProxyCaseView (state `recorded`) or 502 `recordingNotStored` (the case drops) |
 * | POST | /api/proxy/cases/:caseId/decision | {@link ProxyDecision} | ProxyCaseView |
 * | POST | /api/proxy/cases/:caseId/leave | — | `{}` |
 * | WS | /api/proxy/signal?caseId= | — | client → server SignalOut, server → client {@link ConsoleCallLive} |
 *
 * The live socket `/api/live` also carries `{ type: 'proxyCase', case }` on every change.
 */
import { z } from 'zod';
import { ConsentStatement, IceServers, ProxyCaseId, ProxyCaseState, ProxyCaseView, ProxyEndReason, SignalIn } from '../../electron/contract/proxy';

export const ClaimInvite = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/) }).strict();
export type ClaimInvite = z.infer<typeof ClaimInvite>;

/** What a claimed link tells the phone: the hall only, never the principal. */
export const PhoneClaimed = z.object({ hallName: z.string().max(100), linkExpiresAt: z.string().datetime(), maxFaceAttempts: z.number().int().min(1).max(10) }).strict();
export type PhoneClaimed = z.infer<typeof PhoneClaimed>;

export const PhoneFaceConsent = z.object({ granted: z.boolean() }).strict();
export const PhoneFaceFrame = z.object({ challengeId: z.string().min(1).max(64), nonce: z.string().min(16).max(64), jpeg: z.string().max(110_000) }).strict();
export const PhoneFaceVerify = z.object({ challengeId: z.string().min(1).max(64) }).strict();

/** The hall's verdict on the principal's face; no score, and nothing about whose reference it was. */
export const PhoneFaceVerdict = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('match') }).strict(),
  /** Not matched, or refused (liveness, one face …): `reasonKey` words why where it is the citizen's to fix. */
  z.object({ outcome: z.literal('notMatched'), reasonKey: z.string().max(80).nullable(), attemptsLeft: z.number().int().min(0) }).strict(),
]);
export type PhoneFaceVerdict = z.infer<typeof PhoneFaceVerdict>;

/** The case as the principal's own phone sees it, after the face check. */
export const PhoneCase = z
  .object({
    caseId: ProxyCaseId,
    state: ProxyCaseState,
    statement: ConsentStatement,
    iceServers: IceServers,
    officerPresent: z.boolean(),
    principalSigned: z.boolean(),
    endReason: ProxyEndReason.nullable(),
  })
  .strict();
export type PhoneCase = z.infer<typeof PhoneCase>;

/** Server → phone on the signal socket. */
export const PhoneLive = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signal'), signal: SignalIn }).strict(),
  z.object({ type: z.literal('case'), case: PhoneCase }).strict(),
  /** The answer to the phone's {@link PhonePing}. */
  z.object({ type: z.literal('pong') }).strict(),
]);
export type PhoneLive = z.infer<typeof PhoneLive>;

/**
 * Phone → server on the signal socket, besides SignalOut: a heartbeat the
 * server answers with `pong`. A phone whose network went and came back holds
 * a connection the hall has long cut; without an answer it opens a new one.
 */
export const PhonePing = z.object({ type: z.literal('ping') }).strict();
export type PhonePing = z.infer<typeof PhonePing>;

export const PhoneErrorCode = z.enum(['linkUnknown', 'linkUsed', 'linkExpired', 'notClaimed', 'notVerified', 'noConsent', 'caseEnded', 'tooManyAttempts', 'badRequest', 'unavailable']);
export type PhoneErrorCode = z.infer<typeof PhoneErrorCode>;

export const ConsoleJoined = z.object({ case: ProxyCaseView, iceServers: IceServers, statement: ConsentStatement }).strict();
export type ConsoleJoined = z.infer<typeof ConsoleJoined>;

/** Server → console on the proxy signal socket. */
export const ConsoleCallLive = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signal'), signal: SignalIn }).strict(),
  z.object({ type: z.literal('case'), case: ProxyCaseView }).strict(),
  /** Fresh TURN credentials for the officer's side of the call, before the ones from join lapse. */
  z.object({ type: z.literal('iceServers'), caseId: ProxyCaseId, iceServers: IceServers }).strict(),
]);
export type ConsoleCallLive = z.infer<typeof ConsoleCallLive>;

/** Approve (only once the recording is stored and both have signed) or refuse with a reason. */
export const ProxyDecision = z.discriminatedUnion('approve', [
  z.object({ approve: z.literal(true) }).strict(),
  z.object({ approve: z.literal(false), reason: z.string().trim().min(2).max(200) }).strict(),
]);
export type ProxyDecision = z.infer<typeof ProxyDecision>;

export const ProxyApiError = z.enum(['notFound', 'caseEnded', 'wrongState', 'notSigned', 'recordingMissing', 'recordingNotStored', 'otherOfficer', 'tooLarge']);
export type ProxyApiError = z.infer<typeof ProxyApiError>;
