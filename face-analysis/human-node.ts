/**
 * @vladmandic/human in Node on the tfjs WASM backend (no native tfjs-node):
 * models and wasm are read from the installed package on disk through a tfjs
 * load router, never fetched. One instance per process, loaded on first use.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Config, FaceResult, Human } from '@vladmandic/human';
import type { RgbaImage } from './decode-jpeg';
import { eyeOpenness, yawDegrees, type MeshPoint } from '../electron/contract/face-mesh';

const require = createRequire(import.meta.url);
const HUMAN_DIST = dirname(require.resolve('@vladmandic/human'));

/** Where the host finds the models and the tfjs wasm binaries (the npm packages by default). */
export interface HumanNodeOptions {
  modelsDir?: string;
  wasmDir?: string;
}

/** The package's model folder and the tfjs-backend-wasm dist folder. */
export function defaultHumanPaths(): Required<HumanNodeOptions> {
  return {
    modelsDir: join(HUMAN_DIST, '../models'),
    wasmDir: dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')),
  };
}

const SCHEME = 'onedoor-models://';

/** A face as the host sees it, in image pixels. */
export interface DetectedFace {
  score: number;
  box: { x: number; y: number; width: number; height: number };
  /** Cheek to cheek (mesh 234 ↔ 454). */
  left: number;
  right: number;
  /** Mean height of the four eye corners. */
  eyeY: number;
  /** Mesh 152. */
  chinY: number;
  /** Mesh 10 (top of the forehead). */
  foreheadY: number;
  centreX: number;
  /** Eyelid gap over eye width (iris-refined when asked for): ~0.3 open, <0.12 closed. */
  eyeOpenness: number;
  /** Degrees; + = the citizen's own left. */
  yaw: number;
  embedding: number[];
  /** Passive anti-spoofing and liveness scores, 0…1 (1 = real, live). */
  real: number;
  live: number;
}

/** Detection, landmarks and the 1024-float faceres embedding. */
export interface FaceAnalyzer {
  /** `embedding: false` skips the faceres model (liveness frames need landmarks and passive scores only). */
  detect(image: RgbaImage, options?: DetectOptions): Promise<DetectedFace[]>;
  similarity(a: readonly number[], b: readonly number[]): number;
}

/** What one detection runs beyond the detector, mesh and passive scores. */
export interface DetectOptions {
  /** The 1024-float faceres embedding (default true). */
  embedding?: boolean;
  /** Iris-refined eye landmarks, for eye openness (default false). */
  iris?: boolean;
}

let shared: Promise<FaceAnalyzer> | undefined;

/** The process-wide analyzer; loads the models on first call (≈0.3 s). */
export function loadFaceAnalyzer(options: HumanNodeOptions = {}): Promise<FaceAnalyzer> {
  shared ??= createAnalyzer({ ...defaultHumanPaths(), ...options }).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

async function createAnalyzer({ modelsDir, wasmDir }: Required<HumanNodeOptions>): Promise<FaceAnalyzer> {
  const { Human: HumanClass } = require(join(HUMAN_DIST, 'human.node-wasm.js')) as { Human: new (config?: Partial<Config>) => Human };
  const human = new HumanClass({
    backend: 'wasm',
    wasmPath: wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`,
    modelBasePath: SCHEME,
    debug: false,
    cacheModels: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 5, minConfidence: 0.3, return: false },
      mesh: { enabled: true },
      iris: { enabled: true, skipFrames: 0, skipTime: 0 },
      description: { enabled: true, skipFrames: 0, skipTime: 0 },
      emotion: { enabled: false },
      antispoof: { enabled: true, skipFrames: 0, skipTime: 0 },
      liveness: { enabled: true, skipFrames: 0, skipTime: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>);
  human.tf.io.registerLoadRouter((url: string | string[]) => (typeof url === 'string' && url.startsWith(SCHEME) ? diskHandler(modelsDir, url.slice(SCHEME.length)) : null));
  await human.load();
  return {
    async detect(image, options = {}) {
      const rgb = new Int32Array(image.width * image.height * 3);
      for (let i = 0, j = 0; i < image.data.length; i += 4) {
        rgb[j++] = image.data[i]!;
        rgb[j++] = image.data[i + 1]!;
        rgb[j++] = image.data[i + 2]!;
      }
      const tensor = human.tf.tensor3d(rgb, [image.height, image.width, 3], 'int32');
      try {
        // human merges a call's config into its own for good, so every call names both switches.
        const result = await human.detect(tensor, { face: { iris: { enabled: options.iris ?? false }, description: { enabled: options.embedding ?? true } } } as Partial<Config>);
        return result.face.filter((face) => face.mesh.length >= 468).map(toDetected);
      } finally {
        human.tf.dispose(tensor);
      }
    },
    similarity: (a, b) => human.match.similarity(a as number[], b as number[]),
  };
}

function toDetected(face: FaceResult): DetectedFace {
  const point = (i: number) => face.mesh[i] ?? [0, 0, 0];
  const left = point(234)[0];
  const right = point(454)[0];
  const eyeY = (point(33)[1] + point(133)[1] + point(362)[1] + point(263)[1]) / 4;
  const [x, y, width, height] = face.box;
  return {
    score: face.score,
    box: { x, y, width, height },
    left: Math.min(left, right),
    right: Math.max(left, right),
    eyeY,
    chinY: point(152)[1],
    foreheadY: point(10)[1],
    centreX: (left + right) / 2,
    eyeOpenness: eyeOpenness(face.mesh as unknown as MeshPoint[]),
    yaw: yawDegrees(face.mesh as unknown as MeshPoint[]),
    embedding: Array.from(face.embedding ?? []),
    real: face.real ?? 0,
    live: face.live ?? 0,
  };
}

/** A tfjs IOHandler that reads `<name>.json` and its weight shards from disk. */
function diskHandler(modelsDir: string, name: string) {
  return {
    async load() {
      const json = JSON.parse(await readFile(join(modelsDir, name), 'utf8')) as {
        modelTopology: unknown;
        weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
        format?: string;
        generatedBy?: string;
        convertedBy?: string;
        signature?: unknown;
        userDefinedMetadata?: unknown;
        modelInitializer?: unknown;
      };
      const shards: Buffer[] = [];
      for (const group of json.weightsManifest) for (const path of group.paths) shards.push(await readFile(join(modelsDir, path)));
      const all = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        modelInitializer: json.modelInitializer,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  } as never;
}
