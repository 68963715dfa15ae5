/**
 * 出入境签注 (exit-entry-endorsement): 往来港澳通行证 and 往来台湾通行证
 * endorsements for the electronic (card) permits, written to the chip by
 * the endorsement writer. Fees by the table in fee-table.ts (港澳 15 / 30 /
 * 80–240 元, 赴台 15 / 80 元, 发改价格〔2017〕1186号); sources in README.md.
 */
import type { ServiceModule } from '../service-module';
import { exitEntryRecord } from '../shared/exit-entry/travel-documents';
import { endorsementOptions, issueEndorsement } from './backend';
import { ENDORSEMENT_FEE, exitEntryEndorsementFlow, SERVICE_ID } from './flow';
import { wording } from './wording';

const exitEntryEndorsement: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'exitEntry',
    name: { 'zh-CN': '港澳台签注', en: 'Hong Kong, Macau and Taiwan endorsements' },
    // Without a writer (none configured, or down) the home screen shows the service unavailable with why.
    devices: ['camera', 'endorsementWriter', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 20,
  },
  fee: ENDORSEMENT_FEE,
  outcomes: ['endorsed'],
  documents: [],
  wording,
  backend: [exitEntryRecord, endorsementOptions, issueEndorsement],
  flow: exitEntryEndorsementFlow,
};

export default exitEntryEndorsement;
