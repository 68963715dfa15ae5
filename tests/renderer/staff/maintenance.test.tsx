/** The maintenance screens show the host's data and its refusals in words, zh-CN and en. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockKioskApi, fail, ok, type MockHandlers } from '../../../renderer/api/mock';
import { StaffMaintenance, type StaffTab } from '../../../renderer/staff/StaffMaintenance';
import { officer, renderStaff } from './support';

const document = {
  number: 'CERT-2026-HB01-000042',
  type: 'noCriminalRecord',
  printedAt: '2026-12-03T02:10:00.000Z',
  reprinted: false,
};

const handlers: MockHandlers = {
  'staff.consumables': () =>
    ok<'staff.consumables'>({
      consumables: [
        {
          kind: 'receiptPaper',
          deviceId: 'receiptPrinter',
          estimatedLeft: 20,
          capacity: 250,
          state: 'low',
          lastRefillAt: '2026-12-03T00:30:00.000Z',
        },
        { kind: 'a4Paper', deviceId: 'a4', estimatedLeft: 240, capacity: 250, state: 'ok', lastRefillAt: null },
      ],
    }),
  'staff.lastDocument': () => ok<'staff.lastDocument'>({ document }),
  'staff.reprintLast': () =>
    ok<'staff.reprintLast'>({ outcome: 'refused', reason: 'reprintUsed', document: { ...document, reprinted: true } }),
  'staff.testPrint': ({ target }) =>
    ok<'staff.testPrint'>(
      target === 'a4' ? { outcome: 'printed' } : { outcome: 'notPrinted', messageKey: 'staff.nonexistent.key' },
    ),
  'staff.journal': () =>
    ok<'staff.journal'>({
      day: '2026-12-03',
      sessions: [
        {
          startedAt: '2026-12-03T01:05:00.000Z',
          serviceId: 'no-criminal-record',
          outcome: 'completed',
          idNumberMasked: '4104**********1230',
          feeFen: 2000,
        },
      ],
    }),
  'staff.dayEnd': () =>
    ok<'staff.dayEnd'>({
      day: '2026-12-03',
      byServiceAndOutcome: [{ serviceId: 'no-criminal-record', outcome: 'completed', count: 3 }],
      feesFen: 6000,
      reconciliation: { state: 'mismatches', matched: 2, mismatches: 1 },
      printFailures: 1,
    }),
};

function show(tab: StaffTab, language: 'zh-CN' | 'en' = 'zh-CN', extra: MockHandlers = {}) {
  const api = createMockKioskApi({ ...handlers, ...extra });
  let signedOut = 0;
  renderStaff(
    <StaffMaintenance
      api={api}
      officer={officer}
      devices={[]}
      outOfService={null}
      timeZone="Asia/Shanghai"
      onSignOut={() => {}}
      signedOut={() => void (signedOut += 1)}
      initialTab={tab}
    />,
    language,
  );
  return { api, signedOut: () => signedOut };
}

describe('the maintenance screen', () => {
  it('names the signed-in officer masked and says the auto sign-out', () => {
    show('devices');
    expect(screen.getByTestId('staff-signed-in-as')).toHaveTextContent('王**（工号 100234）');
    expect(screen.getByText('2分钟无操作将自动退出')).toBeInTheDocument();
  });

  it('shows paper left and logs a refill (zh-CN)', async () => {
    show('consumables');
    const receipt = await screen.findByTestId('staff-consumable-receiptPaper');
    expect(receipt).toHaveTextContent('凭条纸');
    expect(receipt).toHaveTextContent('约剩 20');
    expect(receipt).toHaveTextContent('将尽');
    expect(screen.getByTestId('staff-consumable-a4Paper')).toHaveTextContent('未记录补充');
  });

  it('shows the last document by number, type and time only, and words the reprint policy (en)', async () => {
    const user = userEvent.setup();
    show('prints', 'en');
    expect(await screen.findByTestId('staff-last-document-number')).toHaveTextContent('CERT-2026-HB01-000042');
    expect(screen.getByTestId('staff-last-document')).toHaveTextContent('10:10');
    await user.click(screen.getByTestId('staff-reprint'));
    expect(await screen.findByTestId('staff-reprint-result')).toHaveTextContent(
      'already reprinted once; the policy allows no second reprint',
    );
    expect(screen.getByTestId('staff-reprint')).toBeDisabled();
    await user.click(screen.getByTestId('staff-test-a4'));
    expect(await screen.findByTestId('staff-test-result-a4')).toHaveTextContent('Printed');
    await user.click(screen.getByTestId('staff-test-receipt'));
    expect(await screen.findByTestId('staff-test-result-receipt')).toHaveTextContent(
      'Not printed: Not done; please try again',
    );
  });

  it('lists today’s sessions masked with fees', async () => {
    show('journal');
    const row = await screen.findByTestId('staff-journal-row');
    expect(within(row).getByText('4104**********1230')).toBeInTheDocument();
    expect(row).toHaveTextContent('09:05');
    expect(row).toHaveTextContent('¥20.00');
  });

  it('reports the day end with the reconciliation result', async () => {
    show('dayEnd');
    expect(await screen.findByTestId('staff-day-end-fees')).toHaveTextContent('¥60.00');
    expect(screen.getByTestId('staff-day-end-reconciliation')).toHaveTextContent('不一致 1 笔（一致 2 笔）');
    expect(screen.getByTestId('staff-day-end-print-failures')).toHaveTextContent('打印失败: 1');
  });

  it('says the sign-in ended when the host refuses, and tells the layer', async () => {
    const { signedOut } = show('journal', 'zh-CN', { 'staff.journal': () => fail('unauthorized') });
    expect(await screen.findByTestId('staff-panel-error')).toHaveTextContent('登录已失效，请重新登录');
    expect(signedOut()).toBe(1);
  });

  it('puts the kiosk out of service with a usual message', async () => {
    const user = userEvent.setup();
    const { api } = show('service', 'zh-CN', {
      'staff.setServiceState': ({ message }) =>
        ok<'staff.setServiceState'>({
          outOfService: message ? { message, since: '2026-12-03T02:00:00.000Z', by: 'kiosk' } : null,
        }),
    });
    expect(screen.getByTestId('staff-service-state')).toHaveTextContent('本机正在服务中');
    await user.click(screen.getByTestId('staff-stop-maintenance'));
    expect(api.callsTo('staff.setServiceState')).toEqual([{ message: '设备维护中，请到窗口办理' }]);
  });
});
