/**
 * photo: a standard photo of one spec (居民身份证, 驾驶证, 出入境). The
 * citizen takes photos (`photo.check`, at most `maxTakes` for this step) and
 * chooses one; the host's photo module checks that the candidate passed the
 * spec's rules and then sends PHOTO_ACCEPTED with its id and its bytes'
 * hash, which the renderer cannot send. Only that passes the step, so no
 * step after it (a review, a print, a submission) is entered without an
 * accepted photo. The bytes stay in the session's data for the service to
 * submit; the step's fact holds their hash.
 * With `studioReceipt` the citizen may instead bring a certified photo
 * studio's 数码照片回执: the host fetches that photo by the receipt's code,
 * checks it with the same rules and keeps it as a candidate
 * (capture/photo/studio-receipt.ts); choosing it sends the same
 * PHOTO_ACCEPTED, so the step cannot tell, and need not.
 */
import { assign } from 'xstate';
import type { PhotoSpecId } from '../../../contract';
import type { FlowContext } from './context';
import type { StepDefinition } from './step';

export interface PhotoOptions {
  id: string;
  labelKey: string;
  /** What the photo is for, in the service's words. */
  titleKey: string;
  spec: PhotoSpecId;
  /** Photos the citizen may take at this step (the host's own retake limit still applies). */
  maxTakes: number;
  /** Whether the citizen may go back to the step before. */
  back?: boolean;
  /** Whether a photo studio's receipt code may stand in for a photo taken here (default: no). */
  studioReceipt?: boolean;
}

/** The step's fact: which accepted photo was chosen, and its bytes' hash. */
export interface ChosenPhoto {
  spec: PhotoSpecId;
  candidateId: string;
  sha256: string;
}

type PhotoEvent = { type: string; spec?: PhotoSpecId; candidateId?: string; sha256?: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function photoStep(options: PhotoOptions): StepDefinition {
  if (!Number.isInteger(options.maxTakes) || options.maxTakes < 1 || options.maxTakes > 20) throw new RangeError(`photo step ${options.id}: maxTakes must be 1–20`);
  const ofSpec = ({ event }: { event: PhotoEvent }) => event.spec === options.spec;
  return {
    id: options.id,
    kind: 'photo',
    labelKey: options.labelKey,
    build: (wiring) => ({
      on: {
        PHOTO_TAKEN: {
          guard: ofSpec,
          actions: assign({ attempts: ({ context }: { context: FlowContext }) => ({ ...context.attempts, [options.id]: takesOf(context, options.id) + 1 }) }),
        },
        PHOTO_ACCEPTED: {
          guard: ({ event }: { event: PhotoEvent }) => ofSpec({ event }) && typeof event.candidateId === 'string' && event.candidateId.length > 0 && SHA256_HEX.test(event.sha256 ?? ''),
          ...wiring.leave(
            { to: 'next' },
            assign({
              facts: ({ context, event }: { context: FlowContext; event: PhotoEvent }) => ({
                ...context.facts,
                [options.id]: { spec: options.spec, candidateId: event.candidateId!, sha256: event.sha256! } satisfies ChosenPhoto,
              }),
            }),
          ),
        },
        ...(options.back && wiring.previous ? { BACK: wiring.back() } : {}),
      },
    }),
    // The chosen photo's bytes go with an application written after this step.
    attachment: (context) => {
      const photo = chosenPhoto(context, options.id);
      return photo ? { kind: 'photo', step: options.id, spec: photo.spec, sha256: photo.sha256 } : null;
    },
    view: (context) => ({
      data: {
        step: 'photo',
        spec: options.spec,
        titleKey: options.titleKey,
        maxTakes: options.maxTakes,
        takes: takesOf(context, options.id),
        chosen: chosenPhoto(context, options.id) !== null,
        studioReceipt: options.studioReceipt ?? false,
      },
    }),
  };
}

function takesOf(context: FlowContext, id: string): number {
  return context.attempts[id] ?? 0;
}

/** The photo chosen at step `id`, or null. */
export function chosenPhoto(context: FlowContext, id: string): ChosenPhoto | null {
  const value = context.facts[id] as Partial<ChosenPhoto> | undefined;
  return value && typeof value.candidateId === 'string' && typeof value.sha256 === 'string' && value.spec ? (value as ChosenPhoto) : null;
}
