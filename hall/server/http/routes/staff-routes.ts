/**
 * Kiosk staff (supervisors only): GET /api/staff, POST /api/staff (add or
 * replace by staff number), DELETE /api/staff/:staffNumber. After every
 * change the whole allow-list goes to the kiosks, with a new version. The
 * clear ID number and the PIN never reach the database, the list or the audit.
 */
import { KioskStaffRequest } from '../../../contract/console-api';
import type { StaffAllowList } from '../../../../electron/contract/hall-link';
import { audit } from '../../auth/audit';
import { hashPin } from '../../auth/secrets';
import { maskedStaffIdentity, staffIdDigest } from '../../auth/staff-identity';
import type { HallDb } from '../../store/hall-db';
import { allowListMembers, getStaff, listStaff } from '../../views/staff-view';
import { apiError, json } from '../reply';
import { route, type HallHttpDeps } from '../route';

/**
 * Staff changes one at a time (PostgreSQL): without the lock two supervisors
 * saving at once could each read the members before the other committed, and
 * the higher version, the one every kiosk keeps, would lack the other's change.
 * Taken first in each change's transaction; readers are not blocked.
 */
async function lockStaff(tx: Pick<HallDb, 'query'>): Promise<void> {
  await tx.query('LOCK TABLE kiosk_staff IN SHARE ROW EXCLUSIVE MODE');
}

/** A new allow-list version with every member (in the same transaction as the change, after {@link lockStaff}). */
async function issueAllowList(tx: Pick<HallDb, 'query'>, at: Date): Promise<StaffAllowList> {
  const { rows } = await tx.query<{ version: string | number }>('INSERT INTO allow_list_versions (issued_at) VALUES ($1) RETURNING version::text AS version', [at]);
  return { version: Number(rows[0]?.version ?? 0), issuedAt: at.toISOString(), staff: await allowListMembers(tx) };
}

/** The highest version each link was given: a list that lost the race to a newer one is not published over it (it is retained). */
const published = new WeakMap<HallHttpDeps['link'], number>();

async function publish(deps: HallHttpDeps, list: StaffAllowList): Promise<void> {
  if ((published.get(deps.link) ?? -1) >= list.version) return;
  published.set(deps.link, list.version);
  await deps.link.publishAllowList(list);
}

export const staffRoutes = [
  route({
    method: 'GET',
    path: '/api/staff',
    auth: 'supervisor',
    async handle({ deps }) {
      return json(await listStaff(deps.db));
    },
  }),
  route<KioskStaffRequest>({
    method: 'POST',
    path: '/api/staff',
    auth: 'supervisor',
    body: KioskStaffRequest,
    async handle({ deps, session, body }) {
      if (!session) return apiError('signedOut');
      const at = deps.now();
      const { nameMasked, idNumberMasked } = maskedStaffIdentity(body.name, body.idNumber);
      const idDigest = staffIdDigest(deps.staffIdKey, body.idNumber);
      const pinHash = await hashPin(body.pin);
      const list = await deps.db.transaction(async (tx) => {
        await lockStaff(tx);
        await tx.query(
          `INSERT INTO kiosk_staff (staff_number, name_masked, id_digest, id_number_masked, role, pin_hash, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (staff_number) DO UPDATE SET name_masked = $2, id_digest = $3, id_number_masked = $4, role = $5, pin_hash = $6, updated_at = $7`,
          [body.staffNumber, nameMasked, idDigest, idNumberMasked, body.role, pinHash, at],
        );
        await audit(tx, { at, username: session.username, action: 'staffSave', subject: body.staffNumber, detail: { role: body.role } });
        return issueAllowList(tx, at);
      });
      await publish(deps, list);
      const view = await getStaff(deps.db, body.staffNumber);
      return view ? json(view) : apiError('internal');
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/staff/:staffNumber',
    auth: 'supervisor',
    async handle({ deps, session, params }) {
      if (!session) return apiError('signedOut');
      const staffNumber = params.staffNumber ?? '';
      const at = deps.now();
      const list = await deps.db.transaction(async (tx) => {
        await lockStaff(tx);
        const { rowCount } = await tx.query('DELETE FROM kiosk_staff WHERE staff_number = $1', [staffNumber]);
        if (rowCount !== 1) return null;
        await audit(tx, { at, username: session.username, action: 'staffRemove', subject: staffNumber });
        return issueAllowList(tx, at);
      });
      if (!list) return apiError('notFound');
      await publish(deps, list);
      return json({});
    },
  }),
];
