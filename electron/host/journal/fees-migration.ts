/**
 * Migration 5: fees and payments for any service. A transaction keeps the
 * fee items it was charged (code, amount, basis; JSON) and its payment
 * (order and receipt references, JSON; null while the kiosk takes none),
 * beside `fee_fen`, and `last_step_kind` says which library step a run
 * stopped on. Rows journaled before keep their values: their fee items are
 * `[]` and their payment null, which is what they had.
 */
import type { Migration } from './migrations';

export const FEES_MIGRATION: Migration = {
  version: 5,
  name: 'fees-and-payments',
  sql: `
    ALTER TABLE transactions ADD COLUMN fee_items TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE transactions ADD COLUMN payment TEXT;
    ALTER TABLE transactions ADD COLUMN last_step_kind TEXT;
  `,
};
