/**
 * faceCheck: live face against the fixed identity's reference photo. The
 * verdict comes from the host's face module (FACE_RESULT), never from the
 * renderer, and counts only for the run's fixed identity. The face module
 * counts tries (and the person's lockout); when none are left the citizen
 * goes to the counter. BACK returns to consent and withdraws it.
 */
import { assign } from 'xstate';
import type { FaceCheckOutcome } from '../../../contract';
import { consentGiven, faceMayRetry, identityUsable } from '../guards';
import type { FlowContext } from './context';
import { passByMandate } from './mandate';
import type { StepDefinition } from './step';

type FaceEvent = { type: string; outcome?: FaceCheckOutcome; attemptsLeft?: number };

export function faceCheckStep(options: { labelKey?: string } = {}): StepDefinition {
  return {
    id: 'faceCheck',
    kind: 'faceCheck',
    labelKey: options.labelKey ?? 'flow.steps.faceCheck',
    build: (wiring) => ({
      // A run by proxy: the hall checked the principal's face on their phone (the back-end's 1:1 comparison).
      always: passByMandate(wiring, assign({ face: () => ({ passed: true, attempts: 0, last: 'passed' as const }) })),
      on: {
        FACE_RESULT: [
          {
            guard: ({ context, event }: { context: FlowContext; event: FaceEvent }) => event.outcome === 'passed' && identityUsable(context) && consentGiven(context),
            ...wiring.leave({ to: 'next' }, assign({ face: ({ context }: { context: FlowContext }) => ({ passed: true, attempts: context.face.attempts + 1, last: 'passed' as const }) })),
          },
          { guard: ({ event }: { event: FaceEvent }) => faceMayRetry(event.attemptsLeft ?? 0), actions: faceFailed },
          wiring.leave({ to: 'counter', reasonKey: 'flow.counter.reason.faceCheckFailed' }, faceFailed),
        ],
        ...(wiring.previous ? { BACK: wiring.back(undefined, assign({ consent: () => false })) } : {}),
      },
    }),
    view: (context, _child, kit) => {
      const last = context.face.last;
      return {
        data: { step: 'faceCheck', attempt: context.face.attempts, maxAttempts: kit.maxFaceAttempts, lastOutcome: last },
        ...(last && last !== 'passed' ? { messageKey: `flow.face.${last}` } : {}),
      };
    },
  };
}

const faceFailed = assign({
  face: ({ context, event }: { context: FlowContext; event: FaceEvent }) => ({
    passed: false,
    attempts: context.face.attempts + 1,
    last: event.type === 'FACE_RESULT' && event.outcome ? event.outcome : context.face.last,
  }),
});
