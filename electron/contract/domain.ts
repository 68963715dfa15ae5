/** Domain types that cross the renderer/host boundary. */
import { z } from 'zod';

export const DeviceKind = z.enum(['idcard', 'receiptPrinter', 'a4Printer', 'camera', 'scanner', 'fingerprint', 'endorsementWriter']);
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

/** Paper and other consumables, as counted by the kiosk (refills are logged by staff at the kiosk): the staff screen's and the hall link's. */
export const Consumable = z.object({
  kind: z.enum(['receiptPaper', 'a4Paper', 'toner']),
  deviceId: z.string().max(64),
  /** Sheets (A4) or receipts (receipt roll) estimated left; null when not known. */
  estimatedLeft: z.number().int().nonnegative().nullable(),
  capacity: z.number().int().positive().nullable(),
  state: z.enum(['ok', 'low', 'out', 'unknown']),
  lastRefillAt: z.string().datetime().nullable(),
});
export type Consumable = z.infer<typeof Consumable>;

export const KioskInfo = z.object({
  hallName: z.string(),
  kioskId: z.string(),
  version: z.string(),
  protocolVersion: z.number().int(),
  simulation: z.boolean(),
  backend: z.enum(['sandbox', 'http']),
  defaultLanguage: z.enum(['zh-CN', 'en']),
  /** The kiosk's configured IANA time zone: the screen's clock and dates follow it, never the machine's zone. */
  timeZone: z.string().min(1).max(64),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

/** `identityChanged`: another card or number came after the flow's identity was fixed; the host ended the session. */
/** `endedByStaff`: hall staff ended it from the console (a hall-link command). */
export const SessionEndReason = z.enum(['finished', 'cancelled', 'timeout', 'crashed', 'hostRestart', 'identityChanged', 'endedByStaff']);
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
  /** The address printed on the card (resident and HK/Macau/Taiwan cards); absent when typed. */
  address: z.string().max(35).optional(),
  /**
   * The card's appended address (追加住址, GA 467 30 03): where the holder lives
   * now after moving; null when the card has none, absent when typed or unread.
   * Services that need the current address prefer it to `address`.
   */
  appendedAddress: z.string().max(35).nullable().optional(),
});
export type Identity = z.infer<typeof Identity>;

/**
 * Who is at the kiosk, as session and identity messages carry it to the
 * screen (the header, a reloaded renderer): name and number masked. Only a
 * flow step that displays the name (identify, review) gets it in full.
 */
export const MaskedIdentity = z.object({
  source: z.enum(['card', 'typed']),
  cardType: z.enum(['resident', 'hmt', 'foreigner']).nullable(),
  /** e.g. `张**`; null when the ID number was typed. */
  nameMasked: z.string().nullable(),
  idNumberMasked: z.string(),
  idNumberValid: z.boolean(),
  expired: z.boolean(),
});
export type MaskedIdentity = z.infer<typeof MaskedIdentity>;

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
  /** Fee in fen (CNY cents); 0 = free. The lowest, when the fee is a range. */
  feeFen: z.number().int().min(0),
  /** The highest fee in fen, when what is owed depends on a choice in the flow (换领 20 元 or 补领 40 元); absent for a fixed fee. */
  feeMaxFen: z.number().int().min(0).optional(),
  /** Whether it can be started now; when not, why (i18n key), e.g. a needed device is down. */
  available: z.boolean(),
  reasonKey: z.string().optional(),
  /** Counter window for `counter` services, e.g. `3号窗口`. */
  window: z.string().optional(),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

// ── Cameras, face check, standard photos, document capture (issue #6) ──

/** Picks a camera by its label (substring, case-insensitive) or exact device id; null = the first camera. */
export const CameraSelector = z.object({ label: z.string().max(200).optional(), deviceId: z.string().max(200).optional() }).strict();
export type CameraSelector = z.infer<typeof CameraSelector>;

/** Which camera a renderer report is about: the face camera (face check, photos) or the document camera. */
export const CameraRole = z.enum(['face', 'document']);
export type CameraRole = z.infer<typeof CameraRole>;

/**
 * What the renderer found when it looked for or opened a camera
 * (`devices.reportCamera`): `online` (found or opened), `noDevice` (none
 * matches), `busy` (held by something else), `permissionDenied`, `error`.
 */
export const ReportedCameraState = z.enum(['online', 'noDevice', 'busy', 'permissionDenied', 'error']);
export type ReportedCameraState = z.infer<typeof ReportedCameraState>;

/** Which camera serves which purpose, as the host config names them (`camera.config`). */
export const CameraSettings = z.object({
  face: CameraSelector.nullable(),
  document: CameraSelector.nullable(),
  /** Tries of the face check before the kiosk offers staff help. */
  maxFaceAttempts: z.number().int().min(1).max(10),
  /** Retakes allowed for a standard photo. */
  maxPhotoRetakes: z.number().int().min(1).max(20),
});
export type CameraSettings = z.infer<typeof CameraSettings>;

/** What the citizen consents to separately (PIPL: biometrics are sensitive). */
export const ConsentKind = z.enum(['biometric']);
export type ConsentKind = z.infer<typeof ConsentKind>;

/** One action of the active liveness challenge. */
export const ChallengeAction = z.enum(['blink', 'turnLeft', 'turnRight']);
export type ChallengeAction = z.infer<typeof ChallengeAction>;

/** The host's challenge: actions in the order the citizen must do them. */
export const FaceChallenge = z.object({
  challengeId: z.string().min(1).max(64),
  actions: z.array(ChallengeAction).min(1).max(4),
  /** Time for the whole challenge, from `issuedAt`. */
  timeoutMs: z.number().int().positive(),
  issuedAt: z.string().datetime(),
});
export type FaceChallenge = z.infer<typeof FaceChallenge>;

/**
 * A frame the host asks for during the challenge, at a moment it chose: take
 * the camera's frame `inMs` after this answer arrives and send it with
 * `nonce` (`face.frame`). The host stamps it on arrival; a frame that is
 * early, late or answers no open request is not evidence.
 */
export const FrameRequest = z.object({ nonce: z.string().min(16).max(64), inMs: z.number().int().min(0).max(5_000) }).strict();
export type FrameRequest = z.infer<typeof FrameRequest>;

/** `face.challenge`'s answer: the challenge and the host's first frame request. */
export const IssuedFaceChallenge = FaceChallenge.extend({ frameRequest: FrameRequest });
export type IssuedFaceChallenge = z.infer<typeof IssuedFaceChallenge>;

/** `face.frame`'s answer: the host's own view of the challenge so far. */
export const FaceFrameAnswer = z.object({
  /** false: the frame is not used (late, or it answered no open request). */
  accepted: z.boolean(),
  /** Actions of the challenge the host has seen done, in order, from its own measurements. */
  actionsSeen: z.number().int().min(0).max(4),
  /** The next frame the host wants; null when it has seen enough or the time is up: then call `face.verify`. */
  next: FrameRequest.nullable(),
});
export type FaceFrameAnswer = z.infer<typeof FaceFrameAnswer>;

/** The host's verdict on one face check. */
export const FaceVerifyResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('match'), similarity: z.number(), attemptsLeft: z.number().int().min(0) }),
  z.object({ outcome: z.literal('noMatch'), attemptsLeft: z.number().int().min(0), helpOffered: z.boolean() }),
  /** The host would not compare: no consent, failed liveness, no usable face, no reference photo… (`reasonKey` is an i18n key). */
  z.object({ outcome: z.literal('refused'), reasonKey: z.string().max(128), attemptsLeft: z.number().int().min(0), helpOffered: z.boolean() }),
]);
export type FaceVerifyResult = z.infer<typeof FaceVerifyResult>;

/** Standard photo specifications (DOMAIN.md §3). */
export const PhotoSpecId = z.enum(['residentId', 'drivingLicence', 'exitEntry']);
export type PhotoSpecId = z.infer<typeof PhotoSpecId>;

/** The rules a standard photo is checked against. */
export const PhotoRule = z.enum(['face', 'dimensions', 'fileSize', 'background', 'headWidth', 'headHeight', 'crownGap', 'eyeLine', 'chinGap', 'centred', 'jpegQuality']);
export type PhotoRule = z.infer<typeof PhotoRule>;

/** One rule's result: measured value and the allowed range, in pixels or bytes. */
export const PhotoRuleResult = z.object({
  rule: PhotoRule,
  passed: z.boolean(),
  measured: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type PhotoRuleResult = z.infer<typeof PhotoRuleResult>;

/** Base64 of one JPEG; capped so a call stays under the message limit. */
export const JpegBase64 = (maxChars: number) => z.string().min(16).max(maxChars).regex(/^[A-Za-z0-9+/]+=*$/, 'base64');

/**
 * Where the renderer suggests the standard photo be cut from its camera
 * frame: the top-left corner and the width, in frame pixels (the height
 * follows from the photo's aspect). The host cuts, scales and checks.
 */
export const PhotoCrop = z
  .object({
    x: z.number().min(-10_000).max(10_000),
    y: z.number().min(-10_000).max(10_000),
    width: z.number().min(1).max(20_000),
  })
  .strict();
export type PhotoCrop = z.infer<typeof PhotoCrop>;

/** The host's check of one standard photo. */
export const PhotoCheckResult = z.object({
  candidateId: z.string().max(64),
  spec: PhotoSpecId,
  passed: z.boolean(),
  rules: z.array(PhotoRuleResult),
  retakesLeft: z.number().int().min(0),
  /** The photo the host made and checked (at most 100 KB): the file kept if the citizen chooses it. */
  jpeg: JpegBase64(140_000),
});
export type PhotoCheckResult = z.infer<typeof PhotoCheckResult>;

/**
 * A standard photo fetched from the back-end by a photo studio's receipt
 * code (数码照片回执), checked by the host with the same rules as a kiosk
 * photo and kept for the session as a candidate: the citizen accepts it with
 * `photo.choose`, exactly as a photo taken at the kiosk.
 */
export const StudioPhoto = PhotoCheckResult.omit({ retakesLeft: true });
export type StudioPhoto = z.infer<typeof StudioPhoto>;

/**
 * Why no studio photo: the code is not one (`badCode`), no photo step that
 * takes receipts is current (`notAsked`), the back-end knows no such receipt
 * (`notFound`), it is for another kind of photo (`wrongSpec`), too old
 * (`expired`), the back-end did not answer (`unavailable`), its photo is
 * no JPEG the host can read (`unreadable`), or the session has used up its
 * lookups (`tooManyTries`: codes are not to be guessed). Screen text:
 * `photo.studio.refused.<reason>`.
 */
export const StudioPhotoRefusal = z.enum(['badCode', 'notAsked', 'notFound', 'wrongSpec', 'expired', 'unavailable', 'unreadable', 'tooManyTries']);
export type StudioPhotoRefusal = z.infer<typeof StudioPhotoRefusal>;

/** What a receipt code brought: the checked photo, or why none (an expected outcome, not an error). */
export const StudioPhotoOutcome = z.discriminatedUnion('result', [
  z.object({ result: z.literal('fetched'), photo: StudioPhoto }),
  z.object({ result: z.literal('refused'), reason: StudioPhotoRefusal }),
]);
export type StudioPhotoOutcome = z.infer<typeof StudioPhotoOutcome>;
/** Why the host refused a document page: unreadable bytes, too few pixels, too dark, not sharp enough. */
export const DocumentPageRefusal = z.enum(['unreadable', 'tooSmall', 'tooDark', 'tooBlurred']);
export type DocumentPageRefusal = z.infer<typeof DocumentPageRefusal>;

/** A point in an image, in pixels. */
export const ImagePoint = z.object({ x: z.number(), y: z.number() });
export type ImagePoint = z.infer<typeof ImagePoint>;

/**
 * The host's check of one document page: accepted (kept for the session,
 * counted by the step) or refused with words. An accepted page is the
 * host's straightened, cleaned-up page (`width`×`height`), with where the
 * page was found in the frame sent (`corners`, top-left first, clockwise;
 * null when kept as photographed, then `hintKey` may say why) and a small
 * copy of the kept page (`preview`) for the screen's thumbnail.
 */
export const DocumentPageResult = z.discriminatedUnion('accepted', [
  z.object({
    accepted: z.literal(true),
    pageId: z.string().max(64),
    width: z.number().int(),
    height: z.number().int(),
    corners: z.array(ImagePoint).length(4).nullable(),
    hintKey: z.string().max(160).nullable(),
    preview: JpegBase64(120_000),
  }),
  z.object({ accepted: z.literal(false), reason: DocumentPageRefusal, messageKey: z.string().max(160) }),
]);
export type DocumentPageResult = z.infer<typeof DocumentPageResult>;

