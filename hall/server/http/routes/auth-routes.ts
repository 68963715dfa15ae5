/** POST /api/login, POST /api/logout, GET /api/me. */
import { LoginRequest, type LoginAnswer } from '../../../contract/console-api';
import { audit } from '../../auth/audit';
import { login } from '../../auth/login';
import { ABSOLUTE_MS, endSession, SESSION_COOKIE } from '../../auth/sessions';
import { apiError, json } from '../reply';
import { route } from '../route';

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${ABSOLUTE_MS / 1000}${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}

export const authRoutes = [
  route<LoginRequest>({
    method: 'POST',
    path: '/api/login',
    auth: 'none',
    body: LoginRequest,
    async handle({ deps, body, secure }) {
      const at = deps.now();
      const result = await login(deps.db, body.username, body.password, at);
      if (!result.ok) {
        const refusal = result.error;
        switch (refusal.kind) {
          case 'badCredentials':
            return apiError('badCredentials');
          case 'lockedOut':
            await audit(deps.db, { at, username: body.username, action: 'loginRefused', subject: null, detail: { lockedUntil: refusal.until } });
            return apiError('lockedOut', { until: refusal.until });
        }
      }
      const { officer, token, csrfToken } = result.value;
      await audit(deps.db, { at, username: officer.username, action: 'login', subject: null });
      const answer: LoginAnswer = { officer, csrfToken };
      return { kind: 'json', status: 200, body: answer, setCookie: sessionCookie(token, secure) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/logout',
    auth: 'officer',
    async handle({ deps, session, secure }) {
      if (!session) return apiError('signedOut');
      await endSession(deps.db, session.tokenHash);
      await audit(deps.db, { at: deps.now(), username: session.username, action: 'logout', subject: null });
      return { kind: 'json', status: 200, body: {}, setCookie: clearedCookie(secure) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/me',
    auth: 'officer',
    async handle({ session }) {
      if (!session) return apiError('signedOut');
      const answer: LoginAnswer = { officer: { username: session.username, displayName: session.displayName, role: session.role }, csrfToken: session.csrfToken };
      return json(answer);
    },
  }),
];
