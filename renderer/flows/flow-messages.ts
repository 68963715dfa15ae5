/**
 * How the runner shows a view's `messageKey`: a problem of the step (in the
 * error style, counted toward the help offer) or a neutral note that explains
 * a side step (counter, referral, failed) or a printer warning.
 */
import type { FlowView, StepKind } from '../../electron/contract';

/** Step kinds whose message explains where the citizen goes, not something that went wrong. */
const EXPLAINING_STEPS: ReadonlySet<StepKind> = new Set(['counter', 'referral', 'failed', 'done']);

/** Printer messages that are warnings for staff, never the citizen's problem. */
const NOTES: ReadonlySet<string> = new Set(['print.completed', 'print.paperLow', 'print.tonerLow']);

/** What to show for a view's message. */
export type FlowMessage =
  { kind: 'none' } | { kind: 'problem'; messageKey: string } | { kind: 'note'; messageKey: string };

/** Classifies the view's message. */
export function flowMessageOf(view: FlowView): FlowMessage {
  const key = view.messageKey;
  if (!key) return { kind: 'none' };
  // The counter step says its reason itself; the same words twice would be noise.
  if (view.data.step === 'counter' && view.data.reasonKey === key) return { kind: 'none' };
  if (EXPLAINING_STEPS.has(view.step) || NOTES.has(key)) return { kind: 'note', messageKey: key };
  return { kind: 'problem', messageKey: key };
}
