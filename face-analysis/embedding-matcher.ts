/**
 * The sandbox's real face matcher: human's `faceres` embedding (1024 floats)
 * run in Node on the WASM backend, compared with human's normalised
 * similarity (0…1). Nothing is cached: each call decodes, embeds and forgets.
 */
import { decodeJpeg } from './decode-jpeg';
import { loadFaceAnalyzer, type DetectedFace, type FaceAnalyzer, type HumanNodeOptions } from './human-node';
import type { FaceMatcher } from './matcher';
import { fail, ok, type Result } from './result';

/** Options of {@link createEmbeddingFaceMatcher}. */
export interface EmbeddingMatcherOptions extends HumanNodeOptions {
  /** A ready analyzer (tests); loaded from the package otherwise. */
  analyzer?: Promise<FaceAnalyzer>;
  /** A second face at least this fraction of the largest face's width makes the probe ambiguous. */
  secondFaceRatio?: number;
}

/** Creates the embedding matcher. The models load on the first compare (or call `warm()`). */
export function createEmbeddingFaceMatcher(options: EmbeddingMatcherOptions = {}): FaceMatcher & { warm(): Promise<void> } {
  const analyzer = () => options.analyzer ?? loadFaceAnalyzer(options);
  const secondFaceRatio = options.secondFaceRatio ?? 0.6;

  const embed = async (jpeg: Uint8Array, role: 'reference' | 'probe'): Promise<Result<number[]>> => {
    const decoded = await decodeJpeg(jpeg, { maxPixels: 4_000_000 });
    if (!decoded.ok) return fail(`${role}Unreadable`, decoded.error.detail);
    const faces = (await (await analyzer()).detect(decoded.value)).filter((face) => face.embedding.length > 0);
    const largest = largestFace(faces);
    if (!largest) return fail(role === 'reference' ? 'noFaceInReference' : 'noFaceInProbe');
    if (role === 'probe' && faces.some((face) => face !== largest && face.box.width >= largest.box.width * secondFaceRatio)) return fail('severalFacesInProbe');
    return ok(largest.embedding);
  };

  return {
    async warm() {
      await analyzer();
    },
    async compare(reference, probe) {
      const ref = await embed(reference, 'reference');
      if (!ref.ok) return ref;
      const live = await embed(probe, 'probe');
      if (!live.ok) return live;
      const similarity = (await analyzer()).similarity(ref.value, live.value);
      return ok({ similarity: Math.round(similarity * 1000) / 1000 });
    },
  };
}

function largestFace(faces: DetectedFace[]): DetectedFace | undefined {
  return faces.reduce<DetectedFace | undefined>((best, face) => (!best || face.box.width > best.box.width ? face : best), undefined);
}
