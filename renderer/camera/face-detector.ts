/** The main thread's side of the face worker: one request at a time, answers as values. */
import type { FaceWorkerRequest, FaceWorkerResponse } from './face-worker';
import type { FrameObservation } from './observation';
import { err, ok, type Result } from '../../domain/result';

/** Why the worker has no answer: it failed (its message), or it answered out of turn. */
export type FaceWorkerProblem = { kind: 'failed' | 'unexpectedAnswer'; message: string };

/** A loaded face detector. */
export interface FaceDetector {
  detect(image: ImageData, at?: number): Promise<Result<FrameObservation, FaceWorkerProblem>>;
  dispose(): void;
}

/** A detector ready to use, with the backend it runs on and how long the models took to load. */
export interface LoadedFaceDetector {
  detector: FaceDetector;
  backend: string;
  loadMs: number;
}

export type FaceDetectorLoad = Result<LoadedFaceDetector, FaceWorkerProblem>;

/** Where the face assets are served: `face/` beside the page. */
export function faceAssetsBase(doc: Document = document): string {
  return new URL('./face/', doc.baseURI).href;
}

/** Starts the worker and loads the models. */
export function loadFaceDetector(baseUrl: string = faceAssetsBase()): Promise<FaceDetectorLoad> {
  const worker = new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module', name: 'face' });
  const waiting = new Map<number, (response: FaceWorkerResponse) => void>();
  let nextId = 1;
  return new Promise((resolve) => {
    worker.onerror = (event) =>
      resolve(err({ kind: 'failed', message: event.message || 'face worker failed to start' }));
    worker.onmessage = (event: MessageEvent<FaceWorkerResponse>) => {
      const message = event.data;
      switch (message.type) {
        case 'ready':
          resolve(
            ok({
              backend: message.backend,
              loadMs: message.loadMs,
              detector: {
                detect(image, at = performance.timeOrigin + performance.now()) {
                  const id = nextId++;
                  return new Promise((done) => {
                    waiting.set(id, (answer) => {
                      if (answer.type === 'result') done(ok(answer.observation));
                      else
                        done(
                          err(
                            answer.type === 'error' || answer.type === 'failed'
                              ? { kind: 'failed', message: answer.message }
                              : { kind: 'unexpectedAnswer', message: 'unexpected answer' },
                          ),
                        );
                    });
                    const request: FaceWorkerRequest = { type: 'detect', id, image, at };
                    worker.postMessage(request, [image.data.buffer]);
                  });
                },
                dispose() {
                  worker.terminate();
                  for (const done of waiting.values()) done({ type: 'error', id: 0, message: 'disposed' });
                  waiting.clear();
                },
              },
            }),
          );
          break;
        case 'failed':
          worker.terminate();
          resolve(err({ kind: 'failed', message: message.message }));
          break;
        case 'result':
        case 'error': {
          const done = waiting.get(message.id);
          waiting.delete(message.id);
          done?.(message);
          break;
        }
        default: {
          const never: never = message;
          return never;
        }
      }
    };
    const init: FaceWorkerRequest = { type: 'init', baseUrl };
    worker.postMessage(init);
  });
}
