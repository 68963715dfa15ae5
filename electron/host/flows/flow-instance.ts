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
import type { FlowEvent, FlowEventType, FlowStep, FlowStepData, FlowView } from '../../contract';
import type { FlowMachineEvent } from './flow-events';

/** What a service's view function returns for a snapshot. */
export interface StepView {
  data: FlowStepData;
  messageKey?: string;
}

export interface FlowInstance {
  readonly serviceId: string;
  readonly flowId: string;
  view(): FlowView;
  /** Sends an event; false (and nothing happens) when the current step does not accept it. */
  send(event: FlowMachineEvent): boolean;
  /** Told on every change of the view. */
  subscribe(listener: (view: FlowView) => void): () => void;
  /** Stops the actor: in-flight work is ignored from now on. */
  stop(): void;
}

/** Representative events to ask "is this type accepted now" for the view's `accepts`. */
const PROBES: Record<FlowEventType, FlowEvent> = {
  CONFIRM: { type: 'CONFIRM' },
  CONSENT: { type: 'CONSENT', granted: true },
  PURPOSE: { type: 'PURPOSE', purpose: 'other' },
  BACK: { type: 'BACK' },
  RETRY: { type: 'RETRY' },
  REPRINT: { type: 'REPRINT' },
};

export interface FlowInstanceOptions<M extends AnyStateMachine> {
  serviceId: string;
  flowId: string;
  machine: M;
  input?: unknown;
  /** The service's main path, for `stepIndex`/`stepCount`. */
  steps: readonly FlowStep[];
  view: (snapshot: SnapshotFrom<M>) => StepView;
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
    const { data, messageKey } = options.view(current as SnapshotFrom<M>);
    const mainIndex = options.steps.indexOf(data.step);
    const stepCount = options.steps.length;
    const accepts = (Object.keys(PROBES) as FlowEventType[]).filter((type) => current.status === 'active' && current.can(PROBES[type]));
    return {
      serviceId: options.serviceId,
      step: data.step,
      stepIndex: mainIndex >= 0 ? mainIndex : stepCount - 1,
      stepCount,
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
