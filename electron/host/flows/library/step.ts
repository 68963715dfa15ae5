/**
 * What a library step is: a piece of state machine plus the view the
 * renderer draws for it. A service lists steps (its plan); the builder
 * (build-machine.ts) chains them, wraps each in a gate so it is entered only
 * after every step before it was passed by the host, and adds the side
 * steps every flow shares (counter, referral, failed, done).
 */
import type { DetailRow, FlowStepData, StepKind } from '../../../contract';
import type { FlowContext, ReferralTo } from './context';
import type { FlowKit } from './kit';
import type { AttachmentRef } from './attachments';

/** What a step shows: its data and, optionally, a message. */
export interface StepView {
  data: FlowStepData;
  messageKey?: string;
}

/**
 * Where a step leads when it is done with: on along the path, or aside.
 * `counter`: a queue ticket for the service's window, with a reason the screen
 * words coarsely; `referral`: somewhere else; `done`: the run ends with an
 * outcome from the service's vocabulary (or the library's: declined, failed…).
 */
/** Values the counter's reason names (`{{until}}` in its words), e.g. a date; public data only, never a name or number. */
export type CounterReasonParams = Readonly<Record<string, string>>;

export type Route =
  | { to: 'next' }
  | { to: 'counter'; reasonKey: string; reasonParams?: CounterReasonParams }
  | { to: 'referral'; referral: { to: ReferralTo; province: string | null; city: string | null } }
  | { to: 'done'; outcome: string }
  | { to: 'failed'; reason: 'backendUnavailable' | 'internal' };

/**
 * An XState state node config, loosely typed: steps are composed at run
 * time, and the builder's machine is typed on FlowContext and the flow events.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateConfig = Record<string, any>;

/** What the builder tells a step about its place in the plan. */
export interface StepWiring {
  /** This step's id (its state's key). */
  id: string;
  /** `#flow.<id>`. */
  self: string;
  /** The previous main-path step's target, or null for the first. */
  previous: string | null;
  /**
   * The transition config that leaves this step along `route` (marks the step
   * passed when it goes on), plus any extra actions to run first.
   */
  leave(route: Route, ...actions: unknown[]): StateConfig;
  /** Guarded transitions that leave along the route `decide` picks when the event arrives (spread them into a list). */
  leaveBy(decide: (args: { context: FlowContext; event: unknown }) => Route, ...actions: unknown[]): StateConfig[];
  /**
   * The transition back to an earlier step (default: the previous one): it
   * and every step after it are no longer passed, and what they found is forgotten.
   */
  back(to?: string, ...actions: unknown[]): StateConfig;
  /** The plan's steps before this one (an application written here carries their attachments). */
  earlier: readonly StepDefinition[];
  kit: FlowKit;
}

/** A step of the library, configured by a service. */
export interface StepDefinition {
  readonly id: string;
  readonly kind: StepKind;
  /** The progress bar's label (an i18n key, usually the service's). */
  readonly labelKey: string;
  /** The state node for this step. */
  build(wiring: StepWiring): StateConfig;
  /** What the renderer draws; `child` is the step's own sub-state (e.g. `failed`), if any. */
  view(context: FlowContext, child: string | null, kit: FlowKit): StepView;
  /** An extra condition for entering the step beyond the passed steps before it (e.g. the record allows a certificate). */
  readonly mayEnter?: (context: FlowContext) => boolean;
  /**
   * The step does not apply to this run (e.g. the vehicle's details when the
   * citizen searches by their own licence): once the run may enter it, it is
   * passed without being shown, and its fact stays absent. Never on a step
   * that guards anything (a payment, a face check).
   */
  readonly skipWhen?: (context: FlowContext) => boolean;
  /**
   * What the step adds to an application written after it (a capture step:
   * photo, prints, signature, papers), as recorded in its fact; null when it
   * has nothing (not passed, skipped). See attachments.ts.
   */
  readonly attachment?: (context: FlowContext) => AttachmentRef | null;
}

/** A service's flow: its steps in order; the last one's route decides the outcome. */
export interface FlowPlan {
  readonly steps: readonly StepDefinition[];
  /**
   * The holder's name for the counter's queue ticket (printed masked), when
   * the service knows more than the identity (a typed number has no name,
   * the back-end's lookup does). Default: the identity's name.
   */
  readonly holderName?: (context: FlowContext) => string | null;
}

/** Rows of a review or slip, from the service. */
export type Rows = (context: FlowContext) => DetailRow[];
