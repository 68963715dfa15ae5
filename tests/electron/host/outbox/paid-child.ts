/**
 * Child process for the paid-then-killed test: a host that wrote the held
 * application and its ledger row, saw the order paid (ledger), and then —
 * with MODE=release — released the application and started sending it to
 * a back-end that stalls. It says how far it got on stdout; the parent
 * SIGKILLs it there. The application carries attachments (photo, prints,
 * signature, a PDF), as a capture service's does.
 *
 * env: DB, KEY_FILE, GATEWAY_URL, ORDER_NO, APP_KEY, MODE (hold | release)
 */
import { openJournal } from '../../../../electron/host/journal/open-journal';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { createOutboxHeldApplications, createOutboxSender, createOutboxStore, deliverThroughGateway, loadOutboxKey } from '../../../../electron/host/outbox';
import { createPaymentLedger } from '../../../../electron/host/payment/ledger';
import { sampleAttachments } from '../gateway/sample-attachments';

const env = process.env;
const journal = openJournal(env.DB ?? '');
if (!journal.ok) throw new Error(JSON.stringify(journal.error));
const key = loadOutboxKey({ keyFile: env.KEY_FILE ?? '', env: {} });
if (!key.ok) throw new Error(key.error.kind);
const db = journal.value.db;
const store = createOutboxStore({ db, key: key.value });
const gateway = createHttpGateway({ baseUrl: env.GATEWAY_URL ?? '', link: createPlainSandboxLink(), timeoutMs: 30_000, retries: 0 });
const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway) });
const held = createOutboxHeldApplications({ store, sender, kioskId: 'HB-KIOSK-01' });
const ledger = createPaymentLedger(db);
const appKey = env.APP_KEY ?? '';
const orderNo = env.ORDER_NO ?? '';
// With what the kiosk captured: the held entry must carry it, the session that held the bytes dies with this process.
held.hold({ serviceId: 'capability-demo', payload: { idNumber: '410402199001011230' }, attachments: await sampleAttachments() }, appKey, 'payment:test');
ledger.opened({ orderNo, orderKey: 'order-key-1', sessionId: 's-1', serviceId: 'capability-demo', amountFen: 1000, applicationKey: appKey });
ledger.observed({ orderNo, status: 'paid', refundedFen: 0, channel: 'wechat', paidAt: new Date().toISOString() });
process.stdout.write('PAID\n');
if (env.MODE === 'release') {
  held.release(appKey);
  process.stdout.write('SENDING\n');
  await held.submitNow(appKey);
}
await new Promise((resolve) => setTimeout(resolve, 60_000));
