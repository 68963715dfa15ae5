import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../hall/contract/console-api';
import { fakeHall, minutesAgo, SUPERVISOR } from './fake-api';
import { openScreen, renderConsole } from './render-console';

const alert = (id: string, kind: string, messageKey: string, change: Partial<AlertView> = {}): AlertView => ({
  id, kioskId: 'K-01', kind, messageKey, deviceId: null, raisedAt: minutesAgo(5), state: 'open', acknowledgedBy: null, resolvedBy: null, ...change,
});

describe('alerts', () => {
  it('words known keys, falls back to the kind and then the key, lists open ones first, acknowledges and resolves', async () => {
    const hall = fakeHall({
      signedIn: SUPERVISOR,
      alerts: [
        alert('a-1', 'paperLow', 'staff.alert.paperLow', { state: 'acknowledged', acknowledgedBy: '李警官', raisedAt: minutesAgo(30) }),
        alert('a-2', 'payment', 'staff.alert.payment.refundFailed'),
        alert('a-3', 'printFailed', 'print.error.jam'),
        alert('a-4', 'somethingNew', 'staff.alert.somethingNew'),
      ],
    });
    const { user } = renderConsole(hall);
    await openScreen(user, '告警');
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.children[2]!.textContent)).toEqual([
      '退款失败，请人工为群众退款',
      '打印失败，请检查打印机',
      '告警：staff.alert.somethingNew',
      '打印纸偏少，请及时补充',
    ]);
    expect(rows[3]).toHaveTextContent('已确认 · 处理人：李警官');

    await user.click(within(rows[0]!).getByRole('button', { name: '确认' }));
    expect(hall.callsOf('acknowledgeAlert')).toEqual([['a-2']]);
    await user.click(within(rows[3]!).getByRole('button', { name: '已解决' }));
    expect(hall.callsOf('resolveAlert')).toEqual([['a-1']]);
    expect(await screen.findAllByRole('row')).toHaveLength(4);
    await user.click(screen.getByLabelText('显示已处理'));
    const all = within(screen.getByRole('table')).getAllByRole('row');
    expect(all).toHaveLength(5);
    expect(all[4]).toHaveTextContent('打印纸偏少，请及时补充已解决 · 处理人：wang');
  });
});
