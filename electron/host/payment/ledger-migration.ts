/**
 * Migration 6: the kiosk's payment ledger. One row per order the kiosk
 * raised, written when the order is made and kept current as it is paid,
 * closed or refunded, so money survives a killed host: the recovery at start
 * finishes what a crash interrupted, and the day-end reconciliation compares
 * these rows with the payment service's statement. No personal data: the
 * order number, the session, the service and amounts.
 */
import type { Migration } from '../journal/migrations';

export const PAYMENT_LEDGER_MIGRATION: Migration = {
  version: 6,
  name: 'payment-ledger',
  sql: `
    CREATE TABLE payment_orders (
      order_no        TEXT PRIMARY KEY,
      order_key       TEXT NOT NULL UNIQUE,
      session_id      TEXT NOT NULL,
      service_id      TEXT NOT NULL,
      amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
      status          TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'closed', 'refunded')),
      refunded_fen    INTEGER NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
      channel         TEXT,
      paid_at         TEXT,
      application_key TEXT,
      settlement      TEXT NOT NULL DEFAULT 'open' CHECK (settlement IN ('open', 'delivered', 'refunded', 'abandoned', 'alerted')),
      note            TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX payment_orders_by_created ON payment_orders (created_at);
    CREATE INDEX payment_orders_open ON payment_orders (settlement) WHERE settlement = 'open';
  `,
};
