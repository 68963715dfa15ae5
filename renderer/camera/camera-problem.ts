/** Why a camera cannot be used, in the citizen's terms. */

export type CameraProblem = 'noCamera' | 'busy' | 'refused' | 'unsupported' | 'failed';

/** Classifies a getUserMedia failure (DOMException names). */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'refused';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'failed';
  }
}
