/** The 居民身份证 工本费 rule shared by the ID card services: amounts per kind, the 低保/hardship relief, the EMS posting fee. */
import { describe, expect, it } from 'vitest';
import { feeDue } from '../../../../../electron/host/flows/library';
import type { FlowContext } from '../../../../../electron/host/flows/library';
import { EMS_POSTING_FEE, EMS_POSTING_OFFER, postingFeeItems } from '../../../../../electron/host/services/shared/ems-posting';
import { idCardExemption, idCardFeeItem, idCardFeeRule, type IdCardApplicationKind } from '../../../../../electron/host/services/shared/id-card-fee';

const KINDS: IdCardApplicationKind[] = ['firstIssue', 'expiryRenewal', 'damagedRenewal', 'lostReplacement'];
const EMS = { method: 'ems', fee: EMS_POSTING_OFFER, recipient: { name: '陈思远', phone: '13800138000', address: { province: '410000', city: '410400', county: '410402', detail: '建设路1号' } } } as const;

describe('ID card fee: amounts', () => {
  it.each([
    ['firstIssue', 2000],
    ['expiryRenewal', 2000],
    ['damagedRenewal', 4000],
    ['lostReplacement', 4000],
  ] as const)('%s costs %i fen, on the basis of 发改价格〔2003〕2322号', (kind, fen) => {
    const item = idCardFeeItem(kind);
    expect(item.amountFen).toBe(fen);
    expect(item.basis).toContain('发改价格〔2003〕2322号');
    expect(item.basis).toContain(fen === 2000 ? '每证20元' : '每证40元');
  });

  it('damaged and lost cards share the replacement item; first issue and renewal have their own', () => {
    expect(KINDS.map((kind) => idCardFeeItem(kind).code)).toEqual(['idCard', 'renewal', 'replacement', 'replacement']);
  });

  it("a service's rule lists each item of its kinds once, with the exemptions and its charging", () => {
    const rule = idCardFeeRule(['expiryRenewal', 'damagedRenewal', 'lostReplacement'], { chargedOn: [], oneOf: true });
    expect(rule.items.map((item) => [item.code, item.amountFen])).toEqual([
      ['renewal', 2000],
      ['replacement', 4000],
    ]);
    expect(rule.exemptions.map((e) => [e.code, e.payPercent])).toEqual([
      ['dibao', 0],
      ['hardship', 50],
    ]);
    expect(rule).toMatchObject({ chargedOn: [], oneOf: true });
    expect(idCardFeeRule(['firstIssue'], { chargedOn: ['applicationAccepted'] })).toMatchObject({ items: [{ code: 'idCard', amountFen: 2000 }], chargedOn: ['applicationAccepted'] });
  });
});

describe('ID card fee: exemptions (居民身份证法 art. 20: first issue and 换领 only)', () => {
  it.each(['firstIssue', 'expiryRenewal', 'damagedRenewal'] as const)('%s: the back-end\'s 低保 or hardship applies', (kind) => {
    expect(idCardExemption(kind, 'dibao')).toBe('dibao');
    expect(idCardExemption(kind, 'hardship')).toBe('hardship');
  });

  it("a lost card's 补领 is paid in full, whatever the back-end records", () => {
    expect(idCardExemption('lostReplacement', 'dibao')).toBeNull();
    expect(idCardExemption('lostReplacement', 'hardship')).toBeNull();
  });

  it('none recorded (or no answer): no exemption', () => {
    for (const kind of KINDS) {
      expect(idCardExemption(kind, 'none')).toBeNull();
      expect(idCardExemption(kind, undefined)).toBeNull();
    }
  });
});

describe('ID card fee: EMS posting', () => {
  it('the EMS item when the card is posted, none when collected at the hall', () => {
    expect(postingFeeItems(EMS)).toEqual([EMS_POSTING_FEE]);
    expect(postingFeeItems({ method: 'hall', hall: { name: '湖滨派出所户政大厅', window: '1号窗口' } })).toEqual([]);
    expect(postingFeeItems(null)).toEqual([]);
  });

  it('is never exempted: 低保 pays 15 元 for posting, hardship 10 + 15 元 for a 20 元 card', () => {
    const context = {} as FlowContext;
    const pay = (exemption: string) =>
      feeDue({ id: 'pay', labelKey: 'k', fee: idCardFeeRule(['firstIssue'], { chargedOn: [] }), exemption: () => exemption, extraItems: () => postingFeeItems(EMS) }, context, 'child-id-card');
    expect(pay('dibao').totalFen).toBe(1500);
    expect(pay('hardship').items.map((item) => [item.code, item.amountFen])).toEqual([
      ['idCard', 1000],
      ['ems', 1500],
    ]);
  });
});
