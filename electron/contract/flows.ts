/**
 * Service flows as the renderer sees them: which library step to draw (by
 * its *kind*, never by service), with the step's public data (masked where
 * needed), and the events a citizen can send. The host owns the flow and
 * checks every transition; results that decide something (a passed face
 * check, a record query, an accepted photo) never come from the renderer,
 * so they are not events here.
 *
 * Words are never in the data: a step carries i18n keys from the service's
 * own wording (`svc.<serviceId>.…`, loaded with `service.wording`) or the
 * step library's (`flow.…`), and public values (dates, masked numbers).
 */
import { z } from 'zod';
import { PhotoSpecId } from './domain';
import { SignatureStrokes } from './signature';
import { DeliveryStepData, FormStepData, FormValues } from './form';
import { MessageKey, ValueId } from './keys';
import { AbilityAnswersEvent, AbilityTestStepData } from './ability-test';
import { ProxyCallStepData } from './proxy';

/** The step library's kinds: the renderer has one screen per kind. */
export const StepKind = z.enum(['identify', 'consent', 'faceCheck', 'choice', 'query', 'photo', 'signature', 'documentCapture', 'form', 'delivery', 'payment', 'fingerprints', 'submit', 'review', 'selection', 'a4Print', 'receiptPrint', 'abilityTest', 'counter', 'referral', 'done', 'failed', 'proxyCall']);
export type StepKind = z.infer<typeof StepKind>;

/**
 * What a face check came to, as the host's face module (`face.verify`)
 * reports it to the flow; never sent by the renderer. `refused`: no
 * comparison was made (failed liveness, no usable face…).
 */
export const FaceCheckOutcome = z.enum(['passed', 'noMatch', 'refused']);
export type FaceCheckOutcome = z.infer<typeof FaceCheckOutcome>;

export { MessageKey, ValueId };

/** Events a citizen may send to the current step. */
export const FlowEvent = z.discriminatedUnion('type', [
  /** Continue / confirm the step (identity shown, details reviewed, document collected). */
  z.object({ type: z.literal('CONFIRM') }).strict(),
  z.object({ type: z.literal('CONSENT'), granted: z.boolean() }).strict(),
  /** Picks one of the choice step's options (the host checks it is one). */
  z.object({ type: z.literal('CHOOSE'), value: ValueId }).strict(),
  z.object({ type: z.literal('BACK') }).strict(),
  /** Try a failed back-end call again. */
  z.object({ type: z.literal('RETRY') }).strict(),
  /** Print the same document again (once). */
  z.object({ type: z.literal('REPRINT') }).strict(),
  /** The citizen's signature from the signature step's pad, as vector data; the host measures it and decides. */
  z.object({ type: z.literal('SIGN'), signature: SignatureStrokes }).strict(),
  /** A form's (or delivery's) values, by field id; the host checks each against the step's declaration. */
  z.object({ type: z.literal('SUBMIT_FORM'), values: FormValues }).strict(),
  /** The fingerprint step: the finger asked for is missing or damaged (recorded for staff to confirm). */
  z.object({ type: z.literal('EXEMPT_FINGER'), reason: z.enum(['missing', 'damaged']) }).strict(),
  /** A round of the 三力测试: each answer and its timing, measured in the renderer; the host checks and scores them. */
  AbilityAnswersEvent,
  /** The selection step: the ids of the items the citizen takes on here (the others are set aside); the host checks each is offered. */
  z.object({ type: z.literal('SELECT'), values: z.array(ValueId).max(20) }).strict(),
]);
export type FlowEvent = z.infer<typeof FlowEvent>;
export const FlowEventType = z.enum(['CONFIRM', 'CONSENT', 'CHOOSE', 'BACK', 'RETRY', 'REPRINT', 'SIGN', 'SUBMIT_FORM', 'EXEMPT_FINGER', 'ABILITY_ANSWERS', 'SELECT']);
export type FlowEventType = z.infer<typeof FlowEventType>;

const PrintState = z.enum(['printing', 'printed', 'notPrinted']);

/** The identity as a flow step shows it: masked number, never the full one. */
export const FlowIdentity = z.object({
  source: z.enum(['card', 'typed']),
  cardType: z.enum(['resident', 'hmt', 'foreigner']).nullable(),
  name: z.string().nullable(),
  idNumberMasked: z.string(),
});
export type FlowIdentity = z.infer<typeof FlowIdentity>;

/** One line of a review or a slip: a label key and a value, shown as given (`text`) or translated (`textKey`). */
export const DetailRow = z.object({
  labelKey: MessageKey,
  text: z.string().max(200).optional(),
  textKey: MessageKey.optional(),
});
export type DetailRow = z.infer<typeof DetailRow>;

/**
 * A fee to pay (缴费): the items with what is due after the exemption the
 * back-end applied, the total, and the order's QR code (its text; the screen
 * draws it) or the wait for the citizen's 付款码 at the scanner. The host
 * passes the step only when the payment service confirms the order paid
 * (or nothing is due); `BACK` cancels (the order is closed), `RETRY` makes a
 * new order after one expired or failed.
 */
/**
 * submit: the application (held in the outbox since before the payment) goes
 * to the back-end. `sending` while the host waits for its answer; `rejected`:
 * the back-end refused it for good (its reason code) and the fee went back
 * (`refund`), the citizen confirms to end (`attachmentInvalid`: the captured
 * photo, prints, signature or papers did not reach it intact; to the counter). Accepted or still on its way, the
 * step passes by itself (its fact holds the 受理编号, or none yet).
 */
export const SubmitStepData = z.object({
  step: z.literal('submit'),
  state: z.enum(['sending', 'rejected']),
  reason: z.enum(['notEligible', 'incomplete', 'duplicateApplication', 'attachmentInvalid', 'other']).nullable(),
  refund: z.enum(['refunded', 'notRefunded', 'nothingPaid']).nullable(),
  refundedFen: z.number().int().min(0).nullable(),
});

const PaymentStepData = z.object({
  step: z.literal('payment'),
  titleKey: MessageKey,
  state: z.enum(['creating', 'waiting', 'charging', 'confirming', 'exempt', 'expired', 'failed']),
  items: z
    .array(
      z.object({
        nameKey: MessageKey,
        /** 标准 and 依据, as the rule states them. */
        standard: z.string().max(64),
        basis: z.string().max(200),
        amountFen: z.number().int().min(0),
        /** After the exemption. */
        dueFen: z.number().int().min(0),
      }),
    )
    .max(20),
  exemption: z.object({ nameKey: MessageKey, basis: z.string().max(200), payPercent: z.number().int().min(0).max(100) }).nullable(),
  totalFen: z.number().int().min(0),
  /** What the order's QR code holds (微信, 支付宝, 云闪付 scan it); null until an order exists. */
  qrText: z.string().max(500).nullable(),
  /** When the order closes (ISO 8601), for the countdown. */
  expiresAt: z.string().max(40).nullable(),
  failure: z.enum(['timeout', 'unavailable', 'badSignature', 'badResponse', 'notFound', 'declined', 'rejected']).nullable(),
});

/** An image the host hands over with a step (e.g. a violation's evidence photo): a data URL of a PNG, JPEG or SVG, never a link to a file. */
export const StepImage = z.object({
  /** `data:image/svg+xml;base64,…` (or png, jpeg). */
  dataUrl: z
    .string()
    .max(120_000)
    .regex(/^data:image\/(?:svg\+xml|png|jpeg);base64,[A-Za-z0-9+/]+=*$/),
  /** What it shows, for a screen reader. */
  altKey: MessageKey,
});
export type StepImage = z.infer<typeof StepImage>;

/**
 * selection: records the back-end found (e.g. traffic violations), each with
 * its details and images; the citizen takes on here the ones offered
 * (`selectable`) and sets the others aside (they go to the counter); one not
 * offered says why (`reasonKey`). SELECT sends the ids taken on; the host
 * checks each is offered.
 */
export const SelectionStepData = z.object({
  step: z.literal('selection'),
  titleKey: MessageKey,
  noteKeys: z.array(MessageKey).max(6),
  items: z
    .array(
      z.object({
        id: ValueId,
        rows: z.array(DetailRow).max(12),
        images: z.array(StepImage).max(9),
        selectable: z.boolean(),
        reasonKey: MessageKey.nullable(),
        selected: z.boolean(),
      }),
    )
    .max(20),
  /** At least this many must be taken on to go on (0: setting everything aside is an answer too). */
  minSelected: z.number().int().min(0),
});

/** A finger position (指位代码, docs/fingerprint-protocol.md §11): 11–15 right thumb to little finger, 16–20 left. */
export const FingerCode = z.number().int().min(11).max(20);
export type FingerCode = z.infer<typeof FingerCode>;

/** Step-specific public data, discriminated by the step's kind (`step`). */
export const FlowStepData = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('identify'),
    identity: FlowIdentity.nullable(),
    /** Why the identity cannot be used (message key suffix). `cardRequired`: a typed number is not enough here (e.g. an agent of 可视化代办 places their card). */
    problem: z.enum(['missing', 'invalidNumber', 'expired', 'cardRequired']).nullable(),
  }),
  z.object({
    step: z.literal('consent'),
    /** What the citizen agrees to, in the service's words. */
    textKey: MessageKey,
    /** What is checked or shared, one key per item. */
    scopeKeys: z.array(MessageKey).max(12),
    granted: z.boolean(),
  }),
  z.object({ step: z.literal('faceCheck'), attempt: z.number().int().min(0), maxAttempts: z.number().int().min(1), lastOutcome: FaceCheckOutcome.nullable() }),
  z.object({
    step: z.literal('choice'),
    titleKey: MessageKey,
    options: z.array(z.object({ value: ValueId, labelKey: MessageKey, noteKey: MessageKey.optional() })).min(1).max(12),
    selected: ValueId.nullable(),
  }),
  z.object({
    step: z.literal('query'),
    /** What is being looked up, in the service's words. */
    titleKey: MessageKey,
    state: z.enum(['running', 'failed']),
    failure: z.enum(['timeout', 'unavailable', 'badResponse', 'notFound']).nullable(),
    retriesLeft: z.number().int().min(0),
  }),
  /**
   * A standard photo of `spec`: the citizen takes up to `maxTakes` photos
   * (`photo.check`) and chooses one the host accepted (`photo.choose`); the
   * host then passes the step itself. The photo never travels in the view.
   */
  z.object({
    step: z.literal('photo'),
    spec: PhotoSpecId,
    titleKey: MessageKey,
    maxTakes: z.number().int().min(1).max(20),
    /** Photos taken for this step so far. */
    takes: z.number().int().min(0),
    /** Whether an accepted photo is chosen for the step. */
    chosen: z.boolean(),
    /** Whether the citizen may bring a photo studio's receipt code instead (`photo.studioFetch`, or the scanner). */
    studioReceipt: z.boolean(),
  }),
  /**
   * A signature on the touch screen for a document (`documentKey`, e.g. 申请表
   * or 告知承诺书); the strokes go to the host as SIGN and never come back in
   * the view. `problem`: why the host refused the last one (a dot, a scribble).
   */
  z.object({
    step: z.literal('signature'),
    titleKey: MessageKey,
    documentKey: MessageKey,
    problem: z.enum(['tooShort', 'tooSmall']).nullable(),
  }),
  /**
   * Papers the service needs (a lease, a labour contract…), photographed page
   * by page with the document camera (`document.submit` with the step and
   * the paper; `document.deletePage`). The host checks each page and counts
   * only the pages it accepted; the citizen's CONFIRM passes the step only
   * when every paper has between `minPages` and `maxPages` of them. No image
   * travels in the view: a page is its id.
   */
  z.object({
    step: z.literal('documentCapture'),
    titleKey: MessageKey,
    papers: z
      .array(
        z.object({
          value: ValueId,
          labelKey: MessageKey,
          minPages: z.number().int().min(0).max(20),
          maxPages: z.number().int().min(1).max(20),
          /** The host-accepted pages, in the order taken. */
          pageIds: z.array(ValueId).max(20),
        }),
      )
      .min(1)
      .max(8),
    /** `assembling`: the host is making each paper's PDF after CONFIRM. */
    state: z.enum(['capturing', 'assembling']),
    /** Whether every paper has an allowed number of pages (CONFIRM passes). */
    ready: z.boolean(),
  }),
  z.object({ step: z.literal('review'), titleKey: MessageKey, rows: z.array(DetailRow).max(24), noteKeys: z.array(MessageKey).max(6) }),
  SelectionStepData,
  z.object({
    step: z.literal('a4Print'),
    state: PrintState,
    documentNumber: z.string().nullable(),
    verifyCode: z.string().nullable(),
    reprintAvailable: z.boolean(),
    /** The collection slip printed with the document. */
    receipt: PrintState,
    noteKeys: z.array(MessageKey).max(6),
  }),
  z.object({
    step: z.literal('receiptPrint'),
    titleKey: MessageKey,
    state: PrintState,
    /** What the slip says, as the screen repeats it (public data only). */
    rows: z.array(DetailRow).max(24),
    reprintAvailable: z.boolean(),
  }),
  FormStepData,
  DeliveryStepData,
  z.object({
    step: z.literal('done'),
    /** From the service's outcome vocabulary; `identityChanged`: another card or number came after identify. */
    outcome: ValueId,
    outcomeKey: MessageKey,
  }),
  z.object({
    step: z.literal('counter'),
    /** Deliberately coarse where the service says so: the screen never says whether a record was found. */
    reasonKey: MessageKey,
    /** Values the reason's words name (`{{until}}`), e.g. a date: public data only. */
    reasonParams: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/), z.string().max(40)).optional(),
    window: z.string(),
    ticket: z.object({ state: PrintState, number: z.string().nullable() }),
  }),
  z.object({
    step: z.literal('referral'),
    /** `registeredResidence`: apply at the 户籍地 派出所, or at a 居住地 派出所 with a 居住证. `exitEntry`: foreigners, 出入境 office. */
    to: z.enum(['registeredResidence', 'exitEntry']),
    registeredProvince: z.string().nullable(),
    registeredCity: z.string().nullable(),
    window: z.string(),
  }),
  PaymentStepData,
  SubmitStepData,
  AbilityTestStepData,
  /** 可视化代办: the agent's side of the three-party call (proxy.ts). */
  ProxyCallStepData,
  z.object({ step: z.literal('failed'), reason: z.enum(['backendUnavailable', 'internal']), canRetry: z.boolean() }),
  /**
   * Two fingerprints: the host drives the scanner while `state` is
   * `capturing` (a new `capture` number is a new capture) and passes the step
   * only on prints it captured itself. `badQuality` and `failed` wait for RETRY.
   * With the card comparison on, `comparing` while the host compares the
   * prints with the card's; `noMatch` (they did not match) waits for RETRY,
   * which takes both prints again.
   */
  z.object({
    step: z.literal('fingerprints'),
    /** The finger asked for now; null when no finger is left to ask for. */
    finger: FingerCode.nullable(),
    state: z.enum(['capturing', 'badQuality', 'failed', 'comparing', 'noMatch']),
    /** Grows with every capture the step asks the host for. */
    capture: z.number().int().min(1),
    /** The live quality while a finger is on the sensor (0–100). */
    liveQuality: z.number().int().min(0).max(100).nullable(),
    /** The quality of the last print read. */
    lastQuality: z.number().int().min(0).max(100).nullable(),
    minQuality: z.number().int().min(0).max(100),
    /** Tries on the current finger so far, and how many before the next finger is asked for. */
    tries: z.number().int().min(0),
    maxTries: z.number().int().min(1),
    failure: z.enum(['timeout', 'noDevice', 'deviceError']).nullable(),
    /** Prints taken so far (finger and quality only; the templates stay in the host). */
    captured: z.array(z.object({ finger: FingerCode, quality: z.number().int().min(0).max(100) })).max(2),
    required: z.literal(2),
    /** Fingers the citizen said are missing or damaged, for staff to confirm. */
    exemptions: z.array(z.object({ finger: FingerCode, reason: z.enum(['missing', 'damaged']) })).max(10),
    /** With the card comparison on: comparisons that said noMatch so far, and how many are allowed. */
    compare: z.object({ noMatches: z.number().int().min(0), maxTries: z.number().int().min(1) }).strict().optional(),
  }),
]);
export type FlowStepData = z.infer<typeof FlowStepData>;

/** A step on the service's main path, for the progress bar. */
export const PathStep = z.object({ id: ValueId, labelKey: MessageKey });
export type PathStep = z.infer<typeof PathStep>;

/** What the renderer draws for the current step. */
export const FlowView = z.object({
  serviceId: z.string(),
  /** The run this view belongs to (a new `flow.start` is a new run). */
  flowId: z.string(),
  /**
   * The view's place in its run: it grows with every change. Replies and
   * events may arrive in either order, so the renderer keeps the highest.
   */
  seq: z.number().int().min(0),
  /** The service's name for this step (e.g. `purpose`), unique in its flow. */
  stepId: ValueId,
  /** The library step's kind: which screen draws it. */
  step: StepKind,
  /** Position on the service's main path (0-based); side steps show as the last. */
  stepIndex: z.number().int().min(0),
  stepCount: z.number().int().min(1),
  /** The main path, for the progress bar's labels. */
  path: z.array(PathStep).min(1).max(24),
  canGoBack: z.boolean(),
  /** Event types the current step accepts now. */
  accepts: z.array(FlowEventType),
  data: FlowStepData,
  /** i18n key of a message to show with the step. */
  messageKey: MessageKey.optional(),
});
export type FlowView = z.infer<typeof FlowView>;

/** A service's words, by language: a tree of strings mounted at `svc.<serviceId>`. */
export interface WordingTree {
  [key: string]: string | WordingTree;
}
/**
 * Checked to a fixed depth (deep enough for any service: `consent.scope.x`
 * is three levels) rather than recursively, so the schema stays finite for
 * the contract fuzzer and a hostile reply cannot nest without end.
 */
const WORDING_DEPTH = 6;
/** A key is one segment of an i18n key path (no dots, nothing like `__proto__` that an object would swallow). */
const WordingKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);
const wordingLevel = (depth: number): z.ZodType<WordingTree> =>
  z.record(WordingKey, depth <= 1 ? z.string().max(2000) : z.union([z.string().max(2000), wordingLevel(depth - 1)])) as z.ZodType<WordingTree>;
export const WordingTree: z.ZodType<WordingTree> = wordingLevel(WORDING_DEPTH);
export const ServiceWording = z.object({ 'zh-CN': WordingTree, en: WordingTree });
export type ServiceWording = z.infer<typeof ServiceWording>;
