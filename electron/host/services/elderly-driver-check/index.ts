/**
 * 70周岁以上驾驶人年度身体条件证明及三力测试 (annual check of drivers aged
 * 70 and over): the service module. Free (公安交通管理部门 charge nothing for
 * the record or the test). Sources in README.md.
 */
import type { ServiceModule } from '../service-module';
import { driverRecord } from '../shared/traffic/driver-record';
import { elderlyAnnualCheck } from './backend';
import { elderlyDriverCheckFlow, SERVICE_ID } from './flow';
import { wording } from './wording';

const elderlyDriverCheck: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'traffic',
    name: { 'zh-CN': '70周岁以上驾驶人年度审验（体检及三力测试）', en: 'Drivers aged 70+: annual medical check and ability test' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident', 'hmt', 'foreigner'],
    proxy: false,
    order: 50,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '提交身体条件证明和三力测试不收费' },
  outcomes: ['annualCheckRecorded'],
  documents: [],
  wording,
  backend: [driverRecord, elderlyAnnualCheck],
  flow: elderlyDriverCheckFlow,
};

export default elderlyDriverCheck;
