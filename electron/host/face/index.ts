/**
 * The kiosk host's face check (issue #6). The judging it shares with the
 * hall is in domain/face/; the landmark model, matcher and sample
 * reference photos in face-analysis/.
 */
export { createFaceHandlers, type FaceHandlerContext, type FaceCallName } from './handlers';
