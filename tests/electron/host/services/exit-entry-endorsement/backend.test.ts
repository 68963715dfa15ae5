/**
 * The sandbox's answers of 出入境签注's back-end calls (today 2026-12-01):
 * the options per person and permit (the 个人游 cities, relatives, a
 * registered company, 赴台 rules), the first endorsement away from home,
 * and the endorsement issued only as offered, the same for the same key.
 */
import { describe, expect, it } from 'vitest';
import { endorsementOptions, issueEndorsement, termEnd, type IssueRequest } from '../../../../../electron/host/services/exit-entry-endorsement/backend';
import { sandboxGateway } from '../flow-kit';

const gateway = sandboxGateway();
const options = (idNumber: string, permitType: 'hkMacauPermit' | 'taiwanPermit', permitNumber: string, hallProvinceCode = '41') => gateway.call(endorsementOptions, { idNumber, permitType, permitNumber, hallProvinceCode });
const issue = (over: Partial<IssueRequest> = {}) =>
  gateway.call(issueEndorsement, { idNumber: '410105199108150022', permitNumber: 'C72345678', applicationKey: 'app-flow-1-pay-1', destination: 'hongKong', type: 'G', entries: 'twice', termMonths: 12, ...over });

describe('exit-entry-endorsement-options (sandbox)', () => {
  it('赵欣 (郑州): 个人旅游 to Hong Kong 3 months / 1 year, once / twice; to Macau once; 7 days a stay', async () => {
    const answer = await options('410105199108150022', 'hkMacauPermit', 'C72345678');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const g = answer.value.offers.filter((offer) => offer.type === 'G').map((offer) => `${offer.destination}:${offer.entries}-${offer.termMonths}:${offer.stayDays}`);
    expect(g).toEqual(['hongKong:single-3:7', 'hongKong:twice-3:7', 'hongKong:single-12:7', 'hongKong:twice-12:7', 'macau:single-3:7', 'macau:single-12:7']);
    expect(answer.value.nonLocalFirstTime).toBe(false);
  });

  it('陈思远 (平顶山): no 个人旅游, with why; 探亲 to Hong Kong (a sibling): 3 months once, 14 days', async () => {
    const answer = await options('410402199001011230', 'hkMacauPermit', 'C38816402');
    if (!answer.ok) throw new Error('no answer');
    expect(answer.value.offers.some((offer) => offer.type === 'G')).toBe(false);
    expect(answer.value.refusals).toContainEqual({ destination: 'hongKong', type: 'G', reason: 'cityNotListed' });
    expect(answer.value.offers.filter((offer) => offer.type === 'T')).toEqual([{ destination: 'hongKong', type: 'T', entries: 'single', termMonths: 3, stayDays: 14 }]);
  });

  it('吴国强\'s Taiwan permit: 探亲 by his 入台许可; 个人旅游 suspended, 团队旅游 not resumed for 河南', async () => {
    const answer = await options('410403198011250034', 'taiwanPermit', 'L21234567');
    if (!answer.ok) throw new Error('no answer');
    expect(answer.value.offers).toEqual([
      { destination: 'taiwan', type: 'T', entries: 'single', termMonths: 6, stayDays: 30 },
      { destination: 'taiwan', type: 'T', entries: 'multiple', termMonths: 12, stayDays: 30 },
    ]);
    expect(answer.value.refusals.map((refusal) => `${refusal.type}:${refusal.reason}`)).toEqual(['G:suspended', 'L:notResumed', 'Q:needsPapers']);
  });

  it('another person\'s permit, the wrong kind, or a person with none: notFound', async () => {
    expect(await options('410105199108150022', 'hkMacauPermit', 'C38816402')).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await options('410403198011250034', 'hkMacauPermit', 'L21234567')).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await options('410402199506120029', 'hkMacauPermit', 'C12345678')).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('a hall in another province, never endorsed before: the first endorsement is the counter\'s (陈思远); endorsed before: not (赵欣)', async () => {
    const chen = await options('410402199001011230', 'hkMacauPermit', 'C38816402', '44');
    const zhao = await options('410105199108150022', 'hkMacauPermit', 'C72345678', '44');
    expect(chen.ok && chen.value.nonLocalFirstTime).toBe(true);
    expect(zhao.ok && zhao.value.nonLocalFirstTime).toBe(false);
  });
});

describe('exit-entry-endorsement-issue (sandbox)', () => {
  it('issues what was offered: from today for the term, the stay; the same key, the same number', async () => {
    const first = await issue();
    const again = await issue();
    expect(first).toEqual({ ok: true, value: { number: expect.stringMatching(/^QH20261201\d{6}$/), validFrom: '2026-12-01', validUntil: '2027-11-30', stayDays: 7 } });
    expect(again).toEqual(first);
  });

  it('refuses what was not offered (个人旅游 for 平顶山, a term not offered, 赴台 二次)', async () => {
    expect((await issue({ idNumber: '410402199001011230', permitNumber: 'C38816402' })).ok).toBe(false);
    expect((await issue({ entries: 'multiple' })).ok).toBe(false);
    expect((await issue({ idNumber: '410403198011250034', permitNumber: 'L21234567', destination: 'taiwan', type: 'T', entries: 'twice', termMonths: 6 })).ok).toBe(false);
  });
});

describe('termEnd', () => {
  it.each([
    ['2026-12-01', 3, '2027-02-28'],
    ['2026-12-01', 12, '2027-11-30'],
    ['2027-11-30', 3, '2028-02-28'],
    ['2026-01-31', 1, '2026-02-27'],
    ['2026-03-01', 6, '2026-08-31'],
  ])('%s + %i months ends on %s', (from, months, end) => {
    expect(termEnd(from, months)).toBe(end);
  });
});
