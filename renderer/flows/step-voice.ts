/**
 * A flow step's spoken prompt. In the step's main state (the one where the
 * citizen acts on what the service asks: agreeing, choosing, checking,
 * collecting) a service may say it in its own words, with the key
 * `svc.<serviceId>.voice.<stepId>` in its wording; otherwise, and in the
 * states every service shares (waits, failures, typing a number), the step
 * library's generic prompt for the kind is said.
 */
import { useTranslation } from 'react-i18next';
import type { FlowView } from '../../electron/contract';
import { useSpeakOnShow, type VoiceKey } from '../voice/VoiceContext';

/** The key of a service's own prompt for the view's step. */
export function serviceVoiceKey(view: Pick<FlowView, 'serviceId' | 'stepId'>): VoiceKey {
  return `svc.${view.serviceId}.voice.${view.stepId}`;
}

/** The step's prompt: the service's own in the main state when it has one, else `libraryKey`. */
export function useStepVoiceKey(view: FlowView, libraryKey: VoiceKey | null, main: boolean): VoiceKey | null {
  const { i18n } = useTranslation();
  const own = serviceVoiceKey(view);
  return main && i18n.exists(own) ? own : libraryKey;
}

/** Speaks the step's prompt ({@link useStepVoiceKey}) when it appears. */
export function useStepVoice(view: FlowView, libraryKey: VoiceKey | null, main: boolean): void {
  useSpeakOnShow(useStepVoiceKey(view, libraryKey, main));
}
