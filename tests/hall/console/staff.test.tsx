import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeHall, SUPERVISOR } from './fake-api';
import { openScreen, renderConsole } from './render-console';

/** A valid resident ID number (GB 11643 sample: region 110105, born 1949-12-31, check X). */
const VALID_ID = '11010519491231002X';

async function fill(user: ReturnType<typeof renderConsole>['user'], idNumber: string): Promise<void> {
  await user.type(screen.getByLabelText('警号'), 'J0421');
  await user.type(screen.getByLabelText('姓名'), '赵建国');
  await user.type(screen.getByLabelText('身份证号码'), idNumber);
  await user.selectOptions(screen.getByLabelText('角色'), 'supervisor');
  await user.type(screen.getByLabelText('6 位 PIN'), '204816');
}

describe('kiosk staff', () => {
  it('refuses an ID number with a wrong check digit before sending, and keeps what was typed', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    const { user } = renderConsole(hall);
    await openScreen(user, '窗口人员');
    await fill(user, '110105194912310021');
    await user.click(screen.getByRole('button', { name: '添加' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('证件号码校验位不正确，请核对后重新输入');
    expect(screen.getByLabelText('身份证号码')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('身份证号码')).toHaveValue('110105194912310021');
    expect(screen.getByLabelText('警号')).toHaveValue('J0421');
    expect(hall.callsOf('addStaff')).toEqual([]);
  });

  it('adds an officer and lists them masked; removes after a confirm', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    const { user } = renderConsole(hall);
    await openScreen(user, '窗口人员');
    expect(await screen.findByText('尚无人员')).toBeInTheDocument();
    await fill(user, VALID_ID);
    await user.click(screen.getByRole('button', { name: '添加' }));

    expect(hall.callsOf('addStaff')).toEqual([[{ staffNumber: 'J0421', name: '赵建国', idNumber: VALID_ID, role: 'supervisor', pin: '204816' }]]);
    const row = (await screen.findByRole('rowheader', { name: 'J0421' })).closest('tr')!;
    expect(row).toHaveTextContent('赵*1101**********002X值班主管');
    expect(screen.queryByText(VALID_ID)).not.toBeInTheDocument();
    expect(screen.getByLabelText('身份证号码')).toHaveValue('');

    await user.click(within(row).getByRole('button', { name: '删除' }));
    await user.click(within(within(row).getByRole('group')).getByRole('button', { name: '确认' }));
    expect(hall.callsOf('removeStaff')).toEqual([['J0421']]);
    expect(await screen.findByText('尚无人员')).toBeInTheDocument();
  });

  it('words a short PIN and a bad staff number', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR });
    const { user } = renderConsole(hall);
    await openScreen(user, '窗口人员');
    await user.type(screen.getByLabelText('警号'), 'J1');
    await user.type(screen.getByLabelText('6 位 PIN'), '1234');
    await user.click(screen.getByRole('button', { name: '添加' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual(expect.arrayContaining(['警号应为 4–16 位字母或数字', 'PIN 应为 6 位数字', '请输入姓名（最多 32 字）']));
    expect(hall.callsOf('addStaff')).toEqual([]);
  });
});
