/**
 * The console's HTTP client: same-origin fetch with the session cookie, the
 * CSRF token on every POST/DELETE, answers validated with the contract's zod
 * schemas. A failed request is a value: the server's `{ error }`, `network`
 * when nothing came back, `badAnswer` when the answer breaks the contract.
 */
import { z } from 'zod';
import { readAnswer } from './read-answer';
import { err } from '../../../domain/result';
import {
  AlertView,
  ApiError,
  CommandSent,
  DropOffAnswer,
  HelpCallView,
  KioskStaffView,
  KioskView,
  LoginAnswer,
  StatsAnswer,
  SupervisedSession,
  type StatsQuery,
} from '../../contract/console-api';
import { statsQueryString, type ApiResult, type ConsoleApi } from './console-api';

const Empty = z.object({}).transform((): Record<string, never> => ({}));

export interface HttpClientOptions {
  /** Defaults to the page's own origin (`''`). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** `csrfToken()`: the session's token, for the proxy desk's calls (proxy-desk-api.ts). */
export function createHttpApi(options: HttpClientOptions = {}): ConsoleApi & { csrfToken(): string | null } {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | null = null;

  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      return err({ error: 'network' });
    }
    return readAnswer(response, schema, ApiError);
  }

  const remember = (result: ApiResult<LoginAnswer>): ApiResult<LoginAnswer> => {
    if (result.ok) csrfToken = result.value.csrfToken;
    return result;
  };
  const id = encodeURIComponent;

  return {
    csrfToken: () => csrfToken,
    login: async (request) => remember(await call('POST', '/api/login', LoginAnswer, request)),
    logout: async () => {
      const result = await call('POST', '/api/logout', Empty);
      csrfToken = null;
      return result;
    },
    me: async () => remember(await call('GET', '/api/me', LoginAnswer)),
    kiosks: () => call('GET', '/api/kiosks', z.array(KioskView)),
    sendCommand: (kioskId, command) => call('POST', `/api/kiosks/${id(kioskId)}/commands`, CommandSent, command),
    alerts: (state) => call('GET', `/api/alerts?state=${state}`, z.array(AlertView)),
    acknowledgeAlert: (alertId) => call('POST', `/api/alerts/${id(alertId)}/acknowledge`, AlertView),
    resolveAlert: (alertId) => call('POST', `/api/alerts/${id(alertId)}/resolve`, AlertView),
    helpCalls: (state) => call('GET', `/api/help-calls?state=${state}`, z.array(HelpCallView)),
    claimHelpCall: (callId, etaMinutes) => call('POST', `/api/help-calls/${id(callId)}/claim`, HelpCallView, { etaMinutes }),
    resolveHelpCall: (callId) => call('POST', `/api/help-calls/${id(callId)}/resolve`, HelpCallView),
    supervision: () => call('GET', '/api/supervision', z.array(SupervisedSession)),
    stats: (query: StatsQuery) => call('GET', `/api/stats?${statsQueryString(query)}`, StatsAnswer),
    dropOff: (serviceId, from, to) => call('GET', `/api/stats/dropoff?${new URLSearchParams({ serviceId, from, to }).toString()}`, DropOffAnswer),
    statsCsvUrl: (query) => `${base}/api/stats.csv?${statsQueryString(query)}`,
    staff: () => call('GET', '/api/staff', z.array(KioskStaffView)),
    addStaff: (request) => call('POST', '/api/staff', KioskStaffView, request),
    removeStaff: (staffNumber) => call('DELETE', `/api/staff/${id(staffNumber)}`, Empty),
  };
}
