import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus, EventEnvelope } from '../../../electron/contract';
import { createEventBus } from '../../../electron/host/events';
import { createStaffAlerts } from '../../../electron/host/staff/alerts';
import type { DocumentDesk } from '../../../electron/host/flows/library';
import type { TicketPrinter } from '../../../electron/host/flows/ports';
import { alertingDocumentDesk, alertingTicketPrinter } from '../../../electron/host/staff/alerting-printers';

const since = '2026-11-29T08:00:00.000Z';
const printer = (state: DeviceStatus['state'], media?: DeviceStatus['media']): DeviceStatus => ({
  id: 'a4', kind: 'a4Printer', simulated: true, state, media, messageKey: 'x', since,
});

function setup() {
  const bus = createEventBus(() => {});
  const events: EventEnvelope[] = [];
  bus.subscribe((e) => events.push(e));
  const alerts = createStaffAlerts({ bus, logger: pino({ level: 'silent' }), kioskId: 'HB-KIOSK-01', now: () => new Date(since) });
  const kinds = () => events.filter((e) => e.event === 'staff.alert').map((e) => (e.payload as { kind: string }).kind);
  return { alerts, kinds, events };
}

describe('staff alerts', () => {
  it('warns staff when paper runs low, again when it runs out, and once per change only', () => {
    const { alerts, kinds } = setup();
    alerts.devicesChanged([printer('online', 'present')]);
    alerts.devicesChanged([printer('online', 'low')]);
    alerts.devicesChanged([printer('online', 'low')]);
    alerts.devicesChanged([printer('online', 'out')]);
    alerts.devicesChanged([printer('online', 'present')]);
    alerts.devicesChanged([printer('online', 'jammed')]);
    alerts.devicesChanged([printer('noDevice')]);
    expect(kinds()).toEqual(['paperLow', 'paperOut', 'jammed', 'deviceDown']);
  });

  it('raises an alert for an A4 document that did not print, without personal data', async () => {
    const { alerts, events } = setup();
    const desk: DocumentDesk = {
      issueAndPrint: async () => ({ kind: 'notPrinted', documentNumber: 'WF2026-HB-KIOSK-01-000007', messageKey: 'print.paperOut', reprintable: true }),
      reprint: async () => ({ kind: 'printed', documentNumber: 'WF2026-HB-KIOSK-01-000007' }),
    };
    const wrapped = alertingDocumentDesk(desk, alerts);
    const outcome = await wrapped.issueAndPrint('s', {
      kind: 'noCriminalRecord',
      template: {},
      vars: { name: '王喆', idDocumentType: '居民身份证', idNumber: '11010519491231002X', queryDate: '2026年11月29日', issueDate: '2026年11月29日' },
      printedNumber: 'WFZ2026-000007',
    });
    expect(outcome.kind).toBe('notPrinted');
    const alert = events.find((e) => e.event === 'staff.alert');
    expect(alert?.payload).toMatchObject({ kind: 'printFailed', deviceKind: 'a4Printer', messageKey: 'print.paperOut', documentNumber: 'WF2026-HB-KIOSK-01-000007' });
    expect(JSON.stringify(alert)).not.toMatch(/王喆|11010519491231002X/);
    await wrapped.reprint('WF2026-HB-KIOSK-01-000007');
    expect(events.filter((e) => e.event === 'staff.alert')).toHaveLength(1);
  });

  it('raises an alert for a queue ticket or slip that did not print, whatever the service, and none for one that did', async () => {
    const { alerts, events } = setup();
    const printer: TicketPrinter = {
      printQueueTicket: async () => ({ kind: 'notPrinted', messageKey: 'receipt.paperOut', ticketNumber: 'B001' }),
      printCollectionReceipt: async () => ({ kind: 'printed' }),
      printInfoSlip: async () => ({ kind: 'notPrinted', messageKey: 'receipt.coverOpen' }),
      printFeeSlip: async () => ({ kind: 'printed' }),
    };
    const wrapped = alertingTicketPrinter(printer, alerts);
    await wrapped.printQueueTicket({ sessionId: 's', serviceId: 'no-criminal-record', serviceName: '无犯罪记录证明', window: '2号窗口', name: '王喆' });
    await wrapped.printCollectionReceipt({ sessionId: 's', serviceName: '无犯罪记录证明', documentNumber: 'WFZ2026-000007', verifyCode: null, name: '王喆', idNumberMasked: '1101**********002X', issuedAt: new Date(since) });
    await wrapped.printInfoSlip({ sessionId: 's', title: '身份证办理进度', lines: [{ label: '受理编号', value: 'SL-1' }] });
    const raised = events.filter((e) => e.event === 'staff.alert');
    expect(raised.map((e) => e.payload)).toEqual([
      expect.objectContaining({ kind: 'printFailed', deviceKind: 'receiptPrinter', messageKey: 'receipt.paperOut' }),
      expect.objectContaining({ kind: 'printFailed', deviceKind: 'receiptPrinter', messageKey: 'receipt.coverOpen' }),
    ]);
    expect(JSON.stringify(raised)).not.toContain('王喆');
  });

  it('a refused back-end link alerts once per cause, and again after an answer came through', () => {
    const { alerts, events } = setup();
    alerts.backendLinkRefused('serverUntrusted');
    alerts.backendLinkRefused('serverUntrusted');
    alerts.backendLinkRefused('redirect');
    alerts.backendLinkRestored();
    alerts.backendLinkRefused('redirect');
    const reasons = events.filter((e) => e.event === 'staff.alert').map((e) => e.payload as { kind: string; reason?: string });
    expect(reasons).toEqual([
      expect.objectContaining({ kind: 'backendLinkRefused', deviceKind: 'backend', reason: 'serverUntrusted', messageKey: 'staff.alert.backendLinkRefused' }),
      expect.objectContaining({ reason: 'redirect' }),
      expect.objectContaining({ reason: 'redirect' }),
    ]);
  });
});
