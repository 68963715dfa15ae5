/**
 * 身份证换领 / 损坏换领 / 补领 (ID card renewal and replacement, also 异地
 * 跨省通办): the service module. 换领 20 元, 补领 and 损坏换领 40 元, 低保 free,
 * hardship half (RENEWAL_FEE in flow.ts, from ../shared/id-card-fee.ts).
 */
import type { ServiceModule } from '../service-module';
import { renewalRecord, reportLost } from './backend';
import { idCardRenewalFlow, RENEWAL_FEE, SERVICE_ID } from './flow';
import { wording } from './wording';

const idCardRenewal: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '身份证换领补领', en: 'ID card renewal and replacement' },
    devices: ['camera', 'fingerprint', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 10,
  },
  fee: RENEWAL_FEE,
  outcomes: ['applied'],
  documents: [],
  wording,
  backend: [renewalRecord, reportLost],
  flow: idCardRenewalFlow,
};

export default idCardRenewal;
