/**
 * The renderer's side of the host's frame requests during the liveness
 * challenge: wait the moment the host chose, send the camera's frame then
 * with the host's nonce, and go on until the host wants no more. The host
 * measures the frames itself; nothing the renderer sees is reported.
 */
import type { FaceFrameAnswer, FrameRequest } from '../../electron/contract';

/** What answering needs: the call, the camera, a clock, and a way to stop. */
export interface FrameAnswerDeps {
  /** `face.frame` with this nonce and frame; null when the call failed. */
  send: (nonce: string, jpeg: string) => Promise<FaceFrameAnswer | null>;
  /** The camera's current frame as base64 JPEG, or null when there is none. */
  grab: () => string | null;
  wait: (ms: number) => Promise<void>;
  /** True once the step no longer wants the answers (retry, unmount). */
  stopped: () => boolean;
  /** The host's count of actions seen so far, for the on-screen guidance. */
  onProgress: (actionsSeen: number) => void;
}

/** How answering ended: the host asked for nothing more, the step stopped, or a frame or call failed. */
export type FrameAnswersEnd = { kind: 'finished' | 'stopped' | 'failed'; actionsSeen: number };

/** Answers requests from `first` on, one at a time. */
export async function answerFrameRequests(first: FrameRequest, deps: FrameAnswerDeps): Promise<FrameAnswersEnd> {
  let request: FrameRequest | null = first;
  let actionsSeen = 0;
  while (request) {
    await deps.wait(request.inMs);
    if (deps.stopped()) return { kind: 'stopped', actionsSeen };
    const jpeg = deps.grab();
    if (!jpeg) return { kind: 'failed', actionsSeen };
    const answer = await deps.send(request.nonce, jpeg);
    if (deps.stopped()) return { kind: 'stopped', actionsSeen };
    if (!answer) return { kind: 'failed', actionsSeen };
    actionsSeen = answer.actionsSeen;
    deps.onProgress(actionsSeen);
    request = answer.next;
  }
  return { kind: 'finished', actionsSeen };
}
