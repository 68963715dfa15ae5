/** Column values as both engines return them (node-postgres and PGlite give `Date` for timestamptz). */

/** An ISO-8601 UTC string from a timestamptz column. */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
