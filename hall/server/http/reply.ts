/** What a route answers: a value, never a throw (the server writes it). */
import type { ApiError } from '../../contract/console-api';

export type Reply =
  | { kind: 'json'; status: number; body: unknown; setCookie?: string }
  | { kind: 'csv'; body: string; filename: string };

export function json(body: unknown, status = 200): Reply {
  return { kind: 'json', status, body };
}

const STATUS: Record<ApiError['error'], number> = {
  badRequest: 400, badCredentials: 401, signedOut: 401, csrf: 403, forbidden: 403, notFound: 404, conflict: 409, kioskOffline: 409, lockedOut: 423, internal: 500,
};

export function apiError(error: ApiError['error'], extra: Omit<ApiError, 'error'> = {}): Reply {
  return { kind: 'json', status: STATUS[error], body: { error, ...extra } satisfies ApiError };
}
