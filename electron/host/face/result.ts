/** Expected failures of the face and photo modules, as values. */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string; detail?: string };

/** Wraps a value. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failure with a short machine reason (`noFace`, `corruptJpeg`…). */
export const fail = <T = never>(reason: string, detail?: string): Result<T> => (detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
