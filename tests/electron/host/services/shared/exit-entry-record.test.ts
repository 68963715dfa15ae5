import { describe, expect, it } from 'vitest';
import citizens from '../../../../../resources/sandbox/citizens.json' with { type: 'json' };
import type { SandboxWorld } from '../../../../../electron/host/gateway/operation';
import { ExitEntryRecordAnswer, exitEntryRecord, heldDocument } from '../../../../../electron/host/services/shared/exit-entry/travel-documents';

const TODAY = '2026-12-03';
const people = citizens.citizens as Record<string, { name: string }>;
const world: SandboxWorld = {
  citizen: (idNumber) => people[idNumber] as ReturnType<SandboxWorld['citizen']>,
  now: () => new Date('2026-12-02T22:00:00Z'),
  today: () => TODAY,
  issuingOffice: '湖滨派出所',
};

const record = async (idNumber: string) => {
  const answer = await exitEntryRecord.sandbox({ idNumber }, world);
  if (!answer.ok) throw new Error(`no record for ${idNumber}`);
  // The sandbox's answer is what a real gateway would send: it passes the wire schema.
  return ExitEntryRecordAnswer.parse(answer.value);
};

describe('the shared 出入境 record in the sandbox', () => {
  it('周婷 holds nothing: a first application, no pinyin yet', async () => {
    expect(await record('410402199506120029')).toEqual({ name: '周婷', pinyin: null, documents: [], applicationsInProgress: [], registeredCity: '平顶山市', exitRestricted: false });
  });

  it('吴国强: the passport expired 200 days before today; both card permits valid', async () => {
    const wu = await record('410403198011250034');
    expect(heldDocument(wu, 'passport')).toMatchObject({ number: 'E40712345', form: 'booklet', validUntil: '2026-05-17', status: 'expired' });
    expect(heldDocument(wu, 'hkMacauPermit')).toMatchObject({ number: 'C51234567', form: 'card', status: 'valid' });
    expect(heldDocument(wu, 'taiwanPermit')).toMatchObject({ number: 'L21234567', status: 'valid' });
    expect(wu.pinyin).toEqual({ surname: 'WU', givenName: 'GUOQIANG' });
  });

  it('郑丽: a valid passport with its pages full', async () => {
    expect(heldDocument(await record('41040219920308004X'), 'passport')).toMatchObject({ status: 'valid', pagesFull: true });
  });

  it('赵欣 is registered in 郑州; 钱卫东 is restricted; a stranger or a foreigner has no record', async () => {
    expect((await record('410105199108150022')).registeredCity).toBe('郑州市');
    expect((await record('41040219771203005X')).exitRestricted).toBe(true);
    expect(await exitEntryRecord.sandbox({ idNumber: '11010519491231002X' }, world)).toEqual({ ok: false, error: { kind: 'notFound' } });
    // 出入境 documents of a 港澳 resident (回乡证) or a foreigner are not these: no record here.
    expect(await exitEntryRecord.sandbox({ idNumber: '810000199507200020' }, world)).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await exitEntryRecord.sandbox({ idNumber: '941124198804120029' }, world)).toEqual({ ok: false, error: { kind: 'notFound' } });
  });
});
