/**
 * Posting a document by EMS, for every service whose delivery step offers it
 * (ID cards, 出入境 documents): the fee added to the payment, never reduced
 * by an exemption. No national rate: 15 元 is this kiosk's (a site with
 * another rate changes it here); it is the post's fee, not a 工本费.
 */
import type { DeliveryChoice } from '../../flows/library';
import type { FeeItem } from '../service-module';

/** Posting the document by EMS: the delivery step's fee, added to the payment, never exempted. */
export const EMS_POSTING_FEE: FeeItem = {
  code: 'ems',
  name: { 'zh-CN': '证件邮寄费（EMS）', en: 'Posting the card (EMS)' },
  amountFen: 1500,
  basis: '中国邮政EMS证件寄递资费（本机设定的费率，由邮政收取，不属工本费）',
};

/** What the delivery step offers: the EMS fee's code and amount. */
export const EMS_POSTING_OFFER = { code: EMS_POSTING_FEE.code, amountFen: EMS_POSTING_FEE.amountFen } as const;

/** The payment's extra items for the delivery chosen: the EMS fee when the card is posted, else none. */
export function postingFeeItems(delivery: DeliveryChoice | null): FeeItem[] {
  return delivery?.method === 'ems' ? [{ ...EMS_POSTING_FEE, code: delivery.fee.code, amountFen: delivery.fee.amountFen }] : [];
}
