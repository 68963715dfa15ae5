/**
 * Held outbox entries (migration 7): kept, encrypted, never sent until
 * released; a discarded one never goes; both survive a closed and reopened
 * database (a killed host). deliverNow answers one entry's outcome; a
 * back-end's refusal for good is not retried.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { migrate } from '../../../../electron/host/journal/migrations';
import { APPLICATION_KIND, createOutboxSender, createOutboxStore, deliverThroughGateway, ensureOutboxSchema, type OutboxEvent } from '../../../../electron/host/outbox';

const KEY = Buffer.alloc(32, 7);
const app = (idNumber: string) => ({ serviceId: 'capability-demo', kioskId: 'HB-KIOSK-01', payload: { idNumber } });

function gateway() {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
}

describe('held outbox entries', () => {
  it('a held entry is not due and not sent; released it is sent once; discarded it never is', async () => {
    const db = new Database(':memory:');
    ensureOutboxSchema(db);
    const store = createOutboxStore({ db, key: KEY });
    const sandbox = gateway();
    const sender = createOutboxSender({ store, deliver: deliverThroughGateway(sandbox) });
    store.enqueue(APPLICATION_KIND, app('410402199001011230'), 'app-held-0001', { heldFor: 'payment:o1' });
    store.enqueue(APPLICATION_KIND, app('410402199001011230'), 'app-held-0002', { heldFor: 'payment:o2' });
    expect(store.due().entries).toEqual([]);
    expect(store.nextDueAt()).toBeUndefined();
    expect(store.held().map((e) => [e.idempotencyKey, e.heldFor])).toEqual([
      ['app-held-0001', 'payment:o1'],
      ['app-held-0002', 'payment:o2'],
    ]);
    expect(await sender.flush()).toBe(0);
    expect(await sender.deliverNow('app-held-0001')).toEqual({ kind: 'missing' });
    expect(store.release('app-held-0001')).toBe(true);
    expect(store.discard('app-held-0002')).toBe(true);
    expect(store.release('no-such-key')).toBe(false);
    expect(await sender.flush()).toBe(1);
    expect(await sender.flush()).toBe(0);
    expect(sandbox.stats().accepted).toEqual({ 'app-held-0001': 1 });
    expect(store.size()).toBe(0);
  });

  it('survives a killed host: the reopened journal still holds it, encrypted, until released', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'held-')), 'journal.sqlite');
    const first = new Database(path);
    expect(migrate(first).ok).toBe(true);
    createOutboxStore({ db: first, key: KEY }).enqueue(APPLICATION_KIND, app('410402199001011230'), 'app-crash-0001', { heldFor: 'payment:o1' });
    first.close();
    const second = new Database(path);
    expect(migrate(second).ok).toBe(true);
    const store = createOutboxStore({ db: second, key: KEY });
    expect(store.held()).toMatchObject([{ idempotencyKey: 'app-crash-0001' }]);
    expect(store.has('app-crash-0001')).toBe(true);
    const raw = second.prepare('SELECT ciphertext FROM outbox').get() as { ciphertext: Buffer };
    expect(raw.ciphertext.includes(Buffer.from('410402199001011230'))).toBe(false);
    store.release('app-crash-0001');
    expect(store.due().entries.map((e) => e.payload)).toEqual([app('410402199001011230')]);
    second.close();
  });

  it('deliverNow: the 受理编号 when accepted; a refusal for good leaves the outbox at once and is reported; a pass’s outcome is remembered', async () => {
    const db = new Database(':memory:');
    ensureOutboxSchema(db);
    const store = createOutboxStore({ db, key: KEY });
    const sandbox = gateway();
    const events: OutboxEvent[] = [];
    const sender = createOutboxSender({ store, deliver: deliverThroughGateway(sandbox), onEvent: (e) => events.push(e) });
    store.enqueue(APPLICATION_KIND, app('410402199001011230'), 'app-now-0001');
    expect(await sender.deliverNow('app-now-0001')).toEqual({ kind: 'acknowledged', receiptNumber: expect.stringMatching(/^SB\d{8}$/) });
    // The sandbox refuses this citizen's applications.
    store.enqueue(APPLICATION_KIND, app('410403198808080060'), 'app-now-0002');
    expect(await sender.deliverNow('app-now-0002')).toEqual({ kind: 'rejected', reason: 'notEligible' });
    expect(store.has('app-now-0002')).toBe(false);
    expect(events.find((e) => e.idempotencyKey === 'app-now-0002')).toMatchObject({ kind: 'rejected', reason: 'notEligible', via: 'now' });
    store.enqueue(APPLICATION_KIND, app('410402199001011230'), 'app-now-0003');
    await sender.flush();
    expect(await sender.deliverNow('app-now-0003')).toMatchObject({ kind: 'acknowledged' });
    expect(sandbox.stats().accepted['app-now-0003']).toBe(1);
  });
});
