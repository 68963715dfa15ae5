/**
 * signature: the citizen signs a document (the service's 申请表, 告知承诺书…)
 * on the touch screen. The pad sends its strokes as vector data (SIGN); the
 * host checks them (signature-check.ts) and passes the step only with a
 * signature long and large enough; a dot or a tiny scribble stays on the
 * step with a message saying why. The step's fact holds the strokes, when
 * the host received them (its own clock) and their hash; it lives in the
 * run's context, so it goes with the session. Going back to this step from
 * a later one forgets the signature: the citizen signs again.
 */
import { assign } from 'xstate';
import type { SignatureStrokes } from '../../../contract';
import { checkSignature } from './signature-check';
import type { FlowContext } from './context';
import type { StepDefinition } from './step';

export interface SignatureOptions {
  id: string;
  labelKey: string;
  /**
   * What the citizen is asked to do, in the service's words; a function when
   * it depends on the run (e.g. a guardian signs for a child under 16).
   */
  titleKey: string | ((context: FlowContext) => string);
  /** The document being signed (申请表, 告知承诺书), in the service's words. */
  documentKey: string;
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
}

export type SignatureRefusal = 'tooShort' | 'tooSmall';

/** A signature the host accepted. */
export interface Signed {
  kind: 'signed';
  documentKey: string;
  signature: SignatureStrokes;
  /** When the host received it (ISO 8601, the host's clock). */
  signedAt: string;
  /** SHA-256 of the canonical stroke data, lower-case hex. */
  sha256: string;
}

/** The step's fact: the accepted signature, or why the last one was refused. */
export type SignatureFact = Signed | { kind: 'refused'; problem: SignatureRefusal };

type SignEvent = { type: string; signature?: unknown };

export function signatureStep(options: SignatureOptions): StepDefinition {
  const problemOf = ({ event }: { event: SignEvent }): SignatureRefusal | 'malformed' | null => {
    const checked = checkSignature(event.signature);
    return checked.ok ? null : checked.error;
  };
  return {
    id: options.id,
    kind: 'signature',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        SIGN: [
          {
            guard: (args: { event: SignEvent }) => problemOf(args) === null,
            ...wiring.leave(
              { to: 'next' },
              assign({
                facts: ({ context, event }: { context: FlowContext; event: SignEvent }) => {
                  const checked = checkSignature(event.signature);
                  if (!checked.ok) return context.facts;
                  const fact: Signed = { kind: 'signed', documentKey: options.documentKey, signature: checked.value.signature, signedAt: wiring.kit.now().toISOString(), sha256: checked.value.sha256 };
                  return { ...context.facts, [options.id]: fact };
                },
              }),
            ),
          },
          {
            // Well-formed but not a signature: stay, and say why. A malformed one is not accepted at all.
            guard: (args: { event: SignEvent }) => {
              const problem = problemOf(args);
              return problem === 'tooShort' || problem === 'tooSmall';
            },
            actions: assign({
              facts: ({ context, event }: { context: FlowContext; event: SignEvent }) => {
                const problem = problemOf({ event });
                return problem === 'tooShort' || problem === 'tooSmall' ? { ...context.facts, [options.id]: { kind: 'refused', problem } satisfies SignatureFact } : context.facts;
              },
            }),
          },
        ],
        ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
      },
    }),
    // The strokes as signed, with when, go with an application written after this step (the kit adds the kiosk).
    attachment: (context) => {
      const signed = signatureOf(context, options.id);
      return signed ? { kind: 'signature', step: options.id, documentKey: signed.documentKey, strokes: signed.signature, signedAt: signed.signedAt, sha256: signed.sha256 } : null;
    },
    view: (context) => {
      const fact = context.facts[options.id] as SignatureFact | undefined;
      const problem = fact?.kind === 'refused' ? fact.problem : null;
      return {
        data: { step: 'signature', titleKey: typeof options.titleKey === 'function' ? options.titleKey(context) : options.titleKey, documentKey: options.documentKey, problem },
        ...(problem ? { messageKey: `flow.signature.${problem}` } : {}),
      };
    },
  };
}

/** The signature accepted at step `id`, or null. */
export function signatureOf(context: FlowContext, id: string): Signed | null {
  const fact = context.facts[id] as SignatureFact | undefined;
  return fact?.kind === 'signed' ? fact : null;
}
