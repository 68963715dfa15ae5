/**
 * Puts the standard photo under flow control: `photo.choose` is taken only
 * for the spec the session's current flow step asks for (never when no
 * photo step is current), and an accepted choice becomes the flow's
 * PHOTO_ACCEPTED event with the candidate's id and its bytes' SHA-256 (the
 * bytes stay in the session's data). The photo handlers themselves refuse a
 * candidate that failed the checks. `photo.check` still answers outside a
 * flow (the simulation's dev route), but while a photo step is current its
 * takes count there and stop at the step's `maxTakes`.
 */
import { createHash } from 'node:crypto';
import type { PhotoSpecId } from '../../contract';
import { kioskError, type CallHandlers } from '../api/dispatch';
import type { PhotoAsked } from './flow-handlers';

/** The flow side, bound by the composition root (the flow runtime's controls). */
export interface PhotoFlowPort {
  photoAsked(sessionId: string): PhotoAsked | null;
  photoTaken(sessionId: string, spec: PhotoSpecId): boolean;
  photoChosen(sessionId: string, choice: { spec: PhotoSpecId; candidateId: string; sha256: string }): boolean;
}

const refused = (messageKey: string) => ({ ok: false as const, error: { ...kioskError('invalidParams'), messageKey } });

/** Wraps `photo.check` and `photo.choose`; `chosenJpeg` reads the session's chosen photo of a spec. */
export function withPhotoToFlow<H extends Pick<CallHandlers, 'photo.check' | 'photo.choose'>>(
  handlers: H,
  chosenJpeg: (sessionId: string, spec: PhotoSpecId) => Uint8Array | undefined,
  flow: PhotoFlowPort,
): H {
  const check = handlers['photo.check'];
  const choose = handlers['photo.choose'];
  return {
    ...handlers,
    'photo.check': async (params: Parameters<CallHandlers['photo.check']>[0]) => {
      const asked = flow.photoAsked(params.sessionId);
      const forStep = asked !== null && asked.spec === params.spec;
      if (forStep && asked.takes >= asked.maxTakes) return refused('photo.retakesExhausted');
      const outcome = await check(params);
      if (!outcome.ok || !forStep) return outcome;
      flow.photoTaken(params.sessionId, params.spec);
      // The step's own limit, when it is tighter than the host's.
      const stepLeft = Math.max(0, asked.maxTakes - asked.takes - 1);
      return { ok: true as const, value: { ...outcome.value, retakesLeft: Math.min(outcome.value.retakesLeft, stepLeft) } };
    },
    'photo.choose': async (params: Parameters<CallHandlers['photo.choose']>[0]) => {
      const asked = flow.photoAsked(params.sessionId);
      if (asked === null || asked.spec !== params.spec) return refused('photo.notAsked');
      const outcome = await choose(params);
      if (!outcome.ok) return outcome;
      const jpeg = chosenJpeg(params.sessionId, params.spec);
      if (!jpeg) return refused('photo.unknownCandidate');
      const sha256 = createHash('sha256').update(jpeg).digest('hex');
      if (!flow.photoChosen(params.sessionId, { spec: params.spec, candidateId: params.candidateId, sha256 })) return refused('photo.notAsked');
      return outcome;
    },
  };
}
