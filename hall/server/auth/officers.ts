/** Console accounts (`officers`): created by `npm run hall -- officer …`, never through the API. */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { err, ok, type Result } from '../../../domain/result';
import { hashSecret } from './secrets';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

export type OfficerRefusal = 'badUsername' | 'weakPassword' | 'exists' | 'notFound';

export async function countOfficers(db: Pick<HallDb, 'query'>): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM officers');
  return Number(rows[0]?.n ?? 0);
}

export async function addOfficer(
  db: Pick<HallDb, 'query'>,
  officer: { username: string; displayName?: string; role: Role; password: string },
): Promise<Result<null, OfficerRefusal>> {
  if (!USERNAME_PATTERN.test(officer.username)) return err('badUsername');
  if (officer.password.length < MIN_PASSWORD_LENGTH) return err('weakPassword');
  const passwordHash = await hashSecret(officer.password);
  const { rowCount } = await db.query(
    'INSERT INTO officers (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING',
    [officer.username, officer.displayName ?? officer.username, officer.role, passwordHash],
  );
  return rowCount === 1 ? ok(null) : err('exists');
}

/** Sets a new password, opens a lockout and ends the account's console sessions. */
export async function setOfficerPassword(db: HallDb, username: string, password: string): Promise<Result<null, OfficerRefusal>> {
  if (password.length < MIN_PASSWORD_LENGTH) return err('weakPassword');
  const passwordHash = await hashSecret(password);
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query('UPDATE officers SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE username = $1', [username, passwordHash]);
    if (rowCount !== 1) return err('notFound' as const);
    await tx.query('DELETE FROM console_sessions WHERE username = $1', [username]);
    return ok(null);
  });
}

/** A password to print once: 16 characters from an unambiguous alphabet (~93 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}
