/**
 * 可视化代办 at the console (hall/contract/proxy-api.ts): the open cases,
 * joining one, the consent segment's recording (each party's WebM uploaded
 * raw, stored on `finish`), the decision and leaving. The officer is the
 * session's; the registry decides what the case's state allows. Errors are
 * `{ error: ProxyApiError }`.
 */
import { z } from 'zod';
import { ProxyDecision, type ProxyApiError } from '../../../contract/proxy-api';
import type { Result } from '../../../../domain/result';
import { audit } from '../../auth/audit';
import type { ConsoleSession } from '../../auth/sessions';
import type { Officer } from '../../proxy/case-registry.types';
import { MAX_PART_BYTES } from '../proxy-uploads';
import { apiError, json, type Reply } from '../reply';
import { route, type HallHttpDeps, type RouteContext } from '../route';

const ListQuery = z.object({ state: z.enum(['open', 'all']).default('open') });
const Party = z.enum(['phone', 'kiosk']);

const STATUS: Record<ProxyApiError, number> = {
  notFound: 404, caseEnded: 409, wrongState: 409, notSigned: 409, recordingMissing: 409, recordingNotStored: 502, otherOfficer: 403, tooLarge: 413,
};

export function proxyError(error: ProxyApiError): Reply {
  return { kind: 'json', status: STATUS[error], body: { error } };
}

function answer<T>(result: Result<T, ProxyApiError>): Reply {
  return result.ok ? json(result.value) : proxyError(result.error);
}

/** The console account is the officer: its username is the staff number the case keeps. */
export function officerOf(session: ConsoleSession): Officer {
  return { staffNumber: session.username, name: session.displayName };
}

type Desk = NonNullable<HallHttpDeps['proxy']>;

/** The proxy desk's routes: 404 when the hall runs without proxy cases, 401 without a session. */
function withDesk<B, Q>(handle: (ctx: RouteContext<B, Q>, desk: Desk, session: ConsoleSession, caseId: string) => Promise<Reply>) {
  return async (ctx: RouteContext<B, Q>): Promise<Reply> => {
    const desk = ctx.deps.proxy;
    if (!desk) return apiError('notFound');
    if (!ctx.session) return apiError('signedOut');
    return handle(ctx, desk, ctx.session, ctx.params.caseId ?? '');
  };
}

/** The case, when this officer is the one who joined it. */
function ownCase(desk: Desk, caseId: string, session: ConsoleSession): Result<true, ProxyApiError> {
  const view = desk.registry.list('all').find((entry) => entry.caseId === caseId);
  if (!view) return { ok: false, error: 'notFound' };
  if (view.officer?.staffNumber !== session.username) return { ok: false, error: 'otherOfficer' };
  return { ok: true, value: true };
}

export const proxyRoutes = [
  route<unknown, z.infer<typeof ListQuery>>({
    method: 'GET',
    path: '/api/proxy/cases',
    auth: 'officer',
    query: ListQuery,
    handle: withDesk(async ({ query }, desk) => json(desk.registry.list(query.state))),
  }),
  route({
    method: 'POST',
    path: '/api/proxy/cases/:caseId/join',
    auth: 'officer',
    // The registry audits the officer's case actions (join, recording, decision, leave) itself.
    handle: withDesk(async (_ctx, desk, session, caseId) => answer(desk.registry.join(caseId, officerOf(session)))),
  }),
  route({
    method: 'POST',
    path: '/api/proxy/cases/:caseId/recording/start',
    auth: 'officer',
    handle: withDesk(async (_ctx, desk, session, caseId) => {
      const started = desk.registry.recordingStarted(caseId, officerOf(session));
      // A new segment: whatever an earlier attempt uploaded is not part of it.
      if (started.ok) desk.uploads.clear(caseId);
      return answer(started);
    }),
  }),
  route<Uint8Array>({
    method: 'PUT',
    path: '/api/proxy/cases/:caseId/recording/:party',
    auth: 'officer',
    raw: { contentType: 'video/webm', maxBytes: MAX_PART_BYTES },
    handle: withDesk(async ({ params, body }, desk, session, caseId) => {
      const party = Party.safeParse(params.party);
      if (!party.success) return apiError('badRequest', { field: 'party' });
      const own = ownCase(desk, caseId, session);
      if (!own.ok) return proxyError(own.error);
      const view = desk.registry.list('all').find((entry) => entry.caseId === caseId);
      if (view?.state !== 'recording') return proxyError('wrongState');
      if (body.byteLength === 0) return apiError('badRequest', { field: 'body' });
      if (!desk.uploads.put(caseId, party.data, body)) return proxyError('tooLarge');
      return json({});
    }),
  }),
  route({
    method: 'POST',
    path: '/api/proxy/cases/:caseId/recording/finish',
    auth: 'officer',
    handle: withDesk(async ({ deps }, desk, session, caseId) => {
      const own = ownCase(desk, caseId, session);
      if (!own.ok) return proxyError(own.error);
      const view = desk.registry.list('all').find((entry) => entry.caseId === caseId);
      if (view?.state !== 'recording') return proxyError('wrongState');
      const parts = desk.uploads.parts(caseId);
      if (!parts.some((p) => p.party === 'phone') || !parts.some((p) => p.party === 'kiosk')) return proxyError('recordingMissing');
      desk.uploads.clear(caseId);
      const stored = await desk.recordings.store(caseId, parts);
      if (!stored.ok) {
        desk.registry.recordingFailed(caseId);
        await audit(deps.db, { at: deps.now(), username: session.username, action: 'proxyRecordingFailed', subject: view.kioskId, detail: { caseId, why: stored.error } });
        return proxyError('recordingNotStored');
      }
      const recorded = desk.registry.recordingStored(caseId, officerOf(session), stored.value);
      // The case ended while it was being stored: no case points at the file, so it is not kept.
      if (!recorded.ok) await desk.recordings.remove(caseId);
      return answer(recorded);
    }),
  }),
  route<ProxyDecision>({
    method: 'POST',
    path: '/api/proxy/cases/:caseId/decision',
    auth: 'officer',
    body: ProxyDecision,
    handle: withDesk(async ({ body }, desk, session, caseId) => answer(desk.registry.decide(caseId, officerOf(session), body))),
  }),
  route({
    method: 'POST',
    path: '/api/proxy/cases/:caseId/leave',
    auth: 'officer',
    handle: withDesk(async (_ctx, desk, session, caseId) => {
      const own = ownCase(desk, caseId, session);
      if (!own.ok) return proxyError(own.error);
      desk.uploads.clear(caseId);
      desk.registry.officerLeft(caseId, officerOf(session));
      return json({});
    }),
  }),
];
