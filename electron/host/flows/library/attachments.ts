/**
 * What an application carries besides the service's payload: the content
 * of the capture steps the run passed before the step that writes it (the
 * payment step holding it, or the submit step). Each capture step declares
 * its piece (`StepDefinition.attachment`) as a reference: what the flow
 * recorded (the hash, the finger, the paper), never bytes. The kit's
 * `attachments` desk fetches the bytes from the session and checks each
 * against the recorded hash, so the back-end gets exactly what the citizen
 * was shown and accepted. A service gets this by using the steps: nothing
 * to write in the service, nothing in shared files.
 */
import type { FingerCode, PhotoSpecId, SignatureStrokes } from '../../../contract';
import type { Result } from '../../../../domain/result';
import type { ApplicationAttachments } from '../../gateway/application-attachments';
import type { Application } from '../ports';
import type { FlowContext } from './context';
import { FlowPlanError } from './build-machine';
import type { StepDefinition, StepWiring } from './step';

/** A capture step's piece of the application, as the flow recorded it. */
export type AttachmentRef =
  | { kind: 'photo'; step: string; spec: PhotoSpecId; sha256: string }
  | { kind: 'fingerprints'; step: string; prints: Array<{ finger: FingerCode; quality: number; sha256: string }>; exemptions: Array<{ finger: FingerCode; reason: 'missing' | 'damaged' }> }
  | { kind: 'signature'; step: string; documentKey: string; strokes: SignatureStrokes; signedAt: string; sha256: string }
  | { kind: 'papers'; step: string; papers: Array<{ paper: string; pages: number; sha256: string }> };

/**
 * The host's side (the kit's `attachments`): the bytes of each reference
 * from the session, checked against its hash. An error (an i18n-free reason
 * for the log) when a piece is gone or differs: the application is not written then.
 */
export interface AttachmentDesk {
  resolve(sessionId: string, refs: readonly AttachmentRef[]): Result<ApplicationAttachments, string>;
}

/** The capture steps before this one whose pieces an application written here carries. */
export function attachmentSteps(wiring: Pick<StepWiring, 'id' | 'earlier' | 'kit'>): readonly StepDefinition[] {
  const steps = wiring.earlier.filter((step) => step.attachment !== undefined);
  const kinds = new Set<string>();
  for (const step of steps) {
    if (kinds.has(step.kind)) throw new FlowPlanError(`step ${wiring.id}: two ${step.kind} steps before it; an application carries one of each`);
    kinds.add(step.kind);
  }
  if (steps.length > 0 && !wiring.kit.attachments) throw new FlowPlanError(`step ${wiring.id}: capture steps before it need the kit's attachments`);
  return steps;
}

/**
 * The application the run writes now: the service's payload and the pieces
 * of the capture steps it passed (a skipped step has none). Throws when a
 * piece cannot be resolved: the step fails rather than send less than was captured.
 */
export function applicationOf(context: FlowContext, serviceId: string, payload: Record<string, unknown>, steps: readonly StepDefinition[], desk: AttachmentDesk | undefined): Application {
  const refs = steps.filter((step) => context.passed.includes(step.id)).flatMap((step) => step.attachment?.(context) ?? []);
  if (refs.length === 0 || !desk) return { serviceId, payload };
  const resolved = desk.resolve(context.sessionId, refs);
  if (!resolved.ok) throw new Error(`attachments: ${resolved.error}`);
  return { serviceId, payload, attachments: resolved.value };
}
