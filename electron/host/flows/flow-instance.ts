/**
 * One running flow: an XState actor plus the service's view function. The
 * instance answers "what does the renderer draw" and "does the current step
 * accept this event" (XState's `can`, which evaluates the guards), so an
 * event no transition allows is refused, not silently dropped. Every view
 * carries the run's id and a sequence number that grows with each change:
 * a reply computed before a step that finished at once (no I/O) reaches the
 * renderer after that step's event, and the number tells it which is newer.
 */
import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { FlowEvent, FlowEventType, FlowStepData, FlowView, PathStep } from '../../contract';
import type { FlowMachineEvent } from './flow-events';
import type { FlowContinuation } from './library/context';

/** What the view function returns for a snapshot: the step (by the service's id) and its data. */
export interface StepView {
  stepId: string;
  data: FlowStepData;
  messageKey?: string;
}

export interface FlowInstance {
  readonly serviceId: string;
  readonly flowId: string;
  view(): FlowView;
  /** Sends an event; false (and nothing happens) when the current step does not accept it. */
  send(event: FlowMachineEvent): boolean;
  /** Whether the run's identify step was confirmed (the session's identity is then fixed); false on a path that skipped it. */
  identityConfirmed(): boolean;
  /** A run the host should start next in the same session (a proxy case approved), once this one has ended; absent or null: none. */
  continuation?(): FlowContinuation | null;
  /** Told on every change of the view. */
  subscribe(listener: (view: FlowView) => void): () => void;
  /** Stops the actor: in-flight work is ignored from now on. */
  stop(): void;
}

/**
 * Representative events to ask "is this type accepted now" for the view's
 * `accepts`; a choice is probed with one of the options the step offers.
 */
function probes(data: FlowStepData): Record<FlowEventType, FlowEvent> {
  return {
    CONFIRM: { type: 'CONFIRM' },
    CONSENT: { type: 'CONSENT', granted: true },
    CHOOSE: { type: 'CHOOSE', value: data.step === 'choice' ? (data.options[0]?.value ?? '-') : '-' },
    BACK: { type: 'BACK' },
    RETRY: { type: 'RETRY' },
    REPRINT: { type: 'REPRINT' },
    // A dot: the signature step takes any well-formed signature (and refuses a poor one with a message).
    SIGN: { type: 'SIGN', signature: { aspect: 1, strokes: [[{ x: 0.5, y: 0.5, t: 0 }]] } },
    // A form stays with errors when its values are wrong, so any submission probes it.
    SUBMIT_FORM: { type: 'SUBMIT_FORM', values: {} },
    EXEMPT_FINGER: { type: 'EXEMPT_FINGER', reason: 'missing' },
    // The ability test takes any round's answers for the round it asks (and refuses implausible ones with a message).
    ABILITY_ANSWERS: { type: 'ABILITY_ANSWERS', round: data.step === 'abilityTest' ? (data.round?.name ?? 'practice') : 'practice', showing: data.step === 'abilityTest' ? (data.round?.showing ?? 0) : 0, answers: [] },
    // Nothing taken on: a selection accepts it when it needs none, and refuses it otherwise.
    SELECT: { type: 'SELECT', values: data.step === 'selection' ? data.items.filter((item) => item.selectable).map((item) => item.id) : [] },
  };
}
const EVENT_TYPES: readonly FlowEventType[] = ['CONFIRM', 'CONSENT', 'CHOOSE', 'BACK', 'RETRY', 'REPRINT', 'SIGN', 'SUBMIT_FORM', 'EXEMPT_FINGER', 'ABILITY_ANSWERS', 'SELECT'];

export interface FlowInstanceOptions<M extends AnyStateMachine> {
  serviceId: string;
  flowId: string;
  machine: M;
  input?: unknown;
  /** The service's main path, for `stepIndex`/`stepCount` and the progress bar. */
  path: readonly PathStep[];
  view: (snapshot: SnapshotFrom<M>) => StepView;
  /** Whether the snapshot's run confirmed its identify step; default: it is past a step of kind identify (a flow that starts there). */
  identityConfirmed?: (snapshot: SnapshotFrom<M>) => boolean;
  /** The run the snapshot asks the host to start next (default: none). */
  continuation?: (snapshot: SnapshotFrom<M>) => FlowContinuation | null;
  /** Told when the actor fails (a bug: expected failures are values). */
  onError?: (error: unknown) => void;
}

/** Starts the actor and wraps it. */
export function startFlowInstance<M extends AnyStateMachine>(options: FlowInstanceOptions<M>): FlowInstance {
  const actor = createActor(options.machine as AnyStateMachine, { input: options.input });
  const listeners = new Set<(view: FlowView) => void>();
  let stopped = false;

  const snapshot = (): AnyMachineSnapshot => actor.getSnapshot();
  /** The view without its place in the run (so a change is a change of content). */
  const compute = (): Omit<FlowView, 'flowId' | 'seq'> => {
    const current = snapshot();
    const { stepId, data, messageKey } = options.view(current as SnapshotFrom<M>);
    const mainIndex = options.path.findIndex((step) => step.id === stepId);
    const stepCount = options.path.length;
    const probe = probes(data);
    const accepts = EVENT_TYPES.filter((type) => current.status === 'active' && current.can(probe[type]));
    return {
      serviceId: options.serviceId,
      stepId,
      step: data.step,
      stepIndex: mainIndex >= 0 ? mainIndex : stepCount - 1,
      stepCount,
      path: [...options.path],
      canGoBack: accepts.includes('BACK'),
      accepts,
      data,
      ...(messageKey ? { messageKey } : {}),
    };
  };

  let last = '';
  // Set only when the content changed, and synchronously with the actor (XState notifies during `send`).
  let seq = 0;
  const numbered = (view: Omit<FlowView, 'flowId' | 'seq'>): FlowView => ({ ...view, flowId: options.flowId, seq });
  actor.subscribe({
    next: () => {
      if (stopped) return;
      const view = compute();
      const key = JSON.stringify(view);
      if (key === last) return;
      last = key;
      seq += 1;
      const shown = numbered(view);
      for (const listener of [...listeners]) listener(shown);
    },
    error: (error) => options.onError?.(error),
  });
  actor.start();
  last = JSON.stringify(compute());
  seq = 0;

  return {
    serviceId: options.serviceId,
    flowId: options.flowId,
    view: () => numbered(compute()),
    continuation: () => (options.continuation ? options.continuation(snapshot() as SnapshotFrom<M>) : null),
    identityConfirmed: () => (options.identityConfirmed ? options.identityConfirmed(snapshot() as SnapshotFrom<M>) : compute().step !== 'identify'),
    send(event) {
      if (stopped || snapshot().status !== 'active' || !snapshot().can(event)) return false;
      actor.send(event);
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      listeners.clear();
      actor.stop();
    },
  };
}
