/** Face check, matcher and reference photos (issue #6). */
export type { FaceMatcher, FaceMatchFailure } from './matcher';
export { createEmbeddingFaceMatcher, type EmbeddingMatcherOptions } from './embedding-matcher';
export { loadSampleReferencePhoto, sampleCitizenByIdNumber, SAMPLE_FACE_CITIZENS, SAMPLE_FACES_DIR } from './references';
export { createFaceHandlers, type FaceHandlerContext, type FaceCallName } from './handlers';
export type { Result } from './result';
