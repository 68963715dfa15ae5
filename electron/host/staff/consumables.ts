/**
 * Receipt paper and A4 paper, counted by the kiosk: receipts or sheets
 * printed since staff last logged a refill (from the journal's audit of
 * every print), against the capacity the config gives (80 m roll ≈ 250
 * receipts, a 250-sheet tray); staff test prints count too (their audit
 * rows). A printer's own sensor wins when it says
 * low or out. A refill is logged by staff and starts the count again.
 */
import type { Database } from 'better-sqlite3';
import type { DeviceStatus } from '../../contract';
import type { Consumable } from '../../contract/hall-link';

export interface ConsumablePrinter {
  kind: 'receiptPaper' | 'a4Paper';
  deviceId: string;
  capacity: number;
}

export interface Consumables {
  list(devices: readonly DeviceStatus[]): Consumable[];
  /** Logs a refill now (the caller audits who did it); false for a printer the kiosk does not count. */
  refilled(deviceId: string, kind: Consumable['kind']): boolean;
}

/** At or below this share of the capacity, paper is low. */
const LOW_SHARE = 0.1;

/** The receipt slips the ticket printer audits; a slip that came out is journaled `printed` (ticket-printer.ts). */
const RECEIPT_ACTIONS = `('ticket.print', 'receipt.print', 'slip.print', 'feeSlip.print')`;

export function createConsumables(
  db: Database,
  printers: () => readonly ConsumablePrinter[],
  now: () => Date,
): Consumables {
  const refillAt = db.prepare('SELECT at FROM consumable_refills WHERE device_id = ? AND kind = ?');
  const refill = db.prepare(
    `INSERT INTO consumable_refills (device_id, kind, at) VALUES (?, ?, ?) ON CONFLICT (device_id, kind) DO UPDATE SET at = excluded.at`,
  );
  const receiptsSince = db.prepare(
    `SELECT count(*) AS n FROM audit_events WHERE at >= ? AND (
       (action IN ${RECEIPT_ACTIONS} AND json_extract(detail, '$.outcome') = 'printed')
       OR (action = 'staff.testPrint' AND json_extract(detail, '$.target') = 'receipt' AND json_extract(detail, '$.outcome') = 'printed'))`,
  );
  const sheetsSince = db.prepare(
    `SELECT coalesce(sum(coalesce(d.pages, 1)), 0) AS n FROM audit_events a LEFT JOIN documents d ON d.number = a.subject
     WHERE a.at >= ? AND (
       (a.action IN ('document.print', 'document.reprint') AND json_extract(a.detail, '$.outcome') = 'completed')
       OR (a.action = 'staff.testPrint' AND json_extract(a.detail, '$.target') = 'a4' AND json_extract(a.detail, '$.outcome') = 'printed'))`,
  );

  const sensed = (devices: readonly DeviceStatus[], deviceId: string): 'low' | 'out' | null => {
    const media = devices.find((device) => device.id === deviceId)?.media;
    return media === 'low' || media === 'out' ? media : null;
  };

  return {
    list(devices) {
      return printers().map((printer) => {
        const last = (refillAt.get(printer.deviceId, printer.kind) as { at: string } | undefined)?.at ?? null;
        const since = last ?? '';
        const used = ((printer.kind === 'receiptPaper' ? receiptsSince : sheetsSince).get(since) as { n: number }).n;
        const left = Math.max(0, printer.capacity - used);
        const counted: Consumable['state'] = left === 0 ? 'out' : left <= printer.capacity * LOW_SHARE ? 'low' : 'ok';
        return {
          kind: printer.kind,
          deviceId: printer.deviceId,
          // Without a logged refill the count only says what was printed since the journal began.
          estimatedLeft: left,
          capacity: printer.capacity,
          state: sensed(devices, printer.deviceId) ?? counted,
          lastRefillAt: last,
        };
      });
    },
    refilled(deviceId, kind) {
      if (!printers().some((printer) => printer.deviceId === deviceId && printer.kind === kind)) return false;
      refill.run(deviceId, kind, now().toISOString());
      return true;
    },
  };
}
