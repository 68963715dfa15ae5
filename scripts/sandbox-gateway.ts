/**
 * The sandbox police back-end over HTTP (docs/gateway-openapi.yaml), for a
 * simulated kiosk configured with `backend: { kind: 'sandbox', baseUrl }` (plain HTTP on
 * this machine), for the HTTP client of a real kiosk (`{ kind: 'http', baseUrl, tls }`, which
 * only talks https: give `--cert` and `--key` (PEM) to serve HTTPS, and `--client-ca` to
 * demand kiosk certificates signed by that CA, as the real gateway does) and for tests.
 *
 *   npm run sandbox-gateway -- [--port=8742] [--host=127.0.0.1] [--latency=200-600] [--data=resources/sandbox/citizens.json]
 *                              [--cert=server.crt --key=server.key [--client-ca=ca.crt]]
 *                              [--verify-base-url=URL] [--seal=resources/seal/placeholder-seal.png]
 *
 * Certificates it issues carry `<verify-base-url>/verify/<code>` (default: this server's own URL,
 * which serves that page); `--seal` is the PNG it seals with.
 * Serves the back-end operations of every service in SERVICE_MODULES at `POST /v1/ops/<name>`.
 * Prints `SANDBOX_GATEWAY_URL=<url>` once listening.
 */
import { studioPhoto } from '../electron/host/capture/photo/studio-backend';
import { fingerprintCompare } from '../electron/host/gateway/fingerprint-compare';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSandboxGateway } from '../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../electron/host/gateway/sandbox-data';
import { SANDBOX_SERVER_DEFAULT_PORT, startSandboxServer } from '../electron/host/gateway/sandbox-server';
import { SERVICE_MODULES } from '../electron/host/services/registry';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.ONEDOOR_SANDBOX_PORT ?? String(SANDBOX_SERVER_DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '200-600' },
    data: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'client-ca': { type: 'string' },
    'verify-base-url': { type: 'string' },
    seal: { type: 'string' },
  },
});
const USAGE =
  'usage: sandbox-gateway [--port=N] [--host=H] [--latency=MIN-MAX] [--data=FILE] [--cert=FILE --key=FILE [--client-ca=FILE]] [--verify-base-url=URL] [--seal=FILE]\n';

const latencyMatch = /^(\d+)-(\d+)$/.exec(values.latency ?? '');
const port = Number(values.port);
const tlsHalf = (values.cert === undefined) !== (values.key === undefined) || (values['client-ca'] !== undefined && values.cert === undefined);
if (!latencyMatch || !Number.isInteger(port) || port < 0 || port > 65535 || tlsHalf) {
  process.stderr.write(USAGE);
  process.exit(2);
}
let tls: { cert: Buffer; key: Buffer; clientCa?: Buffer } | undefined;
try {
  if (values.cert && values.key) {
    tls = { cert: readFileSync(values.cert), key: readFileSync(values.key), ...(values['client-ca'] ? { clientCa: readFileSync(values['client-ca']) } : {}) };
  }
} catch (error) {
  process.stderr.write(`cannot read a certificate file: ${(error as Error).message}\n`);
  process.exit(1);
}
const loaded = loadSandboxData(values.data);
if ('error' in loaded) {
  process.stderr.write(`${loaded.error}\n`);
  process.exit(1);
}
// The server's own URL is known once it listens (port 0 picks one); certificates are issued only after that.
let serverUrl = '';
const gateway = createSandboxGateway({
  data: loaded.data,
  latency: { minMs: Number(latencyMatch[1]), maxMs: Number(latencyMatch[2]) },
  verifyBaseUrl: values['verify-base-url'] ?? (() => serverUrl),
  ...(values.seal ? { sealImagePath: values.seal } : {}),
});
// The step library's own operations (the standard photo's studio receipt, the fingerprints' card comparison), then the services'.
const operations = [studioPhoto, fingerprintCompare, ...SERVICE_MODULES.flatMap((m) => m.backend ?? [])];
const server = await startSandboxServer({ gateway, operations, port, host: values.host, ...(tls ? { tls } : {}) });
serverUrl = server.url;
process.stdout.write(`SANDBOX_GATEWAY_URL=${server.url}\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
