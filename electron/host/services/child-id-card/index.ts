/**
 * 未满十六周岁 居民身份证首次申领 (a child's first ID card, applied for by the
 * guardian in person with the child): the service module. The ID card's
 * 首次申领 fee, with its exemptions and the EMS posting fee when the card is
 * posted (../shared/id-card-fee.ts).
 */
import type { ServiceModule } from '../service-module';
import { childHousehold } from './backend';
import { CHILD_ID_FEE, childIdCardFlow, SERVICE_ID } from './flow';
import { wording } from './wording';

const childIdCard: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '未满十六周岁首次申领身份证', en: "Child's first ID card (under 16, with a guardian)" },
    devices: ['idcard', 'camera', 'fingerprint', 'receiptPrinter'],
    audience: ['resident'],
    // The guardian applies for the child in person (居民身份证法 art. 7); no proxy for them.
    proxy: false,
    order: 15,
  },
  fee: CHILD_ID_FEE,
  outcomes: ['applicationAccepted'],
  documents: [],
  wording,
  backend: [childHousehold],
  flow: childIdCardFlow,
};

export default childIdCard;
