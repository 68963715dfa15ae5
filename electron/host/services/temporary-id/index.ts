/**
 * 临时身份证申领 (temporary resident ID card): the service module. For a
 * citizen whose ID card is being made, renewed or replaced at this 户籍地
 * office; 10 元 (发改价格〔2003〕2322号), valid three months
 * (临时居民身份证管理办法 art. 7). Sources in README.md.
 */
import type { ServiceModule } from '../service-module';
import { temporaryIdEligibility } from './backend';
import { SERVICE_ID, TEMPORARY_ID_FEE, temporaryIdFlow } from './flow';
import { TemporaryIdSettings } from './settings';
import { wording } from './wording';

const temporaryId: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '临时身份证申领', en: 'Temporary ID card' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 20,
  },
  fee: TEMPORARY_ID_FEE,
  outcomes: ['applicationAccepted'],
  documents: [],
  wording,
  backend: [temporaryIdEligibility],
  settings: TemporaryIdSettings,
  flow: (kit) => temporaryIdFlow(kit, TemporaryIdSettings.parse(kit.settings ?? {})),
};

export default temporaryId;
