/** `npm run device -- payment check`: reaches the payment service, verifies its signature, creates no order. */
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../domain/result';
import type { CliIo } from '../../../../drivers/cli/io';
import { runDeviceCli } from '../../../../electron/host/device-cli';
import type { PaymentCliDeps } from '../../../../electron/host/payment/cli/payment-cli';
import { createHttpPayment, fetchTransport } from '../../../../electron/host/payment/http-payment';
import { startSandboxPaymentServer, type SandboxPaymentServer } from '../../../../electron/host/payment/sandbox-payment-server';
import { generateSigningKey } from '../../../../electron/host/payment/signing';

let server: SandboxPaymentServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function io() {
  const lines = { out: [] as string[], err: [] as string[] };
  const cli: CliIo = { out: (t) => void lines.out.push(t), err: (t) => void lines.err.push(t), stopRequested: () => new Promise(() => undefined) };
  return { cli, lines };
}

function deps(baseUrl: string, publicKey: string): PaymentCliDeps {
  let t = 0;
  return {
    service: async () => ok({ port: createHttpPayment({ transport: fetchTransport(baseUrl), timeoutMs: 2000, publicKey }), describe: baseUrl, timeZone: 'Asia/Shanghai' }),
    now: () => new Date('2026-12-02T03:00:00Z'),
    clock: () => (t += 12),
  };
}

describe('payment check', () => {
  it('reports a signed answer, its latency, and creates no order', async () => {
    server = await startSandboxPaymentServer();
    const { cli, lines } = io();
    const code = await runDeviceCli(['payment', 'check', '--json'], cli, undefined, deps(server.url, server.handler.publicKeyBase64));
    expect(code).toBe(0);
    expect(JSON.parse(lines.out[0]!)).toEqual({ ok: true, service: server.url, date: '2026-12-02', orders: 0, latencyMs: 12, failure: null });
    const after = server.handler.payment.statement('2026-12-02', 'Asia/Shanghai');
    expect(after.ok && after.value.body.orders).toEqual([]);
  });

  it('exits 2 when the service signs with another key than the configured one', async () => {
    server = await startSandboxPaymentServer();
    const { cli, lines } = io();
    expect(await runDeviceCli(['payment', 'check'], cli, undefined, deps(server.url, generateSigningKey().publicKeyBase64))).toBe(2);
    expect(lines.out[0]).toContain('badSignature');
  });

  it('exits 2 when the service cannot be reached, 64 for an unknown command', async () => {
    const { cli, lines } = io();
    expect(await runDeviceCli(['payment', 'check'], cli, undefined, deps('http://127.0.0.1:9', generateSigningKey().publicKeyBase64))).toBe(2);
    expect(lines.out[0]).toContain('unavailable');
    expect(await runDeviceCli(['payment', 'pay'], cli)).toBe(64);
  });
});
