/**
 * What the sandbox back-end compares faces with: the embedding matcher (or a
 * test's stand-in) against the sample citizens' reference photos in
 * resources/faces/, standing in for the population database's photo.
 */
import type { SandboxFaceMatcher } from '../gateway/sandbox-gateway';
import { createEmbeddingFaceMatcher } from '../../../face-analysis/embedding-matcher';
import type { FaceMatcher } from '../../../face-analysis/matcher';
import { loadSampleReferencePhoto } from '../../../face-analysis/references';

/** The sandbox's face comparison; `matcher` replaces the embedding model (tests). */
export function sandboxFaceMatcher(matcher: FaceMatcher = createEmbeddingFaceMatcher()): SandboxFaceMatcher {
  return {
    matcher,
    async reference(faceRef) {
      const photo = await loadSampleReferencePhoto(faceRef);
      return photo.ok ? photo.value : undefined;
    },
  };
}
