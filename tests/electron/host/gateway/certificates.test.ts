import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../electron/host/config/load';
import { createGatewayFromConfig } from '../../../../electron/host/gateway/from-config';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import type { CertificateIssueRequest, IssuedCertificate, PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';

// Certificates the back-end numbers and seals: what a receiving employer checks on paper and on its phone.

const HAN = '410402199001011230';
const SEAL_PNG = readFileSync(join(process.cwd(), 'resources/seal/placeholder-seal.png'));

const request = (over: Partial<CertificateIssueRequest> = {}): CertificateIssueRequest => ({
  type: 'noCriminalRecord',
  kioskId: 'HB-KIOSK-01',
  idempotencyKey: 'cert-key-0001',
  holder: { name: '陈思远', idNumber: HAN, idDocumentType: 'residentIdCard' },
  facts: { queryDate: '2026-03-02', purpose: 'employment' },
  ...over,
});

function sandbox(over = {}): SandboxGateway {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 }, now: () => new Date('2026-03-02T10:00:00+08:00'), ...over });
}

async function issued(gateway: PoliceGateway, over: Partial<CertificateIssueRequest> = {}): Promise<IssuedCertificate> {
  const result = await gateway.issueCertificate(request(over));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The certificate with its image as a digest (deep equality over 50 kB of bytes is slow). */
const comparable = (c: IssuedCertificate) => ({ ...c, seal: { ...c.seal, imagePng: createHash('sha256').update(c.seal.imagePng).digest('hex') } });
const isSealPng = (bytes: Uint8Array) => Buffer.from(bytes).equals(SEAL_PNG);

const signatureValid = (publicKeyPem: string, signedText: string, signature: string) =>
  verify(null, Buffer.from(signedText, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));

describe('certificates from the embedded sandbox', () => {
  it('numbers, codes and seals a certificate', async () => {
    const g = sandbox({ verifyBaseUrl: 'http://10.1.2.3:8742/' });
    const certificate = await issued(g);
    expect(certificate).toMatchObject({
      number: expect.stringMatching(/^WFZ2026-HB-KIOSK-01-\d{6}$/),
      verifyCode: expect.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8,12}$/),
      issuingOffice: '平顶山市公安局城乡一体化示范区分局湖滨派出所',
      issueDate: '2026-03-02',
      seal: { algorithm: 'Ed25519', keyId: g.certificates.sealKey().keyId },
    });
    expect(certificate.verifyUrl).toBe(`http://10.1.2.3:8742/verify/${certificate.verifyCode}`);
    // The seal image is the back-end's (the test back-end's placeholder): the kiosk prints what it gets.
    expect(isSealPng(certificate.seal.imagePng)).toBe(true);
    for (const stated of [certificate.number, '陈思远', HAN, '2026-03-02', 'employment', certificate.verifyCode]) expect(certificate.seal.signedText).toContain(stated);
  });

  it('the same key gives the same certificate; another key another number and code', async () => {
    const g = sandbox();
    const first = await issued(g);
    const again = await issued(g);
    expect(comparable(again)).toEqual(comparable(first));
    const other = await issued(g, { idempotencyKey: 'cert-key-0002' });
    expect(other.number).not.toBe(first.number);
    expect(other.verifyCode).not.toBe(first.verifyCode);
  });

  it('shares the number sequence with document numbers: never the same number twice', async () => {
    const g = sandbox();
    const number = await g.issueDocumentNumber({ type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', idempotencyKey: 'doc-number-1' });
    const certificate = await issued(g);
    expect(number.ok && number.value.number).not.toBe(certificate.number);
  });

  it('the seal verifies with the published key; an altered text or another key does not', async () => {
    const g = sandbox();
    const { seal } = await issued(g);
    const key = g.certificates.sealKey();
    expect(key.algorithm).toBe('Ed25519');
    expect(signatureValid(key.publicKeyPem, seal.signedText, seal.signature)).toBe(true);
    expect(signatureValid(key.publicKeyPem, seal.signedText.replace(HAN, '410402199001011248'), seal.signature)).toBe(false);
    expect(signatureValid(key.publicKeyPem, seal.signedText.replace('employment', 'abroad'), seal.signature)).toBe(false);
    expect(signatureValid(sandbox().certificates.sealKey().publicKeyPem, seal.signedText, seal.signature)).toBe(false);
  });

  it('refuses what a real back-end would: an unknown holder, a malformed request, a missing seal image', async () => {
    const g = sandbox();
    expect(await g.issueCertificate(request({ holder: { name: '无名', idNumber: '410404197001010098', idDocumentType: 'residentIdCard' } }))).toEqual({
      ok: false,
      error: { kind: 'notFound' },
    });
    expect(await g.issueCertificate(request({ facts: { 'bad key': 'x' } }))).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    expect(await g.issueCertificate(request({ idempotencyKey: 'short' }))).toMatchObject({ ok: false, error: { kind: 'badResponse' } });
    expect(await sandbox({ sealImagePath: '/nonexistent/seal.png' }).issueCertificate(request())).toEqual({ ok: false, error: { kind: 'unavailable' } });
  });

  it('the configured verifyBaseUrl reaches the embedded sandbox (default: the sandbox server’s address)', async () => {
    const configured = parseConfig({ simulation: true, backend: { kind: 'sandbox', verifyBaseUrl: 'https://verify.example.test' } });
    if (!configured.ok) throw new Error(configured.error.message);
    const built = createGatewayFromConfig(configured.value.backend, { sandboxLatency: { minMs: 0, maxMs: 0 } });
    if ('error' in built) throw new Error(built.error);
    expect((await issued(built.gateway)).verifyUrl).toMatch(/^https:\/\/verify\.example\.test\/verify\/[A-Z2-9]{10}$/);
    expect((await issued(sandbox())).verifyUrl).toMatch(/^http:\/\/127\.0\.0\.1:8742\/verify\//);
    expect(parseConfig({ simulation: true, backend: { kind: 'sandbox', verifyBaseUrl: 'ftp://x.test' } }).ok).toBe(false);
  });
});

describe('certificates over HTTP and the verification page', () => {
  let g: SandboxGateway;
  let server: SandboxServer;
  const link = createPlainSandboxLink();
  const client = () => createHttpGateway({ baseUrl: server.url, link, timeoutMs: 1000, retries: 0 });

  beforeAll(async () => {
    let url = '';
    g = sandbox({ verifyBaseUrl: () => url });
    server = await startSandboxServer({ gateway: g, port: 0 });
    url = server.url;
  });
  afterAll(() => server.close());

  it('the client gets the certificate with its seal image, idempotently', async () => {
    const first = await issued(client(), { idempotencyKey: 'http-cert-0001' });
    expect(first.seal.imagePng).toBeInstanceOf(Uint8Array);
    expect(isSealPng(first.seal.imagePng)).toBe(true);
    expect(first.verifyUrl).toBe(`${server.url}/verify/${first.verifyCode}`);
    expect(comparable(await issued(client(), { idempotencyKey: 'http-cert-0001' }))).toEqual(comparable(first));
  });

  it('GET /v1/seal-key gives the key the seal verifies with', async () => {
    const { seal } = await issued(client(), { idempotencyKey: 'http-cert-0002' });
    const key = (await (await fetch(`${server.url}/v1/seal-key`)).json()) as { keyId: string; algorithm: string; publicKeyPem: string };
    expect(key).toMatchObject({ keyId: seal.keyId, algorithm: 'Ed25519' });
    expect(signatureValid(key.publicKeyPem, seal.signedText, seal.signature)).toBe(true);
    expect(signatureValid(key.publicKeyPem, `${seal.signedText}\nfact.extra: "x"`, seal.signature)).toBe(false);
  });

  it('the page of a known code says 有效 and shows the holder only masked', async () => {
    const certificate = await issued(client(), { idempotencyKey: 'http-cert-0003' });
    const response = await fetch(certificate.verifyUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const shown of ['lang="zh-CN"', 'name="viewport"', '有效', '无犯罪记录证明', certificate.number, '2026-03-02', '陈**', '4104**********1230', certificate.issuingOffice, '电子印章验证通过'])
      expect(html).toContain(shown);
    expect(html).not.toContain(HAN);
    expect(html).not.toContain('陈思远');
  });

  it('the same as JSON for Accept: application/json; a lower-case code is the same code', async () => {
    const certificate = await issued(client(), { idempotencyKey: 'http-cert-0004' });
    const response = await fetch(`${server.url}/verify/${certificate.verifyCode.toLowerCase()}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      found: true,
      valid: true,
      type: 'noCriminalRecord',
      typeName: '无犯罪记录证明',
      typeNameEn: 'Certificate of no criminal record',
      number: certificate.number,
      issueDate: '2026-03-02',
      issuingOffice: certificate.issuingOffice,
      holderName: '陈**',
      holderIdNumber: '4104**********1230',
      keyId: certificate.seal.keyId,
      sealVerified: true,
    });
    expect(JSON.stringify(body)).not.toContain(HAN);
  });

  it('an unknown code is 未找到, 404', async () => {
    const page = await fetch(`${server.url}/verify/ABCDEFGH23`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('未找到');
    expect(html).not.toContain('有效');
    const json = await fetch(`${server.url}/verify/ABCDEFGH23`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ found: false, valid: false });
    expect((await fetch(`${server.url}/verify/<script>`)).status).toBe(404);
  });

  it('the server refuses an issue request without an idempotency key', async () => {
    const { idempotencyKey: _key, ...body } = request();
    const response = await fetch(`${server.url}/v1/certificates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'missingIdempotencyKey' });
  });

  it('a seal image that is no PNG, or an answer without a seal, is badResponse', async () => {
    const good = await issued(client(), { idempotencyKey: 'http-cert-0005' });
    const answers = [
      { ...good, seal: { ...good.seal, imagePng: undefined, imagePngBase64: Buffer.from('<svg/>').toString('base64') } },
      { ...good, seal: undefined },
    ];
    for (const answer of answers) {
      const fake = createServer((_req, res) => res.end(JSON.stringify(answer)));
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
      const result = await createHttpGateway({ baseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, link, retries: 0 }).issueCertificate(request());
      fake.close();
      expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse', detail: expect.stringContaining('seal') } });
    }
  });
});
