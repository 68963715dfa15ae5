/**
 * What every flow step component receives from the FlowRunner: the host's
 * view and this step's data, and the only ways to act, which all go to the
 * host (the renderer decides nothing).
 */
import type { FlowEvent, FlowEventType, FlowStep, FlowStepData, FlowView, KioskApi } from '../../electron/contract';

/** The data of step `S`, as the host sent it. */
export type StepData<S extends FlowStep> = Extract<FlowStepData, { step: S }>;

/** The props all steps share. */
export interface StepContext {
  /** The whole view (stepIndex, accepts, messageKey…). */
  view: FlowView;
  api: KioskApi;
  sessionId: string;
  elderMode: boolean;
  /**
   * Sends a citizen's event to the host. Ignored when the step does not accept
   * it now or another event is still on its way (no double submission).
   */
  send: (event: FlowEvent) => Promise<void>;
  /** Whether the current view accepts this event type. */
  accepts: (type: FlowEventType) => boolean;
  /** Asks the host for the current view again (e.g. after the face check answered). */
  refresh: () => Promise<void>;
  /** Reports an error in words (an i18n key); it counts toward the help offer. */
  onError: (messageKey: string) => void;
  /** Ends the session as finished (the shell returns to the attract screen). */
  onFinish: () => unknown;
}

/** Props of the component that draws step `S`. */
export type StepProps<S extends FlowStep> = StepContext & { data: StepData<S> };
