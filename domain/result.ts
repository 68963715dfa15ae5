/** A value-or-error union: expected failures are values, never thrown. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
