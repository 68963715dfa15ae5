/**
 * 交通违法处理 (electronic-monitoring violations): the service module. No fee:
 * fines are paid as the 处罚决定书 decides (dynamic payment items), not
 * charged as a fee for the service.
 */
import type { ServiceModule } from '../service-module';
import { driverRecord } from '../shared/traffic/driver-record';
import { trafficViolations } from '../shared/traffic/violations';
import { violationDecision, violationEvidence, violationPayment } from './backend';
import { FINE_RULE, trafficViolationsFlow } from './flow';
import { wording } from './wording';

const trafficViolationsModule: ServiceModule = {
  id: 'traffic-violations',
  catalogue: {
    category: 'traffic',
    name: { 'zh-CN': '交通违法处理', en: 'Traffic violations: query, confirm, pay' },
    devices: ['camera', 'a4Printer', 'receiptPrinter'],
    audience: ['resident', 'hmt', 'foreigner'],
    proxy: false,
    order: 30,
  },
  fee: FINE_RULE,
  outcomes: ['handled', 'noViolations'],
  documents: ['trafficPenaltyDecision'],
  wording,
  backend: [driverRecord, trafficViolations, violationEvidence, violationDecision, violationPayment],
  flow: trafficViolationsFlow,
};

export default trafficViolationsModule;
