/**
 * Wrong PINs per officer, kept in the journal (migration 9) so a restart
 * does not reset them: 5 wrong PINs in a row lock that officer out for 15
 * minutes; a right PIN outside a lockout clears the count.
 */
import type { Database } from 'better-sqlite3';

export const PIN_LOCKOUT_FAILURES = 5;
export const PIN_LOCKOUT_MS = 15 * 60_000;

export type PinGate = { kind: 'open'; attemptsLeft: number } | { kind: 'locked'; until: Date };

export interface PinLockout {
  /** Whether the officer may try a PIN now. */
  gate(staffNumber: string): PinGate;
  /** Counts a wrong PIN; the gate after it (locked on the 5th). */
  failed(staffNumber: string): PinGate;
  /** A right PIN: the count starts again. */
  succeeded(staffNumber: string): void;
}

export function createPinLockout(
  db: Database,
  now: () => Date,
  limits = { failures: PIN_LOCKOUT_FAILURES, lockMs: PIN_LOCKOUT_MS },
): PinLockout {
  const read = db.prepare('SELECT failures, locked_until FROM staff_pin_failures WHERE staff_number = ?');
  const write = db.prepare(
    `INSERT INTO staff_pin_failures (staff_number, failures, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (staff_number) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  );
  const clear = db.prepare('DELETE FROM staff_pin_failures WHERE staff_number = ?');

  const state = (staffNumber: string): { failures: number; lockedUntil: Date | null } => {
    const row = read.get(staffNumber) as { failures: number; locked_until: string | null } | undefined;
    if (!row) return { failures: 0, lockedUntil: null };
    const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
    // A lockout that ran out starts a fresh count.
    if (lockedUntil && lockedUntil.getTime() <= now().getTime()) return { failures: 0, lockedUntil: null };
    return { failures: row.failures, lockedUntil };
  };
  const gateOf = (s: { failures: number; lockedUntil: Date | null }): PinGate =>
    s.lockedUntil
      ? { kind: 'locked', until: s.lockedUntil }
      : { kind: 'open', attemptsLeft: limits.failures - s.failures };

  return {
    gate: (staffNumber) => gateOf(state(staffNumber)),
    failed(staffNumber) {
      const before = state(staffNumber);
      if (before.lockedUntil) return gateOf(before);
      const failures = before.failures + 1;
      const lockedUntil = failures >= limits.failures ? new Date(now().getTime() + limits.lockMs) : null;
      write.run(staffNumber, failures, lockedUntil?.toISOString() ?? null);
      return gateOf({ failures, lockedUntil });
    },
    succeeded: (staffNumber) => void clear.run(staffNumber),
  };
}
