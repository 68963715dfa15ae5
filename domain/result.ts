/**
 * The one value-or-error union of the codebase (ARCHITECTURE.md §6):
 * expected failures are values, never thrown. Every layer (drivers, host,
 * contract, renderer) uses this type or an alias of it.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
