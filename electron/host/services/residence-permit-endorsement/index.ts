/**
 * 居住证签注 (residence permit annual endorsement): the service module.
 * Free: 居住证暂行条例 art. 21, 办理签注手续不得收取费用.
 */
import type { ServiceModule } from '../service-module';
import { endorsementCheck, endorsePermit } from './backend';
import { endorsementFlow, SERVICE_ID } from './flow';
import { wording } from './wording';

const residencePermitEndorsement: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '居住证签注', en: 'Residence permit annual endorsement' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident'],
    proxy: true,
    order: 40,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '居住证暂行条例第二十一条：办理签注手续不得收取费用' },
  outcomes: ['endorsed'],
  documents: [],
  wording,
  backend: [endorsementCheck, endorsePermit],
  flow: endorsementFlow,
};

export default residencePermitEndorsement;
