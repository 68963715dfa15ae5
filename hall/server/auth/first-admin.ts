/** A new hall has no console account: the first start makes `admin` (supervisor) with a random password, shown once. */
import type { HallDb } from '../store/hall-db';
import { addOfficer, countOfficers, generatePassword } from './officers';

export const FIRST_ADMIN = 'admin';

export async function ensureFirstAdmin(db: Pick<HallDb, 'query'>): Promise<{ username: string; password: string } | null> {
  if ((await countOfficers(db)) > 0) return null;
  const password = generatePassword();
  const added = await addOfficer(db, { username: FIRST_ADMIN, displayName: '管理员', role: 'supervisor', password });
  return added.ok ? { username: FIRST_ADMIN, password } : null;
}
