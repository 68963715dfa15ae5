/**
 * 功能演示 (capability demonstration): the document camera, fingerprints,
 * the signature and payment in one short run, with the embedded sandboxes.
 * Listed only on a simulated kiosk (`catalogue.simulationOnly`): it is how
 * an installer or a developer sees each capability work from `npm start`,
 * and what the end-to-end tests drive. Nothing it does is a real application.
 */
import type { ServiceModule } from '../service-module';
import { feeExemption } from './backend';
import { capabilityDemoFlow, DEMO_FEE, SERVICE_ID } from './flow';
import { wording } from './wording';

const capabilityDemo: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'huzheng',
    name: { 'zh-CN': '功能演示（模拟）', en: 'Capability demo (simulation)' },
    devices: ['idcard', 'camera', 'fingerprint', 'a4Printer', 'receiptPrinter'],
    audience: ['resident'],
    proxy: false,
    order: 999,
    simulationOnly: true,
  },
  fee: DEMO_FEE,
  outcomes: ['applicationPrinted'],
  documents: ['capabilityDemoApplication'],
  wording,
  backend: [feeExemption],
  flow: capabilityDemoFlow,
};

export default capabilityDemo;
