/**
 * `npm run sandbox-gateway` with a certificate: an installer can point a
 * kiosk's https client (its CA and client certificate) at the sandbox served
 * over mutual TLS, and a kiosk without a certificate the sandbox trusts is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realKioskConfig } from '../helpers/real-kiosk-config';
import { parseConfig } from '../../electron/host/config/load';
import { createGatewayFromConfig } from '../../electron/host/gateway/from-config';
import { makeTestPki, type Issued, type TestPki } from '../helpers/test-pki';

const SCRIPT = fileURLToPath(new URL('../../scripts/sandbox-gateway.ts', import.meta.url));
let pki: TestPki;
let child: ChildProcess | undefined;
let url = '';

function runScript(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function gatewayWith(client: Issued) {
  const parsed = parseConfig(
    realKioskConfig({
      backend: {
        kind: 'http',
        baseUrl: url,
        tls: { caFile: pki.ca.certFile, clientCertFile: client.certFile, clientKeyFile: client.keyFile },
      },
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const built = createGatewayFromConfig(parsed.value.backend);
  if ('error' in built) throw new Error(built.error);
  return built.gateway;
}

beforeAll(async () => {
  pki = makeTestPki();
  child = runScript([
    '--port=0',
    '--latency=0-0',
    `--cert=${pki.server.certFile}`,
    `--key=${pki.server.keyFile}`,
    `--client-ca=${pki.ca.certFile}`,
  ]);
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /SANDBOX_GATEWAY_URL=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`sandbox-gateway exited with ${code}`)));
  });
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  pki.remove();
});

describe('npm run sandbox-gateway over TLS', () => {
  it('serves https, and the kiosk client with the CA and its certificate gets answers', async () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await gatewayWith(pki.client).lookupPerson('410402199001011230')).toMatchObject({
      ok: true,
      value: { holder: 'resident' },
    });
  });

  it('refuses a kiosk whose certificate is not from the client CA', async () => {
    expect(await gatewayWith(pki.wrongClient).lookupPerson('410402199001011230')).toMatchObject({
      ok: false,
      error: { kind: 'unavailable' },
    });
  });

  it('a certificate without its key is a usage error', async () => {
    const bad = runScript([`--cert=${pki.server.certFile}`]);
    const code = await new Promise((resolve) => bad.once('exit', resolve));
    expect(code).toBe(2);
  });
});
