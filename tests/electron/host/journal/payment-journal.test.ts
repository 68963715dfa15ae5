/** A payment the flow confirmed is journaled on the session's transaction: the order, the amount, the items as charged and the 票据; a refunded one charges nothing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../electron/host/config/load';
import { openJournal, type Journal } from '../../../../electron/host/journal';
import { createStationJournal, type StationJournal } from '../../../../electron/host/journal/station-journal';
import { createTransactionsRepo } from '../../../../electron/host/journal/transactions-repo';

let dir: string;
let journal: Journal;
let station: StationJournal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onedoor-payment-journal-'));
  const opened = openJournal(join(dir, 'journal.sqlite'));
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  journal = opened.value;
  const created = createStationJournal({ config: defaultConfig(), db: journal.db, keyDir: dir, logger: pino({ level: 'silent' }), feeOf: () => [{ code: 'rule', amountFen: 9999, basis: 'rule' }] });
  if (!created.ok) throw new Error(created.error);
  station = created.value;
});
afterEach(() => {
  journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = {
  orderNo: 'SBX202612020000010001',
  amountFen: 1000,
  channel: 'wechat',
  paidAt: '2026-12-02T10:01:00.000Z',
  items: [{ code: 'idcard', amountFen: 1000, basis: '发改价格〔2003〕2322号' }],
  exemption: 'hardship',
  receipt: { billCode: '33010001', billNumber: '0000000001', checkCode: 'AB12CD', url: 'http://127.0.0.1:8743/sandbox/receipts/SBX202612020000010001' },
};

function row(sessionId: string) {
  return createTransactionsRepo(journal.db).get(sessionId) as { fee_fen: number; fee_items: string; payment: string | null } | undefined;
}

describe('payment in the journal', () => {
  it('keeps the confirmed payment and charges its items (after the exemption), not the rule’s', () => {
    station.sessions.started('s1', '2026-12-02T10:00:00.000Z', null);
    station.sessions.paymentTaken('s1', record);
    expect(station.sessions.ended('s1', 'finished')).toBe(true);
    const saved = row('s1')!;
    expect(saved.fee_fen).toBe(1000);
    expect(JSON.parse(saved.fee_items)).toEqual(record.items);
    expect(JSON.parse(saved.payment!)).toMatchObject({ orderNo: record.orderNo, amountFen: 1000, receipt: { billNumber: '0000000001' } });
  });

  it('a refunded late payment is kept with its refund and charges nothing', () => {
    station.sessions.started('s2', '2026-12-02T10:00:00.000Z', null);
    station.sessions.paymentTaken('s2', { ...record, items: [], refunded: { refundNo: 'RF1', amountFen: 1000 } });
    station.sessions.ended('s2', 'timeout');
    const saved = row('s2')!;
    expect(saved.fee_fen).toBe(0);
    expect(JSON.parse(saved.payment!)).toMatchObject({ refunded: { amountFen: 1000 } });
  });
});
