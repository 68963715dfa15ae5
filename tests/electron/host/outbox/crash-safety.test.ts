import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';
import { openJournal } from '../../../../electron/host/journal/open-journal';
import { MIGRATIONS } from '../../../../electron/host/journal/migrations';
import { deliverThroughGateway } from '../../../../electron/host/outbox/deliver-application';
import { OUTBOX_MIGRATION } from '../../../../electron/host/outbox/migration';
import { loadOutboxKey } from '../../../../electron/host/outbox/outbox-key';
import { createOutboxSender } from '../../../../electron/host/outbox/outbox-sender';
import { createOutboxStore } from '../../../../electron/host/outbox/outbox-store';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
let sandbox: SandboxGateway;
let server: SandboxServer;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0 });
});
afterAll(() => server.close());

function runChild(env: Record<string, string>): { child: ChildProcess; lines: string[]; waitFor(line: string): Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.line === line)) w.resolve();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    lines,
    waitFor: (line) =>
      new Promise((resolve, reject) => {
        if (lines.includes(line)) return resolve();
        waiters.push({ line, resolve });
        child.once('exit', () => (lines.includes(line) ? resolve() : reject(new Error(`child exited before ${line}: ${stderr}`))));
      }),
  };
}

async function until(predicate: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function restartAndFlush(db: string, keyFile: string) {
  const journal = openJournal(db, { migrations: [...MIGRATIONS, OUTBOX_MIGRATION] });
  if (!journal.ok) throw new Error(JSON.stringify(journal.error));
  const key = loadOutboxKey({ keyFile, env: {} });
  if (!key.ok) throw new Error(key.error.kind);
  const store = createOutboxStore({ db: journal.value.db, key: key.value });
  const waiting = store.size();
  const sender = createOutboxSender({ store, deliver: deliverThroughGateway(createHttpGateway({ baseUrl: server.url, link: createPlainSandboxLink(), retries: 0 })) });
  const delivered = await sender.flush();
  const left = store.size();
  journal.value.close();
  return { waiting, delivered, left };
}

describe('outbox crash safety (SIGKILL)', () => {
  it('killed after the back-end accepted but before the kiosk heard: restart delivers it exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'));
    const db = join(dir, 'journal.db');
    const keyFile = join(dir, 'outbox.key');
    const key = 'crash-after-accept-1';
    server.inject(GATEWAY_PATHS.submitApplication, { mode: 'holdAnswer', ms: 20_000, times: 1 });
    const run = runChild({ DB: db, KEY_FILE: keyFile, GATEWAY_URL: server.url, IDEMPOTENCY_KEY: key });
    await run.waitFor('SENDING');
    await until(() => sandbox.stats().accepted[key] === 1);
    run.child.kill('SIGKILL');
    await new Promise((resolve) => run.child.once('exit', resolve));
    expect(run.lines).not.toContain('DELIVERED');
    server.clearFaults();

    expect(await restartAndFlush(db, keyFile)).toEqual({ waiting: 1, delivered: 1, left: 0 });
    expect(sandbox.stats().accepted[key]).toBe(1);
    expect(sandbox.stats().attempts[key]).toBe(2);
    expect(await restartAndFlush(db, keyFile)).toEqual({ waiting: 0, delivered: 0, left: 0 });
  });

  it('killed after writing but before sending: restart delivers it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'));
    const db = join(dir, 'journal.db');
    const keyFile = join(dir, 'outbox.key');
    const key = 'crash-before-send-1';
    const run = runChild({ DB: db, KEY_FILE: keyFile, GATEWAY_URL: server.url, IDEMPOTENCY_KEY: key, WAIT_BEFORE_SEND_MS: '20000' });
    await run.waitFor('ENQUEUED');
    run.child.kill('SIGKILL');
    await new Promise((resolve) => run.child.once('exit', resolve));
    expect(sandbox.stats().attempts[key]).toBeUndefined();

    expect(await restartAndFlush(db, keyFile)).toEqual({ waiting: 1, delivered: 1, left: 0 });
    expect(sandbox.stats()).toMatchObject({ accepted: { [key]: 1 }, attempts: { [key]: 1 } });
  });
});
