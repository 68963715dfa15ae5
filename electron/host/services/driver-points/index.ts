/**
 * 记分查询 and the 驾驶人信息单 (driver points and record): the service
 * module. A query of the driver's own record, free of charge: the licence,
 * the points in the current 记分周期 and the violations not yet handled, on
 * screen, and on the receipt printer or A4 if the citizen wants it.
 */
import type { ServiceModule } from '../service-module';
import { driverRecord } from '../shared/traffic/driver-record';
import { trafficViolations } from '../shared/traffic/violations';
import { driverPointsFlow } from './flow';
import { wording } from './wording';

const driverPoints: ServiceModule = {
  id: 'driver-points',
  catalogue: {
    category: 'traffic',
    name: { 'zh-CN': '记分查询·驾驶人信息单', en: 'Driver points and record' },
    // The A4 sheet is one of three choices: an A4 printer that is down fails that print alone (its message, then the counter).
    devices: ['camera', 'receiptPrinter'],
    audience: ['resident', 'hmt', 'foreigner'],
    proxy: false,
    order: 30,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '查询和打印本人驾驶人信息不收费' },
  outcomes: ['sheetShown', 'slipPrinted', 'sheetPrinted'],
  documents: ['driverInfoSheet'],
  wording,
  backend: [driverRecord, trafficViolations],
  flow: driverPointsFlow,
};

export default driverPoints;
