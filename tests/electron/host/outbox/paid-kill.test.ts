/**
 * Money is never lost or taken twice, with a real SIGKILL: a host process
 * that saw the citizen's payment is killed before it released the held
 * application, or while the back-end was still answering its submission.
 * The next host on the same journal recovers the order, and the back-end
 * holds exactly one application; the order is settled delivered.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';
import { openJournal } from '../../../../electron/host/journal/open-journal';
import { createOutboxSender, createOutboxStore, deliverThroughGateway, loadOutboxKey } from '../../../../electron/host/outbox';
import { createPaymentFromConfig } from '../../../../electron/host/payment/from-config';
import { createPaymentLedger } from '../../../../electron/host/payment/ledger';
import { createPaymentDesk } from '../../../../electron/host/payment/payment-desk';
import { createPaymentSettlement } from '../../../../electron/host/payment/settlement';
import { sampleAttachments } from '../gateway/sample-attachments';

const CHILD = fileURLToPath(new URL('./paid-child.ts', import.meta.url));
let sandbox: SandboxGateway;
let server: SandboxServer;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0 });
});
afterAll(() => server.close());

/** Runs the child until it prints `line`, then SIGKILLs it. */
function killAt(env: Record<string, string>, line: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().split('\n').includes(line)) {
        // Give a stalled submission time to reach the back-end before the kill.
        setTimeout(() => child.kill('SIGKILL'), line === 'SENDING' ? 300 : 0);
      }
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without the kill: ${stderr}`))));
  });
}

async function scenario(mode: 'hold' | 'release') {
  const dir = mkdtempSync(join(tmpdir(), 'paid-kill-'));
  const db = join(dir, 'journal.sqlite');
  const keyFile = join(dir, 'outbox.key');
  // The payment service outlives the kiosk's host: the citizen's order is paid there.
  const payment = createPaymentFromConfig({ simulation: true, payment: undefined });
  const order = await payment.port.createOrder({ idempotencyKey: `order-${mode}-0001`, items: [{ code: 'demo', name: '演示', standard: '10元', basis: '模拟', amountFen: 1000 }], holderMasked: '陈*', expiresInSeconds: 120 });
  if (!order.ok) throw new Error(order.error.kind);
  payment.sandbox!.payment.payByPhone(order.value.orderNo, 'wechat');
  const appKey = `app-kill-${mode}-0001`;
  await killAt({ DB: db, KEY_FILE: keyFile, GATEWAY_URL: server.url, ORDER_NO: order.value.orderNo, APP_KEY: appKey, MODE: mode }, mode === 'hold' ? 'PAID' : 'SENDING');

  // The next host on the same journal: recovery, then its sender.
  const journal = openJournal(db);
  if (!journal.ok) throw new Error(JSON.stringify(journal.error));
  const key = loadOutboxKey({ keyFile, env: {} });
  if (!key.ok) throw new Error(key.error.kind);
  const store = createOutboxStore({ db: journal.value.db, key: key.value });
  const ledger = createPaymentLedger(journal.value.db);
  const desk = createPaymentDesk({ port: payment.port, orderTimeoutSeconds: 120, logger: pino({ level: 'silent' }), ledger });
  const alerts: unknown[] = [];
  const settlement = createPaymentSettlement({ desk, ledger, outbox: store, alerts: { paymentNeedsStaff: (a) => alerts.push(a) }, logger: pino({ level: 'silent' }) });
  const sender = createOutboxSender({ store, deliver: deliverThroughGateway(createHttpGateway({ baseUrl: server.url, link: createPlainSandboxLink(), retries: 0 })), onEvent: (e) => settlement.outboxEvent(e) });
  expect(await settlement.recover()).toBe(0);
  await sender.flush();
  const result = { accepted: sandbox.stats().accepted[appKey], attachments: sandbox.acceptedAttachments(appKey), settlement: ledger.get(order.value.orderNo)?.settlement, left: store.size(), alerts };
  journal.value.close();
  return result;
}

describe('paid, then the host is SIGKILLed', () => {
  it('before the held application was released: the next host releases it, the back-end gets it once', async () => {
    const result = await scenario('hold');
    expect(result).toMatchObject({ accepted: 1, settlement: 'delivered', left: 0 });
    // What was captured reached the back-end from the outbox alone (checked by the sandbox), and the outbox keeps nothing of it.
    expect(result.attachments).toEqual(await sampleAttachments());
    expect(result.alerts).toMatchObject([{ issue: 'paidNotDelivered' }]);
  }, 30_000);

  it('while the back-end was answering the submission: the redelivery is recognised by its key, one application', async () => {
    server.inject(GATEWAY_PATHS.submitApplication, { mode: 'holdAnswer', ms: 1500, times: 1 });
    const result = await scenario('release');
    expect(result).toMatchObject({ accepted: 1, settlement: 'delivered', left: 0 });
    expect(result.attachments).toEqual(await sampleAttachments());
  }, 30_000);
});
