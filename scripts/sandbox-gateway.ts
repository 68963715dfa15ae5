/**
 * The sandbox police back-end over HTTP (docs/gateway-openapi.yaml), for a
 * simulated kiosk configured with `backend: { kind: 'sandbox', baseUrl }`, for an HTTP
 * client under test (`{ kind: 'http', baseUrl }` with `"simulation": false`), and for tests.
 *
 *   npm run sandbox-gateway -- [--port=8742] [--host=127.0.0.1] [--latency=200-600] [--data=resources/sandbox/citizens.json]
 *
 * Prints `SANDBOX_GATEWAY_URL=<url>` once listening.
 */
import { parseArgs } from 'node:util';
import { createSandboxGateway } from '../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../electron/host/gateway/sandbox-data';
import { startSandboxServer } from '../electron/host/gateway/sandbox-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.ONEDOOR_SANDBOX_PORT ?? '8742' },
    host: { type: 'string', default: '127.0.0.1' },
    latency: { type: 'string', default: '200-600' },
    data: { type: 'string' },
  },
});

const latencyMatch = /^(\d+)-(\d+)$/.exec(values.latency ?? '');
const port = Number(values.port);
if (!latencyMatch || !Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('usage: sandbox-gateway [--port=N] [--host=H] [--latency=MIN-MAX] [--data=FILE]\n');
  process.exit(2);
}
const loaded = loadSandboxData(values.data);
if ('error' in loaded) {
  process.stderr.write(`${loaded.error}\n`);
  process.exit(1);
}
const gateway = createSandboxGateway({ data: loaded.data, latency: { minMs: Number(latencyMatch[1]), maxMs: Number(latencyMatch[2]) } });
const server = await startSandboxServer({ gateway, port, host: values.host });
process.stdout.write(`SANDBOX_GATEWAY_URL=${server.url}\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
