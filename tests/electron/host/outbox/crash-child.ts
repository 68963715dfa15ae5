/**
 * Child process for the outbox crash test: writes one application to the
 * outbox (unless told not to), says so on stdout, then delivers it. The
 * parent SIGKILLs it at the chosen moment.
 *
 * env: DB, KEY_FILE, GATEWAY_URL, IDEMPOTENCY_KEY, WAIT_BEFORE_SEND_MS
 */
import { openJournal } from '../../../../electron/host/journal/open-journal';
import { MIGRATIONS } from '../../../../electron/host/journal/migrations';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { OUTBOX_MIGRATION } from '../../../../electron/host/outbox/migration';
import { loadOutboxKey } from '../../../../electron/host/outbox/outbox-key';
import { createOutboxStore } from '../../../../electron/host/outbox/outbox-store';
import { createOutboxSender } from '../../../../electron/host/outbox/outbox-sender';
import { APPLICATION_KIND, deliverThroughGateway } from '../../../../electron/host/outbox/deliver-application';

const env = process.env;
const journal = openJournal(env.DB ?? '', { migrations: [...MIGRATIONS, OUTBOX_MIGRATION] });
if (!journal.ok) throw new Error(JSON.stringify(journal.error));
const key = loadOutboxKey({ keyFile: env.KEY_FILE ?? '', env: {} });
if (!key.ok) throw new Error(key.error.kind);
const store = createOutboxStore({ db: journal.value.db, key: key.value });
store.enqueue(APPLICATION_KIND, { serviceId: 'no-criminal-record', kioskId: 'HB-KIOSK-01', payload: { idNumber: '410402199001011230', kind: 'certificateIssued' } }, env.IDEMPOTENCY_KEY);
process.stdout.write('ENQUEUED\n');
await new Promise((resolve) => setTimeout(resolve, Number(env.WAIT_BEFORE_SEND_MS ?? '0')));
const gateway = createHttpGateway({ baseUrl: env.GATEWAY_URL ?? '', link: createPlainSandboxLink(), timeoutMs: 30_000, retries: 0 });
const sender = createOutboxSender({ store, deliver: deliverThroughGateway(gateway) });
process.stdout.write('SENDING\n');
await sender.flush();
process.stdout.write('DELIVERED\n');
