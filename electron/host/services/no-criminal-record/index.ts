/**
 * 无犯罪记录证明 (no-criminal-record certificate): the service module. Facts:
 * 公安部《公安机关办理犯罪记录查询工作规定》(2021-12-31); free of charge
 * (the rules set no fee); DOMAIN.md §4.
 */
import type { ServiceModule } from '../service-module';
import { NcrSettings, SERVICE_ID } from './definition';
import { noCriminalRecordFlow } from './flow';
import { wording } from './wording';

const notesZh = (wording['zh-CN'].notes ?? {}) as Record<string, string>;

const noCriminalRecord: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'certificates',
    name: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' },
    devices: ['camera', 'a4Printer'],
    // HMT residents are let in and sent to the counter after the face check, when the back-end says so.
    audience: ['resident', 'hmt'],
    proxy: true,
    order: 10,
  },
  fee: {
    items: [],
    exemptions: [],
    chargedOn: [],
    freeBasis: '《公安机关办理犯罪记录查询工作规定》：查询不收取费用',
  },
  outcomes: ['certificateIssued'],
  documents: ['noCriminalRecord'],
  wording,
  settings: NcrSettings,
  flow: (kit) => noCriminalRecordFlow(kit, NcrSettings.parse(kit.settings ?? {}), notesZh),
};

export default noCriminalRecord;
export { routePerson, routeAnswer, certificateIssuable, type PersonRoute, type AnswerRoute } from './rules';
export { PURPOSES, SERVICE_ID, idDocumentTypeOf, type CertificatePurpose } from './definition';
