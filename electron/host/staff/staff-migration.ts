/**
 * Migration 9: what the kiosk keeps for hall staff across restarts.
 * - `staff_allow_list`: the hall's last allow-list (one row, replaced whole),
 *   so sign-in works while the hall link is down;
 * - `staff_pin_failures`: wrong PINs per officer and the lockout's end;
 * - `kiosk_service_state`: out of service (one row) or in service (no row);
 * - `consumable_refills`: when staff last refilled each printer's paper
 *   (the count of printed receipts or sheets starts again there).
 */
import type { Migration } from '../journal/migrations';

export const STAFF_MIGRATION: Migration = {
  version: 9,
  name: 'staff-at-the-kiosk',
  sql: `
    CREATE TABLE staff_allow_list (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      version    INTEGER NOT NULL CHECK (version >= 0),
      issued_at  TEXT NOT NULL,
      list       TEXT NOT NULL,
      stored_at  TEXT NOT NULL
    ) STRICT;
    CREATE TABLE staff_pin_failures (
      staff_number TEXT PRIMARY KEY,
      failures     INTEGER NOT NULL CHECK (failures >= 0),
      locked_until TEXT
    ) STRICT;
    CREATE TABLE kiosk_service_state (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      message  TEXT NOT NULL,
      since    TEXT NOT NULL,
      set_by   TEXT NOT NULL CHECK (set_by IN ('kiosk', 'hall'))
    ) STRICT;
    CREATE TABLE consumable_refills (
      device_id  TEXT NOT NULL,
      kind       TEXT NOT NULL,
      at         TEXT NOT NULL,
      PRIMARY KEY (device_id, kind)
    ) STRICT;
  `,
};
