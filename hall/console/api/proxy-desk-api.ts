/**
 * The console's 可视化代办 calls (hall/contract/proxy-api.ts), beside the
 * ConsoleApi: the same cookie and CSRF token, answers validated with the
 * contract, failures as values (the server's proxy codes included).
 */
import { z } from 'zod';
import { readAnswer } from './read-answer';
import { err, type Result } from '../../../domain/result';
import { ProxyCaseView } from '../../../electron/contract/proxy';
import { ApiError } from '../../contract/console-api';
import { ConsoleJoined, ProxyApiError, type ProxyDecision } from '../../contract/proxy-api';
import type { ConsoleFailure } from './console-api';

export type ProxyDeskFailure = ConsoleFailure | { error: ProxyApiError };
export type ProxyResult<T> = Result<T, ProxyDeskFailure>;
type Empty = Record<string, never>;

export interface ProxyDeskApi {
  cases(state: 'open' | 'all'): Promise<ProxyResult<ProxyCaseView[]>>;
  join(caseId: string): Promise<ProxyResult<ConsoleJoined>>;
  startRecording(caseId: string): Promise<ProxyResult<ProxyCaseView>>;
  uploadPart(caseId: string, party: 'phone' | 'kiosk', webm: Blob): Promise<ProxyResult<Empty>>;
  finishRecording(caseId: string): Promise<ProxyResult<ProxyCaseView>>;
  decide(caseId: string, decision: ProxyDecision): Promise<ProxyResult<ProxyCaseView>>;
  leave(caseId: string): Promise<ProxyResult<Empty>>;
}

const EmptyAnswer = z.object({}).transform((): Empty => ({}));
const Failure = z.union([ApiError, z.object({ error: ProxyApiError })]);

export function createProxyDeskHttp(options: { csrfToken: () => string | null; baseUrl?: string; fetch?: typeof fetch }): ProxyDeskApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const id = encodeURIComponent;

  async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, schema: z.ZodType<T>, body?: { json: unknown } | { webm: Blob }): Promise<ProxyResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.csrfToken();
    if (method !== 'GET' && token) headers['x-csrf-token'] = token;
    let payload: BodyInit | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'video/webm';
      payload = body.webm;
    }
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, credentials: 'same-origin', ...(payload !== undefined ? { body: payload } : {}) });
    } catch {
      return err({ error: 'network' });
    }
    return readAnswer(response, schema, Failure);
  }

  return {
    cases: (state) => call('GET', `/api/proxy/cases?state=${state}`, z.array(ProxyCaseView)),
    join: (caseId) => call('POST', `/api/proxy/cases/${id(caseId)}/join`, ConsoleJoined),
    startRecording: (caseId) => call('POST', `/api/proxy/cases/${id(caseId)}/recording/start`, ProxyCaseView),
    uploadPart: (caseId, party, webm) => call('PUT', `/api/proxy/cases/${id(caseId)}/recording/${party}`, EmptyAnswer, { webm }),
    finishRecording: (caseId) => call('POST', `/api/proxy/cases/${id(caseId)}/recording/finish`, ProxyCaseView),
    decide: (caseId, decision) => call('POST', `/api/proxy/cases/${id(caseId)}/decision`, ProxyCaseView, { json: decision }),
    leave: (caseId) => call('POST', `/api/proxy/cases/${id(caseId)}/leave`, EmptyAnswer),
  };
}
