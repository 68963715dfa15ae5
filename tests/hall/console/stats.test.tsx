import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StatsAnswer, StatsQuery } from '../../../hall/contract/console-api';
import { fakeHall, SUPERVISOR } from './fake-api';
import { openScreen, renderConsole } from './render-console';

const figures = (completed: number, sessions: number) => ({ sessions, completed, averageSeconds: 312, feeFen: 0 });

/** The seed report's half year: 7,985 户政 applications, 5,222 in the six months before (+52.9 %). */
function seedAnswer(query: StatsQuery): StatsAnswer {
  return {
    query,
    rows: [
      { key: 'id-card-renewal', ...figures(6000, 6400), averageSeconds: 420, feeFen: 1_200_000 },
      { key: 'residence-permit', ...figures(1985, 2100), averageSeconds: 250, feeFen: 0 },
    ],
    total: { ...figures(7985, 8500), feeFen: 1_200_000 },
    previousPeriod: { ...figures(5222, 5600), from: '2025-07-01', to: '2025-12-31', change: (7985 - 5222) / 5222 },
    yearEarlier: { ...figures(0, 0), from: '2025-01-01', to: '2025-06-30', change: null },
  };
}

describe('statistics', () => {
  it('shows the table, the total with its period-on-period change as +52.9 %, and a CSV link with the same query', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    hall.statsAnswer = seedAnswer;
    const { user } = renderConsole(hall);
    await openScreen(user, '统计');

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('身份证换领补领6,4006,0007分0秒12000.00');
    expect(rows[2]).toHaveTextContent('居住证申领2,1001,985');
    expect(rows[3]).toHaveTextContent('合计8,5007,985');
    expect(screen.getByText('环比（2025-07-01 至 2025-12-31）').nextSibling).toHaveTextContent('+52.9 %');
    expect(screen.getByText('同比（2025-01-01 至 2025-06-30）').nextSibling).toHaveTextContent('无可比数据');
    expect(screen.getByRole('figure', { name: '办结件数' })).toBeInTheDocument();

    // A query for one category by month: the CSV link carries exactly it.
    await user.clear(screen.getByLabelText('开始日期'));
    await user.type(screen.getByLabelText('开始日期'), '2026-01-01');
    await user.clear(screen.getByLabelText('结束日期'));
    await user.type(screen.getByLabelText('结束日期'), '2026-06-30');
    await user.selectOptions(screen.getByLabelText('分组'), 'month');
    await user.selectOptions(screen.getByLabelText('类别'), 'huzheng');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(hall.callsOf('stats').at(-1)).toEqual([{ from: '2026-01-01', to: '2026-06-30', groupBy: 'month', category: 'huzheng' }]);
    expect(screen.getByRole('link', { name: '导出 CSV' })).toHaveAttribute('href', '/api/stats.csv?from=2026-01-01&to=2026-06-30&groupBy=month&category=huzheng');
    expect(await screen.findByRole('figure', { name: '办结趋势' })).toBeInTheDocument();
  });

  it('refuses a period that ends before it starts without asking the server', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    hall.statsAnswer = seedAnswer;
    const { user } = renderConsole(hall);
    await openScreen(user, '统计');
    await screen.findByRole('table');
    const asked = hall.callsOf('stats').length;
    await user.clear(screen.getByLabelText('开始日期'));
    await user.type(screen.getByLabelText('开始日期'), '2030-01-01');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('开始日期不能晚于结束日期');
    expect(hall.callsOf('stats')).toHaveLength(asked);
  });

  it('shows drop-off by step for a chosen service', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    hall.statsAnswer = seedAnswer;
    hall.dropOffAnswer = { serviceId: 'id-card-renewal', steps: [{ step: 'photo', sessions: 120 }, { step: 'payment', sessions: 45 }] };
    const { user } = renderConsole(hall);
    await openScreen(user, '统计');
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('选择业务'), 'id-card-renewal');
    const section = screen.getByRole('region', { name: '各步骤流失' });
    const table = await within(section).findByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('photo120');
    expect(hall.callsOf('dropOff').at(-1)?.[0]).toBe('id-card-renewal');
  });
});
