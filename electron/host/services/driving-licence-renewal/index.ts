/**
 * 驾驶证期满换证 / 损毁换证 / 补领 (driving licence renewal and
 * replacement): the service module. 工本费 10 元 for each kind, EMS 15 元
 * when posted (LICENCE_FEE and EMS_FEE in flow.ts; sources in README.md).
 */
import type { ServiceModule } from '../service-module';
import { RENEWAL_BACKEND } from './backend';
import { drivingLicenceRenewalFlow, LICENCE_FEE, SERVICE_ID } from './flow';
import { wording } from './wording';

const drivingLicenceRenewal: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'traffic',
    name: { 'zh-CN': '驾驶证换证补证', en: 'Driving licence renewal and replacement' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident', 'hmt'],
    proxy: false,
    order: 10,
  },
  fee: LICENCE_FEE,
  outcomes: ['applied'],
  documents: [],
  wording,
  backend: RENEWAL_BACKEND,
  flow: drivingLicenceRenewalFlow,
};

export default drivingLicenceRenewal;
