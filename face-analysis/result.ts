/**
 * The face module's failures: a short machine reason (`noFace`,
 * `probeUnreadable`…) and, where useful, a detail; as the codebase's one
 * Result type.
 */
import { err, ok as okValue, type Result as DomainResult } from '../domain/result';

export interface FaceFailure {
  reason: string;
  detail?: string;
}

export type Result<T> = DomainResult<T, FaceFailure>;

/** Wraps a value. */
export const ok = <T>(value: T): Result<T> => okValue(value);

/** A failure with a short machine reason (`noFace`, `corruptJpeg`…). */
export const fail = <T = never>(reason: string, detail?: string): Result<T> => err(detail === undefined ? { reason } : { reason, detail });
