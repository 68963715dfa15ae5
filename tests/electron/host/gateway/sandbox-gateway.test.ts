import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSandboxGateway } from '../../../../electron/host/gateway/sandbox-gateway';
import { loadSandboxData } from '../../../../electron/host/gateway/sandbox-data';

function data() {
  const loaded = loadSandboxData();
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded.data;
}
const gateway = (over = {}) => createSandboxGateway({ data: data(), latency: { minMs: 0, maxMs: 0 }, now: () => new Date('2026-03-02T10:00:00+08:00'), ...over });

describe('sandbox data', () => {
  it('holds every sample card', () => {
    const dir = join(process.cwd(), 'resources/citizens');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const fields = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { fields: { idNumber?: string; permitNumber?: string } }).fields;
      const number = fields.idNumber ?? fields.permitNumber;
      expect(number && data().citizens[number], file).toBeTruthy();
    }
  });

  it('rejects a broken data file with a message naming the field', () => {
    const result = loadSandboxData(join(process.cwd(), 'package.json'));
    expect('error' in result && result.error).toMatch(/version|citizens/);
  });
});

describe('sandbox gateway', () => {
  it.each([
    ['410402199001011230', 'resident', '41', 'noRecord'],
    ['410411198507150037', 'resident', '41', 'record'],
    ['410402200203100042', 'resident', '41', 'sealedJuvenile'],
    ['410421197711020027', 'resident', '41', 'needsReview'],
    ['32010219920308005X', 'resident', '32', 'noRecord'],
    ['110105200511300072', 'resident', '11', 'noRecord'],
    ['941124198804120029', 'foreigner', null, 'noRecord'],
    ['810000199507200020', 'hmt', null, 'needsReview'],
  ])('%s: %s, 户籍 %s, %s', async (idNumber, holder, province, result) => {
    const g = gateway();
    const person = await g.lookupPerson(idNumber);
    expect(person).toMatchObject({ ok: true, value: { holder } });
    expect(person.ok && (person.value.registeredResidence?.provinceCode ?? null)).toBe(province);
    const answer = await g.queryCriminalRecord({ idNumber, purpose: 'employment', requestKey: `key-${idNumber}` });
    expect(answer).toMatchObject({ ok: true, value: { result, queryDate: '2026-03-02' } });
    const issuable = result === 'noRecord' || result === 'sealedJuvenile';
    expect(answer.ok && answer.value.verifyCode !== undefined).toBe(issuable);
  });

  it('is deterministic: the same request key gets the same answer', async () => {
    const a = await gateway().queryCriminalRecord({ idNumber: '410402199001011230', purpose: 'abroad', requestKey: 'same-key-1' });
    const b = await gateway().queryCriminalRecord({ idNumber: '410402199001011230', purpose: 'abroad', requestKey: 'same-key-1' });
    expect(a).toEqual(b);
  });

  it('answers expected failures as values', async () => {
    const g = gateway();
    expect(await g.lookupPerson('410404197001010098')).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await g.queryCriminalRecord({ idNumber: '410402199512120076', purpose: 'other', requestKey: 'k-timeout' })).toEqual({ ok: false, error: { kind: 'timeout' } });
    expect(await g.queryCriminalRecord({ idNumber: '410403198808080060', purpose: 'other', requestKey: 'k-unavail' })).toEqual({ ok: false, error: { kind: 'unavailable', status: 503 } });
  });

  it('face verification: by data without a matcher, through the face matcher with one', async () => {
    const probe = new Uint8Array([0xff, 0xd8]);
    expect(await gateway().verifyFace({ idNumber: '410402199001011230', probe })).toMatchObject({ ok: true, value: { match: true } });
    expect(await gateway().verifyFace({ idNumber: '440305199306060016', probe })).toMatchObject({ ok: true, value: { match: false } });
    const seen: string[] = [];
    const withMatcher = gateway({
      faceMatcher: {
        matcher: { compare: async () => ({ ok: true as const, value: { similarity: 0.42 } }) },
        reference: async (ref: string) => (seen.push(ref), new Uint8Array([1])),
      },
    });
    expect(await withMatcher.verifyFace({ idNumber: '410402199001011230', probe })).toEqual({ ok: true, value: { match: false, score: 0.42 } });
    expect(seen).toEqual(['resident-han']);
    // With a real comparison, a person without a photo on file cannot be compared: notFound (the host sends them to staff).
    expect(await withMatcher.verifyFace({ idNumber: '440305199306060016', probe })).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await withMatcher.verifyFace({ idNumber: '110101199003070011', probe })).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('document numbers are never duplicated, and a retried key gets the same number', async () => {
    const g = gateway();
    const numbers = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const r = await g.issueDocumentNumber({ type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', idempotencyKey: `number-key-${i}` });
      if (r.ok) numbers.add(r.value.number);
    }
    expect(numbers.size).toBe(50);
    const again = await g.issueDocumentNumber({ type: 'noCriminalRecord', kioskId: 'HB-KIOSK-01', idempotencyKey: 'number-key-7' });
    expect(again.ok && numbers.has(again.value.number)).toBe(true);
    expect(again.ok && again.value.number).toBe('WFZ2026-HB-KIOSK-01-000008');
  });

  it('submissions are deduplicated by idempotency key', async () => {
    const g = gateway();
    const submission = { idempotencyKey: 'submit-key-1', serviceId: 'no-criminal-record', kioskId: 'K', payload: { a: 1 } };
    const first = await g.submitApplication(submission);
    const second = await g.submitApplication(submission);
    expect(first).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(second).toMatchObject({ ok: true, value: { duplicate: true, receiptNumber: first.ok ? first.value.receiptNumber : '' } });
    expect(g.stats()).toEqual({ accepted: { 'submit-key-1': 1 }, attempts: { 'submit-key-1': 2 } });
  });

  it('keeps only the newest payloads and idempotency keys, so a kiosk running the sandbox does not hoard citizens\' data', async () => {
    const g = gateway({ idempotencyWindow: 3, keepPayloads: 2 });
    const submit = (n: number) => g.submitApplication({ idempotencyKey: `k${n}`, serviceId: 's', kioskId: 'K', payload: { idNumber: `id-${n}` } });
    const receipts: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const r = await submit(n);
      receipts.push(r.ok ? r.value.receiptNumber : 'failed');
    }
    // Payloads: the newest two only; the older ones are gone from memory.
    expect([1, 2, 3, 4].map((n) => g.acceptedPayload(`k${n}`))).toEqual([undefined, undefined, { idNumber: 'id-3' }, { idNumber: 'id-4' }]);
    // Keys: the newest three; k1 fell out of the window, so the back-end no longer knows it.
    expect(Object.keys(g.stats().accepted)).toEqual(['k2', 'k3', 'k4']);
    expect(await submit(4)).toMatchObject({ ok: true, value: { duplicate: true, receiptNumber: receipts[3] } });
    const late = await submit(1);
    // Receipt numbers never repeat, even after keys were forgotten.
    expect(late).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(new Set([...receipts, late.ok ? late.value.receiptNumber : '']).size).toBe(5);
  });

  it('simulates latency within the configured range', async () => {
    vi.useFakeTimers();
    try {
      const g = gateway({ latency: { minMs: 30, maxMs: 60 } });
      let answered = false;
      const lookup = g.lookupPerson('410402199001011230').then((r) => {
        answered = true;
        return r;
      });
      await vi.advanceTimersByTimeAsync(29);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(31);
      expect(answered).toBe(true);
      expect((await lookup).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('docs/gateway-openapi.yaml', () => {
  it('documents every path the client calls', async () => {
    const { GATEWAY_PATHS } = await import('../../../../electron/host/gateway/wire-schemas');
    const doc = readFileSync(join(process.cwd(), 'docs/gateway-openapi.yaml'), 'utf8');
    expect(doc).toMatch(/^openapi: 3\.1\.0/);
    for (const path of Object.values(GATEWAY_PATHS)) expect(doc, path).toContain(`\n  ${path}:\n`);
  });
});
