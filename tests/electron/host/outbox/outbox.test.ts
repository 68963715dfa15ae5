import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { createOutboxApplicationQueue } from '../../../../electron/host/outbox/application-queue';
import { APPLICATION_KIND, deliverThroughGateway } from '../../../../electron/host/outbox/deliver-application';
import { ensureOutboxSchema } from '../../../../electron/host/outbox/migration';
import { decodeKey, loadOutboxKey } from '../../../../electron/host/outbox/outbox-key';
import { createOutboxSender } from '../../../../electron/host/outbox/outbox-sender';
import { createOutboxStore } from '../../../../electron/host/outbox/outbox-store';

const KEY = Buffer.alloc(32, 7);
const ID = '410402199001011230';

function sandbox() {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
}
function memoryStore(now?: () => Date) {
  const db = new Database(':memory:');
  ensureOutboxSchema(db);
  return { db, store: createOutboxStore({ db, key: KEY, now }) };
}
const application = { serviceId: 'no-criminal-record', kioskId: 'HB-KIOSK-01', payload: { idNumber: ID, name: '陈思远' } };

describe('outbox store', () => {
  it('encrypts: the database never holds the plaintext ID number or name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const path = join(dir, 'journal.db');
    const db = new Database(path);
    ensureOutboxSchema(db);
    const store = createOutboxStore({ db, key: KEY });
    store.enqueue(APPLICATION_KIND, application, 'enc-key-0001');
    const row = db.prepare('SELECT * FROM outbox').get() as Record<string, unknown>;
    const dump = Object.values(row)
      .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)))
      .join('|');
    expect(dump).not.toContain(ID);
    expect(dump).not.toContain('陈思远');
    expect(store.size()).toBe(1);
    db.close();
    const file = readFileSync(path);
    expect(file.includes(Buffer.from(ID))).toBe(false);
    expect(file.includes(Buffer.from('陈思远'))).toBe(false);
  });

  it('decrypts what it wrote; a wrong key or a moved ciphertext is undecryptable and kept', () => {
    const { db, store } = memoryStore();
    store.enqueue(APPLICATION_KIND, application, 'roundtrip-1');
    store.enqueue(APPLICATION_KIND, application, 'roundtrip-2');
    expect(store.due().entries.map((e) => e.payload)).toEqual([application, application]);
    const other = createOutboxStore({ db, key: Buffer.alloc(32, 9) });
    expect(other.due()).toMatchObject({ entries: [], undecryptable: [{ idempotencyKey: 'roundtrip-1' }, { idempotencyKey: 'roundtrip-2' }] });
    db.prepare("UPDATE outbox SET ciphertext = (SELECT ciphertext FROM outbox WHERE idempotency_key = 'roundtrip-2') WHERE idempotency_key = 'roundtrip-1'").run();
    expect(store.due().undecryptable.map((e) => e.idempotencyKey)).toEqual(['roundtrip-1']);
    expect(store.size()).toBe(2);
  });

  it('enqueuing the same key twice keeps one entry', () => {
    const { store } = memoryStore();
    store.enqueue(APPLICATION_KIND, application, 'same-key-01');
    store.enqueue(APPLICATION_KIND, { ...application, payload: {} }, 'same-key-01');
    expect(store.size()).toBe(1);
  });
});

describe('outbox key', () => {
  it('creates a key file with 0600 permissions and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-key-'));
    const keyFile = join(dir, 'data', 'outbox.key');
    const first = loadOutboxKey({ keyFile, env: {} });
    expect(first.ok).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const second = loadOutboxKey({ keyFile, env: {} });
    expect(second.ok && first.ok && second.value.equals(first.value)).toBe(true);
  });

  it('refuses a key file others can read, and bad keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-key-'));
    const keyFile = join(dir, 'outbox.key');
    writeFileSync(keyFile, 'a'.repeat(64));
    chmodSync(keyFile, 0o644);
    expect(loadOutboxKey({ keyFile, env: {} })).toEqual({ ok: false, error: { kind: 'keyFileTooOpen', path: keyFile, mode: '644' } });
    expect(loadOutboxKey({ keyFile, env: { ONEDOOR_OUTBOX_KEY: 'short' } })).toEqual({ ok: false, error: { kind: 'badEnvKey' } });
  });

  it('takes the key from the environment (hex or base64)', () => {
    const hex = 'ab'.repeat(32);
    const fromEnv = loadOutboxKey({ keyFile: '/nonexistent/never-created', env: { ONEDOOR_OUTBOX_KEY: hex } });
    expect(fromEnv.ok && fromEnv.value.toString('hex')).toBe(hex);
    expect(decodeKey(Buffer.alloc(32, 1).toString('base64'))?.length).toBe(32);
  });
});

describe('outbox sender', () => {
  it('delivers, removes on acknowledgement, and a redelivery is deduplicated by the back-end', async () => {
    const gateway = sandbox();
    const { store } = memoryStore();
    const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway) });
    store.enqueue(APPLICATION_KIND, application, 'deliver-key-1');
    expect(await sender.flush()).toBe(1);
    expect(store.size()).toBe(0);
    expect(gateway.acceptedPayload('deliver-key-1')).toEqual(application.payload);
    // A crash before the delete: the same key again is acknowledged as a duplicate.
    store.enqueue(APPLICATION_KIND, application, 'deliver-key-1');
    expect(await sender.flush()).toBe(1);
    expect(gateway.stats()).toEqual({ accepted: { 'deliver-key-1': 1 }, attempts: { 'deliver-key-1': 2 } });
  });

  it('backs off exponentially through an outage and keeps the entry until acknowledged', async () => {
    let clock = new Date('2026-03-02T10:00:00Z');
    const base = sandbox();
    let down = true;
    const gateway: PoliceGateway = { ...base, submitApplication: async (s) => (down ? { ok: false, error: { kind: 'unavailable', status: 503 } } : base.submitApplication(s)) };
    const { store } = memoryStore(() => clock);
    const events: string[] = [];
    const sender = createOutboxSender({
      store,
      deliver: deliverThroughGateway(gateway),
      backoff: { baseMs: 1000, maxMs: 4000 },
      now: () => clock,
      onEvent: (e) => events.push(`${e.kind}:${e.attempts ?? ''}:${e.reason ?? ''}`),
    });
    store.enqueue(APPLICATION_KIND, application, 'outage-key-1');
    expect(await sender.flush()).toBe(0);
    expect(store.nextDueAt()?.toISOString()).toBe('2026-03-02T10:00:01.000Z');
    expect(await sender.flush()).toBe(0); // not due yet
    clock = new Date('2026-03-02T10:00:01Z');
    expect(await sender.flush()).toBe(0);
    expect(store.nextDueAt()?.toISOString()).toBe('2026-03-02T10:00:03.000Z');
    clock = new Date('2026-03-02T10:00:03Z');
    await sender.flush();
    expect(store.nextDueAt()?.toISOString()).toBe('2026-03-02T10:00:07.000Z');
    clock = new Date('2026-03-02T10:00:07Z');
    await sender.flush();
    expect(store.nextDueAt()?.toISOString()).toBe('2026-03-02T10:00:11.000Z'); // capped at 4 s
    down = false;
    clock = new Date('2026-03-02T10:00:11Z');
    expect(await sender.flush()).toBe(1);
    expect(store.size()).toBe(0);
    expect(events).toEqual(['deferred:1:unavailable', 'deferred:2:unavailable', 'deferred:3:unavailable', 'deferred:4:unavailable', 'delivered:5:']);
  });

  it('the background loop delivers what the flows queue', async () => {
    const gateway = sandbox();
    const { store } = memoryStore();
    const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway), pollMs: 20 });
    sender.start();
    const queue = createOutboxApplicationQueue({ store, sender, kioskId: 'HB-KIOSK-01' });
    queue.submit({ serviceId: 'no-criminal-record', payload: { kind: 'certificateIssued' } }, 'queued-key-1');
    for (let i = 0; i < 50 && store.size() > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    await sender.stop();
    expect(store.size()).toBe(0);
    expect(gateway.acceptedPayload('queued-key-1')).toEqual({ kind: 'certificateIssued' });
  });

  it('a delivery function that throws defers the entry instead of crashing', async () => {
    const { store } = memoryStore();
    const sender = createOutboxSender({ store, deliver: async () => Promise.reject(new TypeError('boom')) });
    store.enqueue(APPLICATION_KIND, application, 'throw-key-1');
    expect(await sender.flush()).toBe(0);
    expect(store.size()).toBe(1);
  });
});
