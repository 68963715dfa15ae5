/** The devices panel words each diagnostic result (the CLI's checks: printers, payment, reader, scanner, writer, hall link) and what a restart did, per device kind (zh-CN and en). */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../electron/contract';
import { createMockKioskApi, ok, type MockHandlers } from '../../../renderer/api/mock';
import { DevicesPanel } from '../../../renderer/staff/panels/DevicesPanel';
import { renderStaff } from './support';

const since = '2026-12-03T02:00:00.000Z';
const devices = [
  { id: 'a4Printer', kind: 'a4Printer', simulated: false, state: 'online', media: 'present', messageKey: 'devices.state.online', since },
  { id: 'faceCamera', kind: 'camera', simulated: false, state: 'noDevice', messageKey: 'devices.state.noDevice', since },
] as DeviceStatus[];

const handlers: MockHandlers = {
  'staff.diagnose': () =>
    ok<'staff.diagnose'>({
      checks: [
        { deviceId: 'a4Printer', kind: 'a4Printer', ok: false, lines: ['不可打印 / not ready: 打印机缺纸 / out of paper'], summaryKey: 'staff.check.a4NotReady' },
        { deviceId: 'payment', kind: 'payment', ok: true, lines: ['payment service sandbox (embedded): ok'], summaryKey: 'staff.check.paymentOk' },
        { deviceId: 'idcard', kind: 'idcard', ok: true, lines: ['online', 'SAM ID 05.01-20101119-0000000001-1234567890'], summaryKey: 'staff.check.idcardReady' },
        { deviceId: 'fingerprint', kind: 'fingerprint', ok: false, lines: ['noDevice', 'no scanner connected'], summaryKey: 'staff.check.fingerprintProblem' },
        { deviceId: 'endorsementWriter', kind: 'endorsementWriter', ok: true, lines: ['online / absent', 'ACS ACR1281 1S Dual Reader PICC 0'], summaryKey: 'staff.check.endorsementReady' },
        { deviceId: 'hall', kind: 'hall', ok: false, lines: ['hall mqtts://hall.local:8883: refused — nothing answers at that address', 'link offline, last contact 2026-12-03 09:58:02'], summaryKey: 'staff.check.hallUnreachable' },
      ],
    }),
  'staff.restartDevice': ({ deviceId }) =>
    ok<'staff.restartDevice'>({ outcome: deviceId === 'a4Printer' ? 'reprobed' : 'checkOnScreen' }),
};

function show(language: 'zh-CN' | 'en') {
  const api = createMockKioskApi(handlers);
  renderStaff(<DevicesPanel api={api} signedOut={() => {}} devices={devices} timeZone="Asia/Shanghai" />, language);
}

describe('the devices panel', () => {
  it('words the CLI checks (A4 queue, payment service) in zh-CN, with the CLI lines below', async () => {
    const user = userEvent.setup();
    show('zh-CN');
    await user.click(screen.getByTestId('staff-diagnose'));
    expect(await screen.findByTestId('staff-check-a4Printer')).toHaveTextContent('A4打印机不能打印');
    expect(screen.getByTestId('staff-check-payment')).toHaveTextContent('支付服务连接正常，签名已核验');
    expect(screen.getByTestId('staff-diagnostics')).toHaveTextContent('不可打印 / not ready');
    expect(screen.getByTestId('staff-check-idcard')).toHaveTextContent('身份证阅读器正常，安全模块已应答');
    expect(screen.getByTestId('staff-check-fingerprint')).toHaveTextContent('指纹仪未连接');
    expect(screen.getByTestId('staff-check-endorsementWriter')).toHaveTextContent('签注写卡器已找到');
    expect(screen.getByTestId('staff-check-hall')).toHaveTextContent('连不上大厅管理平台');
    expect(screen.getByTestId('staff-diagnostics')).toHaveTextContent('last contact 2026-12-03 09:58:02');
  });

  it('words the reader, scanner, writer and hall link checks in English', async () => {
    const user = userEvent.setup();
    show('en');
    await user.click(screen.getByTestId('staff-diagnose'));
    expect(await screen.findByTestId('staff-check-idcard')).toHaveTextContent('ID card reader OK, its security module answered');
    expect(screen.getByTestId('staff-check-fingerprint')).toHaveTextContent('Fingerprint scanner not connected');
    expect(screen.getByTestId('staff-check-endorsementWriter')).toHaveTextContent('Endorsement writer found');
    expect(screen.getByTestId('staff-check-hall')).toHaveTextContent('Cannot reach the hall console');
    expect(screen.getByTestId('staff-diagnostics')).toHaveTextContent('SAM ID 05.01-20101119-0000000001-1234567890');
  });

  it('says what a restart did for the A4 printer and a camera (en)', async () => {
    const user = userEvent.setup();
    show('en');
    await user.click(screen.getByTestId('staff-restart-a4Printer'));
    expect(await screen.findByText(/Print queue checked again/)).toBeInTheDocument();
    await user.click(screen.getByTestId('staff-restart-faceCamera'));
    expect(await screen.findByText(/Cameras checked again/)).toBeInTheDocument();
    expect(screen.queryByText(/Device not found/)).toBeNull();
  });
});
