import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSms } from '../../../hall/server/proxy/sms/http-sms';
import { SANDBOX_KEEP, createSandboxSms } from '../../../hall/server/proxy/sms/sandbox-sms';

const LINK = 'https://hall.example:8751/p/#t=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('the SMS sandbox', () => {
  it('keeps the last 50 messages and logs only the masked number', async () => {
    const logs: string[] = [];
    const sms = createSandboxSms({ log: (line) => logs.push(line) });
    for (let i = 0; i < SANDBOX_KEEP + 5; i++) expect((await sms.send({ mobile: '13812345678', text: `第${i}条 ${LINK}` })).ok).toBe(true);
    expect(sms.messages()).toHaveLength(50);
    expect(sms.messages()[0]?.text).toBe(`第5条 ${LINK}`);
    expect(new Set(logs)).toEqual(new Set(['SMS (sandbox) → 138****5678']));
  });
});

describe('the HTTP SMS gateway client', () => {
  let server: Server;
  let url: string;
  const received: Array<{ auth: string | undefined; body: unknown }> = [];
  let answer: 'ok' | 'refuse' | 'hang' = 'ok';
  const bodyOf = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        received.push({ auth: request.headers.authorization, body });
        if (answer === 'hang') return;
        response.writeHead(answer === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer === 'ok' ? { messageId: 'gw-1' } : { error: 'busy' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the number and text with the API key, and says sent', async () => {
    const sms = createHttpSms({ url, apiKey: 'key-123' });
    expect(await sms.send({ mobile: '13812345678', text: `hello ${LINK}` })).toEqual({ ok: true, value: { messageId: 'gw-1' } });
    expect(received.at(-1)).toEqual({ auth: 'Bearer key-123', body: { mobile: '13812345678', text: `hello ${LINK}` } });
  });

  it('says failed when the gateway refuses or does not answer in time, and never logs the link', async () => {
    const logs: string[] = [];
    const sms = createHttpSms({ url, apiKey: 'key-123', timeoutMs: 300, log: (line) => logs.push(line) });
    answer = 'refuse';
    expect(await sms.send({ mobile: '13812345678', text: LINK })).toEqual({ ok: false, error: 'failed' });
    answer = 'hang';
    expect(await sms.send({ mobile: '13812345678', text: LINK })).toEqual({ ok: false, error: 'failed' });
    const unreachable = createHttpSms({ url: 'http://127.0.0.1:1/send', apiKey: 'k', log: (line) => logs.push(line) });
    expect(await unreachable.send({ mobile: '13812345678', text: LINK })).toEqual({ ok: false, error: 'failed' });
    expect(logs).toHaveLength(3);
    for (const line of logs) {
      expect(line).toContain('138****5678');
      expect(line).not.toContain('#t=');
      expect(line).not.toContain('13812345678');
    }
  });
});
