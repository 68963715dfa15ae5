/**
 * Hands the face module's verdicts to the session's flow: `face.verify`
 * answers the renderer as before, and its result also becomes the flow's
 * FACE_RESULT event. The renderer cannot send that event itself. Each
 * verdict goes with the fixed identity the check began on (`fixedIdentity`
 * when the call came in): a fixed identity never changes, so that is the
 * identity the face module compared, and the flow takes no other.
 */
import type { CallHandlers } from '../api/dispatch';
import type { FaceVerifyResult, Identity } from '../../contract';

/** Wraps the `face.verify` handler so each verdict reaches the flow through `deliver`. */
export function withFaceToFlow<H extends Pick<CallHandlers, 'face.verify'>>(
  handlers: H,
  fixedIdentity: (sessionId: string) => Identity | null,
  deliver: (sessionId: string, verdict: FaceVerifyResult, checked: Identity | null) => void,
): H {
  const verify = handlers['face.verify'];
  return {
    ...handlers,
    'face.verify': async (params: Parameters<CallHandlers['face.verify']>[0]) => {
      const checked = fixedIdentity(params.sessionId);
      const outcome = await verify(params);
      if (outcome.ok) deliver(params.sessionId, outcome.value, checked);
      return outcome;
    },
  };
}
