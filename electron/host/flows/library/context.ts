/**
 * The context every flow built from the step library runs on: the engine's
 * base (identity, consent, face) plus what the steps leave behind, keyed by
 * step id, so a service reads its own steps' results without a context type
 * of its own.
 */
import type { FlowStepData, Identity } from '../../../contract';
import type { ProxyMandate } from '../../../contract/proxy';
import { initialFace, type BaseFlowContext } from '../flow-context';
import type { GatewayFailureKind } from '../../gateway/police-gateway';

export type PrintState = 'printing' | 'printed' | 'notPrinted';
export type ReferralTo = Extract<FlowStepData, { step: 'referral' }>['to'];

/** An A4 document's or a slip's state in this run. */
export interface PrintRecord {
  state: PrintState;
  /** The journal's number (reprints go by it); null while none was issued. */
  documentNumber: string | null;
  /** The number printed on the paper (the back-end's, for certificates). */
  printedNumber: string | null;
  verifyCode: string | null;
  reprintsUsed: number;
  reprintable: boolean;
  messageKey: string | null;
  /** The collection slip that goes with an A4 document. */
  receipt: PrintState;
}

export interface FlowContext extends BaseFlowContext {
  sessionId: string;
  flowId: string;
  identifyProblem: 'missing' | 'invalidNumber' | 'expired' | 'cardRequired' | null;
  /** The identify step was confirmed: the identity is the run's (and the session's, fixed) from now on. False on a path that skipped identify. */
  identityConfirmed: boolean;
  /** What each step produced (a choice's value, a query's answer), by step id. */
  facts: Readonly<Record<string, unknown>>;
  /** Main-path steps the host has passed, in order: a step is entered only when every one before it is here. */
  passed: readonly string[];
  /** Back-end attempts per query step; photos taken per photo step. */
  attempts: Readonly<Record<string, number>>;
  /** The last failure per query step. */
  queryFailures: Readonly<Record<string, GatewayFailureKind | null>>;
  prints: Readonly<Record<string, PrintRecord>>;
  /** `reasonParams`: the values the reason's words name (e.g. a date), when the step gave any. */
  counter: { reasonKey: string; reasonParams?: Readonly<Record<string, string>>; ticket: { state: PrintState; number: string | null } } | null;
  referral: { to: ReferralTo; province: string | null; city: string | null } | null;
  failure: { reason: 'backendUnavailable' | 'internal' } | null;
  outcome: string | null;
  /**
   * 可视化代办: the run is done for the principal by their agent, approved by
   * the hall (identify, consent and the face check pass by it). Set only by
   * the host when it starts the run; null for a citizen's own run.
   */
  mandate: ProxyMandate | null;
  /** What the host starts next in the same session when this run has ended (a proxy case approved: the chosen service, for the principal). */
  continueWith: FlowContinuation | null;
}

/** A run the host starts after this one, in the same session. */
export interface FlowContinuation {
  serviceId: string;
  /** The run's identity (the principal's, typed from the number the agent entered). */
  identity: Identity;
  mandate: ProxyMandate;
}

export interface FlowInput {
  sessionId: string;
  flowId: string;
  identity: Identity | null;
  /** A run done by proxy (see FlowContext.mandate). */
  mandate?: ProxyMandate;
}

/** The context a run starts with. */
export function initialContext(input: FlowInput): FlowContext {
  return {
    sessionId: input.sessionId,
    flowId: input.flowId,
    identity: input.identity,
    consent: false,
    face: initialFace(),
    identifyProblem: null,
    identityConfirmed: false,
    facts: {},
    passed: [],
    attempts: {},
    queryFailures: {},
    prints: {},
    counter: null,
    referral: null,
    failure: null,
    outcome: null,
    mandate: input.mandate ?? null,
    continueWith: null,
  };
}

/** Whether the run is done by proxy under an approved mandate. */
export function mandated(context: FlowContext): boolean {
  return context.mandate !== null;
}

/** A fresh print record. */
export function initialPrint(): PrintRecord {
  return { state: 'printing', documentNumber: null, printedNumber: null, verifyCode: null, reprintsUsed: 0, reprintable: false, messageKey: null, receipt: 'printing' };
}

/** A step's fact, when it has one. */
export function factOf<T>(context: FlowContext, stepId: string): T | undefined {
  return context.facts[stepId] as T | undefined;
}
