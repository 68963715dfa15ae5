/**
 * 出入境证件申请 (普通护照, 往来港澳通行证, 往来台湾通行证: 首次申请, 换发,
 * 补发; 全国通办): the service module. Passport 120 元, each permit 60 元
 * (EXIT_ENTRY_FEE in rules.ts, sources in README.md); EMS posting extra.
 */
import type { ServiceModule } from '../service-module';
import { exitEntryRecord } from '../shared/exit-entry/travel-documents';
import { checkGuardian, reportLost, schedule } from './backend';
import { exitEntryApplicationFlow } from './flow';
import { EXIT_ENTRY_FEE, SERVICE_ID } from './rules';
import { wording } from './wording';

const exitEntryApplication: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'exitEntry',
    name: { 'zh-CN': '出入境证件申请', en: 'Passport and travel permit application' },
    devices: ['camera', 'fingerprint', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 10,
  },
  fee: EXIT_ENTRY_FEE,
  outcomes: ['applied'],
  documents: [],
  wording,
  backend: [exitEntryRecord, reportLost, checkGuardian, schedule],
  flow: exitEntryApplicationFlow,
};

export default exitEntryApplication;
