import { describe, expect, it } from 'vitest';
import type { FaceFrameAnswer } from '../../../electron/contract';
import { answerFrameRequests, type FrameAnswerDeps } from '../../../renderer/camera/frame-answers';

const nonce = (n: number) => `nonce-${String(n).padStart(10, '0')}`;

/** A host that asks for `count` frames, seeing one more action with each after the first. */
function host(count: number) {
  const log: string[] = [];
  let clock = 0;
  let asked = 0;
  const deps: FrameAnswerDeps = {
    wait: async (ms) => {
      clock += ms;
      log.push(`wait ${ms}`);
    },
    grab: () => `frame@${clock}`,
    send: async (n, jpeg): Promise<FaceFrameAnswer> => {
      log.push(`send ${n} ${jpeg}`);
      asked++;
      return { accepted: true, actionsSeen: asked - 1, next: asked < count ? { nonce: nonce(asked), inMs: 100 * (asked + 1) } : null };
    },
    stopped: () => false,
    onProgress: (seen) => log.push(`seen ${seen}`),
  };
  return { deps, log };
}

describe('answering the host\'s frame requests', () => {
  it('sends the camera\'s frame at each moment the host chose, with its nonce, until the host wants no more', async () => {
    const { deps, log } = host(3);
    const end = await answerFrameRequests({ nonce: nonce(0), inMs: 100 }, deps);
    expect(end).toEqual({ kind: 'finished', actionsSeen: 2 });
    expect(log).toEqual([
      'wait 100', `send ${nonce(0)} frame@100`, 'seen 0',
      'wait 200', `send ${nonce(1)} frame@300`, 'seen 1',
      'wait 300', `send ${nonce(2)} frame@600`, 'seen 2',
    ]);
  });

  it('stops when the step stops, and fails without a camera frame or when the call fails', async () => {
    let stop = false;
    const stopping = host(5);
    const stopped = await answerFrameRequests({ nonce: nonce(0), inMs: 100 }, { ...stopping.deps, onProgress: () => void (stop = true), stopped: () => stop });
    expect(stopped).toEqual({ kind: 'stopped', actionsSeen: 0 });
    expect(stopping.log.filter((line) => line.startsWith('send'))).toHaveLength(1);
    expect(await answerFrameRequests({ nonce: nonce(0), inMs: 100 }, { ...host(5).deps, grab: () => null })).toEqual({ kind: 'failed', actionsSeen: 0 });
    expect(await answerFrameRequests({ nonce: nonce(0), inMs: 100 }, { ...host(5).deps, send: async () => null })).toEqual({ kind: 'failed', actionsSeen: 0 });
  });
});
