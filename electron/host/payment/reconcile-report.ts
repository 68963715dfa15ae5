/**
 * The day-end reconciliation as text for staff (`npm run journal --
 * reconcile`): a table of the mismatches, the notes, and one summary line
 * with the counts and the totals in 元. Order numbers and amounts only.
 */
import type { OrderView, Reconciliation, ReconcileLine } from './reconcile';

/** Fen as 元 with two decimals. */
export const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

const side = (v: OrderView | null) => (v ? `${v.status} ${yuan(v.amountFen)}${v.refundedFen > 0 ? ` (refunded ${yuan(v.refundedFen)})` : ''}` : '-');

function table(lines: readonly ReconcileLine[]): string[] {
  const rows = [['order', 'issue', 'kiosk', 'service'], ...lines.map((l) => [l.orderNo, l.kind, side(l.kiosk), side(l.service)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

export function summaryLine(r: Reconciliation): string {
  return (
    `${r.date}: ${r.matched} matched, ${r.mismatches.length} mismatch${r.mismatches.length === 1 ? '' : 'es'}, ${r.notes.length} note${r.notes.length === 1 ? '' : 's'}; ` +
    `kiosk ${r.kiosk.orders} orders, paid ${yuan(r.kiosk.paidFen)} 元, refunded ${yuan(r.kiosk.refundedFen)} 元; ` +
    `service ${r.service.orders} orders, paid ${yuan(r.service.paidFen)} 元, refunded ${yuan(r.service.refundedFen)} 元`
  );
}

export function formatReconciliation(r: Reconciliation): string {
  const out: string[] = [];
  if (r.mismatches.length > 0) out.push('Mismatches:', ...table(r.mismatches), '');
  if (r.notes.length > 0) out.push('Notes (no money involved):', ...table(r.notes), '');
  out.push(summaryLine(r));
  return `${out.join('\n')}\n`;
}
