/**
 * Hands the face module's verdicts to the session's flow: `face.verify`
 * answers the renderer as before, and its result also becomes the flow's
 * FACE_RESULT event. The renderer cannot send that event itself.
 */
import type { CallHandlers } from '../api/dispatch';
import type { FaceVerifyResult } from '../../contract';

/** Wraps the `face.verify` handler so each verdict reaches the flow through `deliver`. */
export function withFaceToFlow<H extends Pick<CallHandlers, 'face.verify'>>(handlers: H, deliver: (sessionId: string, verdict: FaceVerifyResult) => void): H {
  const verify = handlers['face.verify'];
  return {
    ...handlers,
    'face.verify': async (params: Parameters<CallHandlers['face.verify']>[0]) => {
      const outcome = await verify(params);
      if (outcome.ok) deliver(params.sessionId, outcome.value);
      return outcome;
    },
  };
}
