/**
 * Reference photos of the sample citizens (sandbox only). They are faces cut
 * from the sample images that ship inside @vladmandic/human (see
 * resources/faces/README.md); no real person's ID photo is held.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from './result';
import { resourcesPath } from './resources-dir';

/** resources/faces/ */
export const SAMPLE_FACES_DIR: string = resourcesPath('faces');

/** Sample citizens that have a reference photo, by citizen id. */
export const SAMPLE_FACE_CITIZENS = ['resident-han', 'resident-long-term', 'resident-rare-chars', 'hmt-hong-kong', 'foreigner-2023'] as const;

/** Loads `resources/faces/<citizenId>.jpg`. */
export async function loadSampleReferencePhoto(citizenId: string): Promise<Result<Uint8Array>> {
  if (!/^[a-z0-9-]+$/.test(citizenId)) return fail('badCitizenId');
  try {
    return ok(new Uint8Array(await readFile(join(SAMPLE_FACES_DIR, `${citizenId}.jpg`))));
  } catch {
    return fail('noReferencePhoto', citizenId);
  }
}
