/**
 * An application's attachments over HTTP, the client against the sandbox
 * server: accepted whole when every piece holds up (the back-end then has
 * the content, not only hashes); refused for good (422 `attachmentInvalid`,
 * naming the piece) when a hash does not match its bytes, the photo is not
 * a JPEG of its spec's size, a paper is not a PDF or a template does not
 * parse; never accepted silently. Over-limit pieces are not even sent.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationAttachments, type ApplicationAttachments as Attachments } from '../../../../electron/host/gateway/application-attachments';
import { createHttpGateway } from '../../../../electron/host/gateway/http-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';
import { createSandboxGateway, type SandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { startSandboxServer, type SandboxServer } from '../../../../electron/host/gateway/sandbox-server';
import { createPlainSandboxLink } from '../../../../electron/host/gateway/tls-link';
import { GATEWAY_PATHS } from '../../../../electron/host/gateway/wire-schemas';
import { sampleAttachments } from './sample-attachments';
import { simulatedTemplate } from '../../../../drivers/fingerprint/sim-template';

let sandbox: SandboxGateway;
let server: SandboxServer;
let sample: Attachments;
let keys = 0;

beforeAll(async () => {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  sandbox = createSandboxGateway({ data: loaded.data, latency: { minMs: 0, maxMs: 0 } });
  server = await startSandboxServer({ gateway: sandbox, port: 0 });
  sample = await sampleAttachments();
});
afterAll(() => server.close());

const client = () => createHttpGateway({ baseUrl: server.url, link: createPlainSandboxLink(), retries: 2, backoff: { baseMs: 5, maxMs: 10 } });
const submit = (attachments: Attachments) => {
  keys += 1;
  const idempotencyKey = `attachments-${String(keys).padStart(4, '0')}`;
  return { idempotencyKey, result: client().submitApplication({ idempotencyKey, serviceId: 'id-card-renewal', kioskId: 'HB-KIOSK-01', payload: { idNumber: '410402199001011230' }, attachments }) };
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('an application with its attachments, over HTTP', () => {
  it('is accepted whole: the back-end holds the photo, the templates, the signature and the PDF as sent', async () => {
    const { idempotencyKey, result } = submit(sample);
    expect(await result).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(sandbox.acceptedAttachments(idempotencyKey)).toEqual(sample);
  });

  it('a photo whose bytes do not match its hash is refused for good, naming the piece; nothing is accepted', async () => {
    const other = Buffer.from(sample.photo!.jpegBase64, 'base64');
    other[other.length - 3] = (other[other.length - 3]! + 1) % 256;
    const { idempotencyKey, result } = submit({ ...sample, photo: { ...sample.photo!, jpegBase64: b64(other) } });
    expect(await result).toEqual({ ok: false, error: { kind: 'rejected', reason: 'attachmentInvalid', detail: 'photo: sha256 mismatch' } });
    expect(sandbox.stats().accepted[idempotencyKey]).toBeUndefined();
  });

  it('the wire says so: 422 with the reason and what failed', async () => {
    const response = await fetch(`${server.url}${GATEWAY_PATHS.submitApplication}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'attachments-wire-0001' },
      body: JSON.stringify({ serviceId: 'id-card-renewal', kioskId: 'K', payload: {}, attachments: { ...sample, papers: [{ ...sample.papers![0]!, sha256: '0'.repeat(64) }] } }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'rejected', reason: 'attachmentInvalid', detail: 'papers[0]: sha256 mismatch' });
  });

  it('a photo not of its spec’s size, a paper that is no PDF, a template that does not parse, a signature not as hashed: each refused', async () => {
    const small = new Uint8Array(await sharp({ create: { width: 200, height: 300, channels: 3, background: { r: 240, g: 240, b: 240 } } }).jpeg().toBuffer());
    const text = Buffer.from('just text, no PDF');
    const junk = Buffer.alloc(512, 7);
    const cases: Array<[Attachments, string]> = [
      [{ ...sample, photo: { ...sample.photo!, jpegBase64: b64(small), sha256: sha256(small) } }, 'photo: 200×300 is not the residentId size'],
      [{ ...sample, papers: [{ ...sample.papers![0]!, pdfBase64: b64(text), sha256: sha256(text) }] }, 'papers[0]: not a PDF'],
      [{ ...sample, fingerprints: { ...sample.fingerprints!, prints: [{ finger: 11, quality: 80, templateBase64: b64(junk), sha256: sha256(junk) }] } }, 'fingerprints.prints[0]: template does not parse as finger 11'],
      [{ ...sample, fingerprints: { ...sample.fingerprints!, prints: [{ ...sample.fingerprints!.prints[0]!, finger: 12 }] } }, 'fingerprints.prints[0]: template does not parse as finger 12'],
      [{ ...sample, signature: { ...sample.signature!, strokes: { ...sample.signature!.strokes, aspect: 2.5 } } }, 'signature: sha256 mismatch'],
    ];
    for (const [attachments, detail] of cases) {
      const { idempotencyKey, result } = submit(attachments);
      expect(await result).toEqual({ ok: false, error: { kind: 'rejected', reason: 'attachmentInvalid', detail } });
      expect(sandbox.stats().accepted[idempotencyKey]).toBeUndefined();
    }
  });

  it('templates as the simulated scanner makes them parse: finger code 0 (it cannot tell the finger), or nobody the simulation knows', async () => {
    const scanned = simulatedTemplate('410402199001011230', 0, 77);
    const anonymous = Buffer.alloc(512, 9);
    anonymous[0] = 0x46;
    anonymous[1] = 77;
    const prints = [scanned, anonymous].map((template, i) => ({ finger: i === 0 ? 11 : 16, quality: 77, templateBase64: b64(template), sha256: sha256(template) }));
    const { idempotencyKey, result } = submit({ ...sample, fingerprints: { ...sample.fingerprints!, prints } });
    expect(await result).toMatchObject({ ok: true });
    expect(sandbox.acceptedAttachments(idempotencyKey)?.fingerprints?.prints).toEqual(prints);
  });

  it('over the limits: a photo over 256 KiB or a template over 2 KiB is not a valid submission', () => {
    const big = Buffer.alloc(300 * 1024, 1);
    expect(ApplicationAttachments.safeParse({ ...sample, photo: { ...sample.photo!, jpegBase64: b64(big), sha256: sha256(big) } }).success).toBe(false);
    const long = Buffer.alloc(3000, 1);
    expect(ApplicationAttachments.safeParse({ ...sample, fingerprints: { ...sample.fingerprints!, prints: [{ finger: 11, quality: 80, templateBase64: b64(long), sha256: sha256(long) }] } }).success).toBe(false);
    expect(ApplicationAttachments.safeParse(sample).success).toBe(true);
  });
});
