/**
 * What every flow step component receives from the FlowRunner: the host's
 * view and this step's data (its words as i18n keys), and the only ways to
 * act, which all go to the host (the renderer decides nothing).
 */
import type { FlowEvent, FlowEventType, FlowStepData, FlowView, KioskApi, StepKind } from '../../electron/contract';

/** The data of a step of kind `K`, as the host sent it. */
export type StepData<K extends StepKind> = Extract<FlowStepData, { step: K }>;

/** The props all steps share. */
export interface StepContext {
  /** The whole view (serviceId, stepId, stepIndex, accepts, messageKey…). */
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

/** Props of the component that draws a step of kind `K`. */
export type StepProps<K extends StepKind> = StepContext & { data: StepData<K> };
