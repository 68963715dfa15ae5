/**
 * Tells a database error the payload caused (retrying cannot help: drop the
 * message and count it) from one of the database itself (retrying will: do
 * not acknowledge, let the broker deliver again). SQLSTATE classes 22 (data
 * exception), 23 (constraint) and 54 (program limit, e.g. nesting depth)
 * are the payload's; anything else (connection lost, server shutting down)
 * is transient.
 */
export function isPayloadError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}
