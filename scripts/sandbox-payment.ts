/**
 * The sandbox payment service over HTTP (docs/payment-openapi.yaml), for a
 * simulated kiosk configured with `payment: { kind: 'sandbox', baseUrl }` and
 * for tests. It signs every answer and notification with an Ed25519 key made
 * at start and publishes the public half at `GET /v1/public-key`.
 *
 *   npm run sandbox-payment -- [--port=8743] [--host=127.0.0.1]
 *
 * Test seams: `POST /sandbox/orders/{orderNo}/pay` (the citizen's phone paid
 * the QR code; opening the QR's URL does the same), a 付款码 starting 1388,
 * 2888 or 6288 pays at once, one starting 1399 is declined.
 * Prints `SANDBOX_PAYMENT_URL=<url>` and `SANDBOX_PAYMENT_PUBLIC_KEY=<base64>` once listening.
 */
import { parseArgs } from 'node:util';
import { SANDBOX_PAYMENT_DEFAULT_PORT, startSandboxPaymentServer } from '../electron/host/payment/sandbox-payment-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.ONEDOOR_SANDBOX_PAYMENT_PORT ?? String(SANDBOX_PAYMENT_DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('usage: sandbox-payment [--port=N] [--host=H]\n');
  process.exit(2);
}
const server = await startSandboxPaymentServer({ port, host: values.host });
process.stdout.write(`SANDBOX_PAYMENT_URL=${server.url}\nSANDBOX_PAYMENT_PUBLIC_KEY=${server.handler.publicKeyBase64}\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
