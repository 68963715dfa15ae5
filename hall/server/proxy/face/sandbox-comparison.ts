/**
 * The sandbox back-end's 1:1 face comparison for the hall, as the kiosk's
 * sandbox gateway does it: the sandbox's people (resources/sandbox/citizens.json)
 * name their reference photo (`faceRef` → resources/faces/<faceRef>.jpg, faces
 * of the sample citizens, no real person's), and the embedding model compares
 * it with the probe. Sandbox only: the real back-end is gateway-comparison.ts.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { err, ok, type Result } from '../../../../domain/result';
import { createEmbeddingFaceMatcher } from '../../../../face-analysis/embedding-matcher';
import type { FaceMatcher } from '../../../../face-analysis/matcher';
import { loadSampleReferencePhoto } from '../../../../face-analysis/references';
import { resourcesPath } from '../../../../face-analysis/resources-dir';
import type { FaceComparison } from '../ports';

export interface SandboxFaceComparisonOptions {
  /**
   * More reference photos by ID number: `{ [idNumber]: sampleCitizenKey }`, e.g.
   * `{ '110101…': 'resident-han' }` gives a person who only types their number
   * a sample face (tests); wins over the data file.
   */
  faceRefs?: Readonly<Record<string, string>>;
  /** The sandbox's people; default resources/sandbox/citizens.json. */
  dataPath?: string;
  /** The embedding model's matcher by default (tests may pass a stand-in). */
  matcher?: FaceMatcher;
  /** Similarity at or above which faces match (default 0.6, as the kiosk's sandbox). */
  threshold?: number;
}

/** Only what the comparison reads of the sandbox's people; the kiosk's loader checks the rest. */
const SandboxPeople = z.object({
  citizens: z.record(z.string().regex(/^[0-9A-Z]{15,18}$/), z.object({ faceRef: z.string().regex(/^[a-z0-9-]+$/).optional() })),
});

/** The sandbox's people's reference photo names, by (upper-case) ID number. */
async function loadFaceRefs(path: string): Promise<Result<Map<string, string>, 'unavailable'>> {
  try {
    const parsed = SandboxPeople.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) return err('unavailable');
    const refs = new Map<string, string>();
    for (const [idNumber, citizen] of Object.entries(parsed.data.citizens)) if (citizen.faceRef) refs.set(idNumber, citizen.faceRef);
    return ok(refs);
  } catch {
    return err('unavailable');
  }
}

/** Creates the sandbox comparison; the data file is read on the first call. */
export function createSandboxFaceComparison(options: SandboxFaceComparisonOptions = {}): FaceComparison {
  const matcher = options.matcher ?? createEmbeddingFaceMatcher();
  const threshold = options.threshold ?? 0.6;
  const extra = new Map(Object.entries(options.faceRefs ?? {}).map(([idNumber, ref]) => [idNumber.toUpperCase(), ref]));
  let people: Promise<Result<Map<string, string>, 'unavailable'>> | undefined;
  const faceRefOf = async (idNumber: string): Promise<Result<string | undefined, 'unavailable'>> => {
    const key = idNumber.toUpperCase();
    if (extra.has(key)) return ok(extra.get(key));
    people ??= loadFaceRefs(options.dataPath ?? resourcesPath('sandbox', 'citizens.json'));
    const loaded = await people;
    if (!loaded.ok) {
      people = undefined;
      return loaded;
    }
    return ok(loaded.value.get(key));
  };

  return async ({ idNumber, probe }) => {
    const faceRef = await faceRefOf(idNumber);
    if (!faceRef.ok) return faceRef;
    if (!faceRef.value) return err('notFound');
    const reference = await loadSampleReferencePhoto(faceRef.value);
    if (!reference.ok) return err('notFound');
    const compared = await matcher.compare(reference.value, probe);
    // A probe the model cannot read is a face that does not match, as at the kiosk's sandbox.
    if (!compared.ok) return ok({ match: false, score: 0 });
    const score = Math.max(0, Math.min(1, compared.value.similarity));
    return ok({ match: score >= threshold, score });
  };
}
