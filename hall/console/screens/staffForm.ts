/**
 * Checks a new kiosk officer before sending: the staff number and PIN by
 * the contract's rules, the ID number with the domain's validator (region,
 * birth date, check digit), so a typing error is caught here, worded, and
 * the form keeps what was typed.
 */
import { validateIdNumber, ID_NUMBER_MESSAGES } from '../../../domain/id-number';
import { err, ok, type Result } from '../../../domain/result';
import type { KioskStaffRequest, Role } from '../../contract/console-api';

export interface StaffDraft {
  staffNumber: string;
  name: string;
  idNumber: string;
  role: Role;
  pin: string;
}

export type StaffField = 'staffNumber' | 'name' | 'idNumber' | 'pin';

/** Words per field: a catalogue key, or the domain's own zh/en message for the ID number. */
export type StaffProblem = { field: StaffField; key: string } | { field: 'idNumber'; message: { zh: string; en: string } };

export function checkStaffDraft(draft: StaffDraft, now: Date = new Date()): Result<KioskStaffRequest, StaffProblem[]> {
  const problems: StaffProblem[] = [];
  const staffNumber = draft.staffNumber.trim();
  const name = draft.name.trim();
  const idNumber = draft.idNumber.trim().toUpperCase();
  if (!/^[A-Za-z0-9]{4,16}$/.test(staffNumber)) problems.push({ field: 'staffNumber', key: 'staff.badStaffNumber' });
  if (name.length === 0 || Array.from(name).length > 32) problems.push({ field: 'name', key: 'staff.badName' });
  const id = validateIdNumber(idNumber, { now });
  if (!id.ok) problems.push({ field: 'idNumber', message: ID_NUMBER_MESSAGES[id.reason] });
  if (!/^\d{6}$/.test(draft.pin)) problems.push({ field: 'pin', key: 'staff.badPin' });
  return problems.length > 0 ? err(problems) : ok({ staffNumber, name, idNumber, role: draft.role, pin: draft.pin });
}
