/**
 * Every call the renderer may make, with its params and result schemas.
 * The host validates params against these before any handler runs.
 */
import { z } from 'zod';
import { DeviceStatus, HelpReason, ServiceEntry, KioskInfo, MaskedIdentity, SessionEndReason, SessionInfo } from './domain';
import { FlowEvent, FlowView, ServiceWording, ValueId } from './flows';
import { CameraRole, CameraSettings, ConsentKind, FaceFrameAnswer, DocumentPageResult, FaceVerifyResult, IssuedFaceChallenge, JpegBase64, PhotoCheckResult, PhotoCrop, PhotoSpecId, ReportedCameraState, StudioPhotoOutcome } from './domain';
import { StaffCalls } from './staff';
import { ProxySignalParams } from './proxy';

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
    result: z.object({ session: SessionInfo.nullable(), identity: MaskedIdentity.nullable() }),
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
  /** The citizen typed their ID number instead of placing the card; the host validates it (the keypad's own check only helps typing). */
  'identity.typed': {
    params: z.object({ sessionId: z.string(), idNumber: z.string().max(18).regex(/^[0-9Xx]*$/) }).strict(),
    result: MaskedIdentity,
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
      devices: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          plugged: z.boolean(),
          cardPresent: z.boolean().optional(),
          /** The simulated A4 printer's tray and faults (A4 printers only). */
          a4: z
            .object({
              sheets: z.number().int(),
              capacity: z.number().int(),
              paper: z.enum(['ok', 'low', 'out']),
              jammed: z.boolean(),
              doorOpen: z.boolean(),
              online: z.boolean(),
              reasons: z.array(z.string()),
              printing: z.boolean(),
              completedJobs: z.number().int(),
            })
            .optional(),
          /** The simulated receipt printer's paper and cover (receipt printers only). */
          receipt: z.object({ paper: z.enum(['ok', 'low', 'out']), coverOpen: z.boolean() }).optional(),
          /** The simulated fingerprint scanner's sensor (fingerprint scanners only). */
          fingerprint: z.object({ fingerOn: z.boolean(), capturing: z.boolean() }).optional(),
          /**
           * The simulated endorsement writer (endorsement writers only): the sample cards it can be given,
           * the card lying on it with the endorsements its chip holds now, and whether the next write will fail.
           */
          endorsementWriter: z
            .object({
              sampleCards: z.array(z.object({ id: z.string(), kind: z.enum(['permit', 'damaged', 'notAPermit']), label: z.string() })),
              onWriter: z
                .object({
                  id: z.string(),
                  label: z.string(),
                  endorsements: z.array(
                    z.object({
                      destination: z.enum(['hongKong', 'macau', 'taiwan']),
                      type: z.string(),
                      entries: z.enum(['single', 'twice', 'multiple']),
                      validFrom: z.string(),
                      validUntil: z.string(),
                      stayDays: z.number().int(),
                      number: z.string(),
                    }),
                  ),
                })
                .nullable(),
              failArmed: z.boolean(),
            })
            .optional(),
        }),
      ),
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
      /** Simulated A4 printer: take the paper out, leave a few sheets, or fill the tray. */
      z.object({ action: z.literal('a4Paper'), deviceId: z.string().max(64), state: z.enum(['out', 'low', 'refill']) }).strict(),
      z.object({ action: z.literal('a4Jam'), deviceId: z.string().max(64), jammed: z.boolean() }).strict(),
      z.object({ action: z.literal('a4Door'), deviceId: z.string().max(64), open: z.boolean() }).strict(),
      z.object({ action: z.literal('a4Offline'), deviceId: z.string().max(64), offline: z.boolean() }).strict(),
      /** Simulated receipt printer: take the roll out or put a full one in; open or close the cover. */
      z.object({ action: z.literal('receiptPaper'), deviceId: z.string().max(64), state: z.enum(['out', 'refill']) }).strict(),
      z.object({ action: z.literal('receiptCover'), deviceId: z.string().max(64), open: z.boolean() }).strict(),
      /** Simulated code scanner: hold a code under it (it sends the text as a real line-mode scanner would). */
      z.object({ action: z.literal('scan'), deviceId: z.string().max(64), text: z.string().min(1).max(4096) }).strict(),
      /**
       * Simulated fingerprint scanner: put a finger on the sensor that reads well (`good`) or badly (`bad`);
       * `whose`: the holder of the last sample card placed (default) or someone else (the card's 1:1 comparison fails).
       */
      z.object({ action: z.literal('placeFinger'), deviceId: z.string().max(64), quality: z.enum(['good', 'bad']), whose: z.enum(['holder', 'other']).optional() }).strict(),
      /** Simulated endorsement writer: lay a sample card on it (a permit number, `damaged`, `bank-card`), or take it away. */
      z.object({ action: z.literal('placePermit'), deviceId: z.string().max(64), card: z.string().max(32).regex(/^[A-Za-z0-9-]+$/) }).strict(),
      z.object({ action: z.literal('removePermit'), deviceId: z.string().max(64) }).strict(),
      /** Simulated endorsement writer: the next write fails (the chip's memory, or the card taken away mid-write). */
      z.object({ action: z.literal('failNextWrite'), deviceId: z.string().max(64), fault: z.enum(['writeFailed', 'cardRemoved']) }).strict(),
    ]),
    result: z.object({ done: z.literal(true) }),
  },
  /**
   * Device dock, simulation with the embedded payment sandbox only: the
   * citizen's phone scans the QR code of the order the current payment step
   * shows and pays it by `channel` (the host pays it in its sandbox; the
   * step sees it paid as it would a real payment).
   */
  'dock.pay': {
    params: z.object({ channel: z.enum(['wechat', 'alipay', 'unionpay']) }).strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('paid') }),
      /** `reasonKey`: dock.pay.notSimulation | noOrder | refused */
      z.object({ outcome: z.literal('refused'), reasonKey: z.string() }),
    ]),
  },
  /**
   * Device dock, simulation with the sandbox back-end only: the photo taken
   * at the kiosk's camera becomes a sample card holder's reference photo
   * (host memory only, until it stops), so a tester can be "the right face".
   */
  'dock.enrolFace': {
    params: z.object({ sampleCard: z.string().max(64).regex(/^[a-z0-9-]+$/), photoJpegBase64: z.string().min(8).max(400_000) }).strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('enrolled') }),
      /** `reasonKey`: dock.enrol.notSimulation | noCard | unreadable | oneFace */
      z.object({ outcome: z.literal('refused'), reasonKey: z.string() }),
    ]),
  },
  /**
   * The renderer's camera as it found it: the cameras belong to the renderer
   * (getUserMedia), so the host lists their status from these reports.
   */
  'devices.reportCamera': {
    params: z.object({ role: CameraRole, state: ReportedCameraState, label: z.string().max(128).optional() }).strict(),
    result: z.object({ accepted: z.literal(true) }),
  },
  /** Which camera is the face camera and which the document camera, and the try limits. */
  'camera.config': { params: z.object({}).strict(), result: CameraSettings },
  /** The citizen's separate consent (e.g. to biometric processing); refusing offers the counter. */
  'consent.record': {
    params: z.object({ sessionId: z.string(), kind: ConsentKind, granted: z.boolean() }).strict(),
    result: z.object({ kind: ConsentKind, granted: z.boolean(), recordedAt: z.string().datetime() }),
  },
  /** A fresh liveness challenge, actions in random order, chosen by the host, with its first frame request. */
  'face.challenge': { params: z.object({ sessionId: z.string() }).strict(), result: IssuedFaceChallenge },
  /** The camera frame the host asked for (its nonce); the host measures it itself and says what it wants next. */
  'face.frame': {
    params: z.object({ sessionId: z.string(), challengeId: z.string().min(1).max(64), nonce: z.string().min(16).max(64), jpeg: JpegBase64(110_000) }).strict(),
    result: FaceFrameAnswer,
  },
  /**
   * 1:1 face verification against the session identity's reference photo; the host decides, from the frames it
   * asked for during the challenge only (the probe is one of them).
   */
  'face.verify': {
    params: z.object({ sessionId: z.string(), challengeId: z.string().min(1).max(64) }).strict(),
    result: FaceVerifyResult,
  },
  /**
   * Makes a standard photo from a camera frame (JPEG) and the renderer's crop, and checks it against its spec;
   * a checked photo becomes a candidate the citizen may choose.
   */
  'photo.check': {
    params: z.object({ sessionId: z.string(), spec: PhotoSpecId, frame: JpegBase64(200_000), crop: PhotoCrop }).strict(),
    result: PhotoCheckResult,
  },
  /** The citizen chose one checked, passing candidate as the photo for the application. */
  'photo.choose': {
    params: z.object({ sessionId: z.string(), spec: PhotoSpecId, candidateId: z.string().max(64) }).strict(),
    result: z.object({ chosen: z.literal(true) }),
  },
  /**
   * A photo studio's receipt code the citizen typed (a scanned one arrives at the host from the scanner itself,
   * answered with `photo.studioScanned`): the host validates it, fetches the photo for the current photo step's
   * spec and checks it. The code is bounded here and parsed by the host.
   */
  'photo.studioFetch': {
    params: z.object({ sessionId: z.string(), code: z.string().max(64) }).strict(),
    result: StudioPhotoOutcome,
  },
  /**
   * A page of one paper from the document camera, for the current document
   * capture step (`stepId`); the host checks it (size, light, sharpness) and
   * keeps an accepted page for this session only.
   */
  'document.submit': {
    params: z.object({ sessionId: z.string(), stepId: ValueId, paper: ValueId, jpeg: JpegBase64(200_000) }).strict(),
    result: DocumentPageResult,
  },
  /** Deletes an accepted page of the current document capture step (the citizen retakes it). */
  'document.deletePage': {
    params: z.object({ sessionId: z.string(), stepId: ValueId, paper: ValueId, pageId: ValueId }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  },
  /** Starts a service's kiosk flow in the session (replacing any flow already running). */
  'flow.start': {
    params: z.object({ sessionId: z.string(), serviceId: z.string().max(64) }).strict(),
    result: FlowView,
  },
  /** A citizen's event for the current step; refused when the step does not accept it. */
  'flow.send': {
    params: z.object({ sessionId: z.string(), event: FlowEvent }).strict(),
    result: FlowView,
  },
  /** A service's own words (zh-CN and en), mounted by the renderer at `svc.<serviceId>`; loaded when its flow starts. */
  'service.wording': {
    params: z.object({ serviceId: z.string().max(64) }).strict(),
    result: ServiceWording,
  },
  /** The session's current flow view, e.g. after the renderer reloaded. */
  'flow.current': {
    params: z.object({ sessionId: z.string() }).strict(),
    result: z.object({ view: FlowView.nullable() }),
  },
  /** 可视化代办: a WebRTC signalling message from the kiosk's side of the call to `to`, for the session's current live case only. */
  'proxy.signal': {
    params: ProxySignalParams,
    result: z.object({ sent: z.literal(true) }),
  },
  /** Hall staff at the kiosk (staff.ts). */
  ...StaffCalls,
} as const;

export type CallName = keyof typeof Calls;
export type CallParams<M extends CallName> = z.input<(typeof Calls)[M]['params']>;
export type CallResult<M extends CallName> = z.infer<(typeof Calls)[M]['result']>;

/** True when `name` is a call the contract knows. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(Calls, name);
}
