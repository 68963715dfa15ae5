/**
 * 身份证办理进度查询 (ID card application progress): the service module.
 * Free (a status enquiry, no fee item in 居民身份证法 art. 20 or DOMAIN.md §5).
 */
import type { ServiceModule } from '../service-module';
import { idCardProgress } from './backend';
import { idCardProgressFlow } from './flow';
import { wording } from './wording';

const idCardProgressService: ServiceModule = {
  id: 'id-card-progress',
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '身份证办理进度查询', en: 'ID card application progress' },
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident', 'hmt'],
    proxy: true,
    order: 60,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '进度查询不收费' },
  outcomes: ['progressShown', 'noApplication'],
  documents: [],
  wording,
  backend: [idCardProgress],
  flow: idCardProgressFlow,
};

export default idCardProgressService;
