/** Kiosk staff as the console sees them ({@link KioskStaffView}) and as kiosks get them ({@link StaffMember}). */
import type { StaffMember } from '../../../electron/contract/hall-link';
import type { KioskStaffView, Role } from '../../contract/console-api';
import type { HallDb } from '../store/hall-db';
import { iso } from './rows';

type Row = { staff_number: string; name_masked: string; id_digest: string; id_number_masked: string; role: Role; pin_hash: string; updated_at: unknown };

const SELECT = 'SELECT staff_number, name_masked, id_digest, id_number_masked, role, pin_hash, updated_at FROM kiosk_staff';

function toView(row: Row): KioskStaffView {
  return { staffNumber: row.staff_number, nameMasked: row.name_masked, idNumberMasked: row.id_number_masked, role: row.role, updatedAt: iso(row.updated_at) };
}

export async function listStaff(db: Pick<HallDb, 'query'>): Promise<KioskStaffView[]> {
  const { rows } = await db.query<Row>(`${SELECT} ORDER BY staff_number`);
  return rows.map(toView);
}

export async function getStaff(db: Pick<HallDb, 'query'>, staffNumber: string): Promise<KioskStaffView | null> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE staff_number = $1`, [staffNumber]);
  return rows[0] ? toView(rows[0]) : null;
}

/** Every member, for the allow-list the kiosks cache. */
export async function allowListMembers(db: Pick<HallDb, 'query'>): Promise<StaffMember[]> {
  const { rows } = await db.query<Row>(`${SELECT} ORDER BY staff_number`);
  return rows.map((row) => ({ staffNumber: row.staff_number, nameMasked: row.name_masked, idDigest: row.id_digest, idNumberMasked: row.id_number_masked, role: row.role, pinHash: row.pin_hash }));
}
