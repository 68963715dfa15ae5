/**
 * The face worker: @vladmandic/human on the tfjs WASM backend, off the main
 * thread. Models and wasm come from the kiosk's own origin (`face/` next to
 * index.html, copied by scripts/prepare-face-assets.mjs), never from a CDN.
 * Messages: `init` {baseUrl} → `ready` | `failed`; `detect` {id, image, at} → `result`.
 */
import { Human, type Config, type FaceResult } from '@vladmandic/human';
import { eyeOpenness, rollDegrees, sharpnessAndBrightness, yawDegrees, type FaceSeen, type FrameObservation, type MeshPoint } from './observation';

/** Messages into the worker. */
export type FaceWorkerRequest = { type: 'init'; baseUrl: string } | { type: 'detect'; id: number; image: ImageData; at: number };
/** Messages out of the worker. */
export type FaceWorkerResponse =
  | { type: 'ready'; backend: string; loadMs: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; observation: FrameObservation }
  | { type: 'error'; id: number; message: string };

/** The detection settings the kiosk uses (exported for the bench). */
export function humanConfig(baseUrl: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: new URL('wasm/', baseUrl).href,
    modelBasePath: new URL('models/', baseUrl).href,
    cacheModels: false,
    cacheSensitivity: 0,
    warmup: 'none',
    debug: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, skipFrames: 0 },
      mesh: { enabled: true },
      iris: { enabled: true, skipFrames: 0 },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: true, skipFrames: 0 },
      liveness: { enabled: true, skipFrames: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}

/** Turns human's face result into what the kiosk needs. */
export function toFaceSeen(face: FaceResult, image: ImageData): FaceSeen {
  const mesh = face.mesh as unknown as MeshPoint[];
  const p = (i: number): MeshPoint => mesh[i] ?? [0, 0, 0];
  const [x, y, width, height] = face.box;
  const box = { x, y, width, height };
  const left = Math.min(p(234)[0], p(454)[0]);
  const right = Math.max(p(234)[0], p(454)[0]);
  return {
    score: face.score,
    box,
    left,
    right,
    eyeY: (p(33)[1] + p(133)[1] + p(362)[1] + p(263)[1]) / 4,
    chinY: p(152)[1],
    foreheadY: p(10)[1],
    centreX: (left + right) / 2,
    yaw: yawDegrees(mesh),
    pitch: ((face.rotation?.angle.pitch ?? 0) * 180) / Math.PI,
    roll: rollDegrees(mesh),
    eyeOpenness: eyeOpenness(mesh),
    ...sharpnessAndBrightness(image.data, image.width, image.height, box),
    antispoof: face.real ?? 0,
    liveness: face.live ?? 0,
  };
}

const scope = self as unknown as { postMessage(message: FaceWorkerResponse): void; onmessage: ((event: MessageEvent<FaceWorkerRequest>) => void) | null };
let human: Human | undefined;

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      void init(message.baseUrl);
      break;
    case 'detect':
      void detect(message.id, message.image, message.at);
      break;
    default: {
      const never: never = message;
      return never;
    }
  }
};

async function init(baseUrl: string): Promise<void> {
  const started = performance.now();
  try {
    human = new Human(humanConfig(baseUrl));
    await human.load();
    // No human.warmup(): it fetches a data: URL, which the kiosk CSP (connect-src 'self') forbids.
    scope.postMessage({ type: 'ready', backend: human.tf.getBackend(), loadMs: Math.round(performance.now() - started) });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

async function detect(id: number, image: ImageData, at: number): Promise<void> {
  if (!human) {
    scope.postMessage({ type: 'error', id, message: 'not initialised' });
    return;
  }
  try {
    const started = performance.now();
    const result = await human.detect(image);
    const faces = result.face.filter((face) => face.mesh.length >= 468).map((face) => toFaceSeen(face, image));
    scope.postMessage({ type: 'result', id, observation: { width: image.width, height: image.height, faces, detectMs: performance.now() - started, at } });
  } catch (error) {
    scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
