/**
 * The 居民身份证 工本费 (the ID card's fee) for every service that takes an
 * ID card application: what each kind of application costs, who pays less
 * or nothing (the EMS posting fee is ./ems-posting.ts). Code shared by
 * services (child-id-card, id-card-renewal); not a service module.
 *
 * Sources:
 * - 《国家发展改革委、财政部关于居民身份证收费标准及有关问题的通知》
 *   (发改价格〔2003〕2322号) item 1: "对申领、换领第二代居民身份证的居民收取工本费
 *   每证20元，对丢失补领或损坏换领第二代居民身份证的居民收取工本费每证40元"
 *   (no gov.cn original in the corpus; two public copies agree word for word:
 *   https://m.tripcoinc.com/zwgk/wjk/zcfgk/content/post_2720725.html and
 *   http://www.sgjweuf.cn/new/63/74/2003/12/ad24786501110321300215568.htm).
 *   Its 临时居民身份证 10 元 is temporary-id's own fee.
 * - 《中华人民共和国居民身份证法》(2011 修正) art. 20: urban 低保 recipients and
 *   rural residents in special hardship are exempt "在其初次申请领取和换领居民身份证时";
 *   other residents in real hardship "可以减收" on the same occasions
 *   (http://www.gov.cn/zhengce/2011-10/29/content_2602263.htm; http://tjdiaoyu.com/falvkuai/3236489.html).
 *   So a lost card's 补领 gets no relief; 损坏换领 is a 换领 (art. 11) and does.
 *   The law leaves the reduction to a rule of the finance and price
 *   authorities; local guides apply half (e.g. 泰州: "工本费减半",
 *   http://jwbk.com/techan/258154.html), which is what the kiosk charges.
 */
import type { FeeExemption, FeeItem, FeeRule } from '../service-module';

/** What the citizen applies for: 首次申领, 到期换领, 损坏换领 or 丢失补领. */
export type IdCardApplicationKind = 'firstIssue' | 'expiryRenewal' | 'damagedRenewal' | 'lostReplacement';

/** The exemption the back-end records for a person (`none` when they pay in full). */
export type IdCardExemptionCode = 'dibao' | 'hardship' | 'none';

const FEE_20_BASIS = '《居民身份证法》第二十条；发改价格〔2003〕2322号：申领、换领居民身份证每证20元';
const FEE_40_BASIS = '《居民身份证法》第二十条；发改价格〔2003〕2322号：丢失补领、损坏换领居民身份证每证40元';

// Item codes are the ones the journal already records for each service.
const FIRST_ISSUE: FeeItem = { code: 'idCard', name: { 'zh-CN': '居民身份证工本费', en: 'ID card fee' }, amountFen: 2000, basis: FEE_20_BASIS };
const RENEWAL: FeeItem = { code: 'renewal', name: { 'zh-CN': '居民身份证换领工本费', en: 'ID card renewal fee' }, amountFen: 2000, basis: FEE_20_BASIS };
const REPLACEMENT: FeeItem = { code: 'replacement', name: { 'zh-CN': '居民身份证补领、损坏换领工本费', en: 'ID card replacement fee' }, amountFen: 4000, basis: FEE_40_BASIS };

/** The 工本费 item an application owes: 20 元 for 首次申领 and 到期换领, 40 元 for 损坏换领 and 丢失补领. */
export function idCardFeeItem(kind: IdCardApplicationKind): FeeItem {
  switch (kind) {
    case 'firstIssue':
      return FIRST_ISSUE;
    case 'expiryRenewal':
      return RENEWAL;
    case 'damagedRenewal':
    case 'lostReplacement':
      return REPLACEMENT;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown ID card application ${String(unknown)}`);
    }
  }
}

/** 低保 pays nothing, hardship half (居民身份证法 art. 20). */
export const ID_CARD_FEE_EXEMPTIONS: readonly FeeExemption[] = [
  {
    code: 'dibao',
    name: { 'zh-CN': '最低生活保障对象', en: 'Minimum living allowance' },
    payPercent: 0,
    basis: '《居民身份证法》第二十条：领取最低生活保障金的居民、农村中有特殊生活困难的居民，初次申请领取和换领居民身份证时免收工本费',
  },
  {
    code: 'hardship',
    name: { 'zh-CN': '生活困难人员', en: 'Hardship' },
    payPercent: 50,
    basis: '《居民身份证法》第二十条：其他生活确有困难的居民，初次申请领取和换领居民身份证时减收工本费（减半收取）',
  },
];

/** The exemption a payment applies: the back-end's, on 首次申领 and 换领 only (a lost card's 补领 is paid in full). */
export function idCardExemption(kind: IdCardApplicationKind, recorded: IdCardExemptionCode | null | undefined): Exclude<IdCardExemptionCode, 'none'> | null {
  if (kind === 'lostReplacement' || !recorded || recorded === 'none') return null;
  return recorded;
}

/** A service's fee rule: the items of the kinds it takes (each once), the exemptions, and when it is charged. */
export function idCardFeeRule(kinds: readonly IdCardApplicationKind[], charging: Pick<FeeRule, 'chargedOn' | 'oneOf'>): FeeRule {
  const items = [...new Set(kinds.map(idCardFeeItem))];
  return { items, exemptions: ID_CARD_FEE_EXEMPTIONS, ...charging };
}
