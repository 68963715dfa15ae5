/**
 * Console sessions: the cookie holds 32 random bytes, the database only their
 * SHA-256 (a copy of the table opens no session). Idle expiry 30 min, absolute
 * 12 h; each session has its own CSRF token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';

export const SESSION_COOKIE = 'hall_session';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;

export interface ConsoleSession {
  tokenHash: string;
  username: string;
  displayName: string;
  role: Role;
  csrfToken: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Pick<HallDb, 'query'>, username: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    'INSERT INTO console_sessions (token_hash, username, csrf_token, created_at, last_seen, expires_at) VALUES ($1, $2, $3, $4, $4, $5)',
    [hashToken(token), username, csrfToken, now, new Date(now.getTime() + ABSOLUTE_MS)],
  );
  return { token, csrfToken };
}

/** The live session for a cookie token (and marks it used), or null: unknown, idle too long, or past 12 h. */
export async function findSession(db: Pick<HallDb, 'query'>, token: string, now: Date): Promise<ConsoleSession | null> {
  const tokenHash = hashToken(token);
  const { rows } = await db.query<{ username: string; display_name: string; role: Role; csrf_token: string; last_seen: Date | string; expires_at: Date | string }>(
    `SELECT s.username, o.display_name, o.role, s.csrf_token, s.last_seen, s.expires_at
     FROM console_sessions s JOIN officers o ON o.username = s.username WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  const idleSince = new Date(row.last_seen).getTime();
  if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() - idleSince >= IDLE_MS) {
    await endSession(db, tokenHash);
    return null;
  }
  await db.query('UPDATE console_sessions SET last_seen = $2 WHERE token_hash = $1', [tokenHash, now]);
  return { tokenHash, username: row.username, displayName: row.display_name, role: row.role, csrfToken: row.csrf_token };
}

export async function endSession(db: Pick<HallDb, 'query'>, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
}

/** Constant-time comparison of the request's `x-csrf-token` with the session's. */
export function csrfMatches(session: ConsoleSession, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a session is still live (no touch: a socket listening is not a request). */
export async function sessionAlive(db: Pick<HallDb, 'query'>, tokenHash: string, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ last_seen: Date | string; expires_at: Date | string }>('SELECT last_seen, expires_at FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  const row = rows[0];
  return row !== undefined && now.getTime() < new Date(row.expires_at).getTime() && now.getTime() - new Date(row.last_seen).getTime() < IDLE_MS;
}
