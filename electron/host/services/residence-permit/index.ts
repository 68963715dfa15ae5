/**
 * 居住证申领 (residence permit, first application): the service module.
 * Free: 居住证暂行条例 art. 21, 首次申领居住证，免收证件工本费. Sources in README.md.
 */
import type { ServiceModule } from '../service-module';
import { permitEligibility } from './backend';
import { residencePermitFlow, SERVICE_ID } from './flow';
import { ResidencePermitSettings } from './settings';
import { wording } from './wording';

const residencePermit: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '居住证申领', en: 'Residence permit application' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 30,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '居住证暂行条例第二十一条：首次申领居住证，免收证件工本费' },
  outcomes: ['applied'],
  documents: [],
  wording,
  backend: [permitEligibility],
  settings: ResidencePermitSettings,
  flow: (kit) => residencePermitFlow(kit, ResidencePermitSettings.parse(kit.settings ?? {})),
};

export default residencePermit;
