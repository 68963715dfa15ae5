/**
 * Service flows as the renderer sees them: which step to draw, with the
 * step's public data (masked where needed), and the events a citizen can
 * send. The host owns the flow and checks every transition; results that
 * decide something (a passed face check, a record query) never come from
 * the renderer, so they are not events here.
 */
import { z } from 'zod';

/** Reusable steps the renderer knows how to draw. */
export const FlowStep = z.enum(['identify', 'consent', 'faceCheck', 'choosePurpose', 'query', 'review', 'print', 'done', 'counter', 'referral', 'failed']);
export type FlowStep = z.infer<typeof FlowStep>;

/** 申请用途: 入职, 出国, 落户, 其他. */
export const CertificatePurpose = z.enum(['employment', 'abroad', 'settlement', 'other']);
export type CertificatePurpose = z.infer<typeof CertificatePurpose>;

/**
 * What a face check came to, as the host's face module (`face.verify`)
 * reports it to the flow; never sent by the renderer. `refused`: no
 * comparison was made (failed liveness, no usable face…).
 */
export const FaceCheckOutcome = z.enum(['passed', 'noMatch', 'refused']);
export type FaceCheckOutcome = z.infer<typeof FaceCheckOutcome>;

/** Events a citizen may send to the current step. */
export const FlowEvent = z.discriminatedUnion('type', [
  /** Continue / confirm the step (identity shown, details reviewed, document collected). */
  z.object({ type: z.literal('CONFIRM') }).strict(),
  z.object({ type: z.literal('CONSENT'), granted: z.boolean() }).strict(),
  z.object({ type: z.literal('PURPOSE'), purpose: CertificatePurpose }).strict(),
  z.object({ type: z.literal('BACK') }).strict(),
  /** Try a failed back-end call again. */
  z.object({ type: z.literal('RETRY') }).strict(),
  /** Print the same document again (once). */
  z.object({ type: z.literal('REPRINT') }).strict(),
]);
export type FlowEvent = z.infer<typeof FlowEvent>;
export const FlowEventType = z.enum(['CONFIRM', 'CONSENT', 'PURPOSE', 'BACK', 'RETRY', 'REPRINT']);
export type FlowEventType = z.infer<typeof FlowEventType>;

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
const PrintState = z.enum(['printing', 'printed', 'notPrinted']);

/** The identity as a flow step shows it: masked number, never the full one. */
export const FlowIdentity = z.object({
  source: z.enum(['card', 'typed']),
  cardType: z.enum(['resident', 'hmt', 'foreigner']).nullable(),
  name: z.string().nullable(),
  idNumberMasked: z.string(),
});
export type FlowIdentity = z.infer<typeof FlowIdentity>;

/** Step-specific public data, discriminated by `step`. */
export const FlowStepData = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('identify'),
    identity: FlowIdentity.nullable(),
    /** Why the identity cannot be used (message key suffix). */
    problem: z.enum(['missing', 'invalidNumber', 'expired']).nullable(),
  }),
  z.object({ step: z.literal('consent'), serviceName: Bilingual, granted: z.boolean(), busy: z.boolean() }),
  z.object({ step: z.literal('faceCheck'), attempt: z.number().int().min(0), maxAttempts: z.number().int().min(1), lastOutcome: FaceCheckOutcome.nullable() }),
  z.object({ step: z.literal('choosePurpose'), options: z.array(CertificatePurpose), selected: CertificatePurpose.nullable() }),
  z.object({
    step: z.literal('query'),
    state: z.enum(['running', 'failed']),
    failure: z.enum(['timeout', 'unavailable', 'badResponse', 'notFound']).nullable(),
    retriesLeft: z.number().int().min(0),
  }),
  z.object({ step: z.literal('review'), name: z.string().nullable(), idNumberMasked: z.string(), purpose: CertificatePurpose, queryDate: z.string() }),
  z.object({
    step: z.literal('print'),
    state: PrintState,
    documentNumber: z.string().nullable(),
    verifyCode: z.string().nullable(),
    reprintAvailable: z.boolean(),
    receipt: PrintState,
  }),
  z.object({
    step: z.literal('done'),
    /** `identityChanged`: another card or number came after identify, so the run ended without a result. */
    outcome: z.enum(['certificateIssued', 'counter', 'referred', 'declined', 'failed', 'identityChanged']),
  }),
  z.object({
    step: z.literal('counter'),
    /** Deliberately coarse: the screen never says whether a record was found. */
    reason: z.enum(['resultAtCounter', 'counterOnly', 'faceCheckFailed', 'printFailed', 'notFound', 'queryFailed']),
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
  z.object({ step: z.literal('failed'), reason: z.enum(['backendUnavailable', 'internal']), canRetry: z.boolean() }),
]);
export type FlowStepData = z.infer<typeof FlowStepData>;

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
  step: FlowStep,
  /** Position on the service's main path (0-based); side steps show as the last. */
  stepIndex: z.number().int().min(0),
  stepCount: z.number().int().min(1),
  canGoBack: z.boolean(),
  /** Event types the current step accepts now. */
  accepts: z.array(FlowEventType),
  data: FlowStepData,
  /** i18n key of a message to show with the step. */
  messageKey: z.string().max(128).optional(),
});
export type FlowView = z.infer<typeof FlowView>;
