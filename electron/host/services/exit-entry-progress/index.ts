/**
 * 出入境办理进度查询及领证 (exit-entry application progress and collection):
 * the service module. Free (a status enquiry: no fee item in 发改价格〔2019〕914号
 * or 〔2017〕1186号, which price the documents and endorsements only).
 */
import type { ServiceModule } from '../service-module';
import { exitEntryProgress } from './backend';
import { exitEntryProgressFlow } from './flow';
import { wording } from './wording';

const exitEntryProgressService: ServiceModule = {
  id: 'exit-entry-progress',
  catalogue: {
    category: 'exitEntry',
    name: { 'zh-CN': '出入境办理进度查询及领证', en: 'Passport and permit progress and collection' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident'],
    proxy: true,
    order: 30,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '进度查询不收费' },
  outcomes: ['progressShown', 'noApplication', 'numberNotFound'],
  documents: [],
  wording,
  backend: [exitEntryProgress],
  flow: exitEntryProgressFlow,
};

export default exitEntryProgressService;
