/**
 * 驾驶人安全驾驶证明 (safe-driving certificate): the service module. The
 * traffic police issue it free of charge (交管12123 「驾驶人安全驾驶证明」);
 * it states the licence, and violations, accidents and points over the
 * period the driver chooses.
 */
import type { ServiceModule } from '../service-module';
import { driverSafetyRecord } from './backend';
import { safeDrivingFlow } from './flow';
import { wording } from './wording';

const safeDrivingCertificate: ServiceModule = {
  id: 'safe-driving-certificate',
  catalogue: {
    category: 'traffic',
    name: { 'zh-CN': '驾驶人安全驾驶证明', en: 'Safe-driving certificate' },
    devices: ['camera', 'a4Printer'],
    audience: ['resident', 'hmt', 'foreigner'],
    proxy: false,
    order: 40,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '公安交通管理部门出具，不收费' },
  outcomes: ['certificateIssued', 'noLicence'],
  documents: ['safeDriving'],
  wording,
  backend: [driverSafetyRecord],
  flow: safeDrivingFlow,
};

export default safeDrivingCertificate;
