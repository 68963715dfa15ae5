/** The officer's PIN pad and the sign-in screen's words for wrong PINs and the lockout. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import { PinPad } from '../../../renderer/staff/PinPad';
import { StaffSignIn } from '../../../renderer/staff/StaffSignIn';
import { officer, renderStaff } from './support';

async function type(user: ReturnType<typeof userEvent.setup>, digits: string) {
  for (const d of digits) await user.click(screen.getByTestId(`staff-pin-key-${d}`));
}

describe('PinPad', () => {
  it('shows dots, never the digits, and confirms six digits once', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderStaff(<PinPad label="密码" onConfirm={onConfirm} />);
    await type(user, '2468');
    const display = screen.getByTestId('staff-pin-display');
    expect(display).not.toHaveTextContent('2468');
    expect(screen.getByLabelText('已输入 4 位')).toBeInTheDocument();
    expect(screen.getByTestId('staff-pin-confirm')).toBeDisabled();
    await type(user, '109');
    expect(screen.getByLabelText('已输入 6 位')).toBeInTheDocument();
    await user.click(screen.getByTestId('staff-pin-confirm'));
    expect(onConfirm).toHaveBeenCalledWith('246810');
    // Nothing of the PIN is kept on screen after 确认.
    expect(screen.queryByLabelText(/已输入 [1-6] 位/)).toBeNull();
  });
});

describe('StaffSignIn', () => {
  it('offers an officer whose card was read both staff sign-in and their own business', async () => {
    const user = userEvent.setup();
    const api = createMockKioskApi({
      'staff.cardChoice': ({ choice }) =>
        ok<'staff.cardChoice'>(choice === 'staff' ? { phase: 'pin', via: 'card', officer } : { phase: 'signedOut' }),
    });
    const onClose = vi.fn();
    renderStaff(
      <StaffSignIn
        api={api}
        view={{ phase: 'cardChoice', officer }}
        enteringNumber={false}
        timeZone="Asia/Shanghai"
        onView={() => {}}
        onClose={onClose}
      />,
    );
    expect(screen.getByTestId('staff-card-choice')).toHaveTextContent('王**（工号 100234）');
    await user.click(screen.getByRole('button', { name: '办理业务' }));
    expect(api.callsTo('staff.cardChoice')).toEqual([{ choice: 'citizen' }]);
    expect(onClose).toHaveBeenCalled();
  });

  it('says how many tries are left, then until when the officer is locked out (zh-CN)', async () => {
    const user = userEvent.setup();
    const answers = [
      ok<'staff.pin'>({ outcome: 'wrong', attemptsLeft: 1 }),
      ok<'staff.pin'>({ outcome: 'lockedOut', until: '2026-12-03T02:15:00.000Z' }),
    ];
    const api = createMockKioskApi({ 'staff.pin': () => answers.shift()! });
    renderStaff(
      <StaffSignIn
        api={api}
        view={{ phase: 'pin', via: 'card', officer }}
        enteringNumber={false}
        timeZone="Asia/Shanghai"
        onView={() => {}}
        onClose={() => {}}
      />,
    );
    await type(user, '000000');
    await user.click(screen.getByTestId('staff-pin-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('工号或密码不正确，还可尝试 1 次');
    await type(user, '000000');
    await user.click(screen.getByTestId('staff-pin-confirm'));
    expect(await screen.findByText(/该工号已锁定至 10:15/)).toBeInTheDocument();
    expect(screen.getByTestId('staff-pin-key-1')).toBeDisabled();
  });

  it('says the lockout in English too', async () => {
    const user = userEvent.setup();
    const api = createMockKioskApi({
      'staff.pin': () => ok<'staff.pin'>({ outcome: 'lockedOut', until: '2026-12-03T02:15:00.000Z' }),
    });
    renderStaff(
      <StaffSignIn
        api={api}
        view={{ phase: 'pin', via: 'staffNumber', officer: null }}
        enteringNumber
        timeZone="Asia/Shanghai"
        onView={() => {}}
        onClose={() => {}}
      />,
      'en',
    );
    expect(screen.getByTestId('staff-pin-prompt')).toHaveTextContent('Enter your 6-digit PIN');
    await type(user, '123456');
    await user.click(screen.getByTestId('staff-pin-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many wrong PINs: this staff number is locked until 10:15.',
    );
  });

  it('takes a typed staff number to the host', async () => {
    const user = userEvent.setup();
    const api = createMockKioskApi({
      'staff.beginWithNumber': () => ok<'staff.beginWithNumber'>({ phase: 'pin', via: 'staffNumber', officer: null }),
    });
    renderStaff(
      <StaffSignIn
        api={api}
        view={{ phase: 'signedOut' }}
        enteringNumber
        timeZone="Asia/Shanghai"
        onView={() => {}}
        onClose={() => {}}
      />,
    );
    for (const d of '100234') await user.click(screen.getByTestId(`staff-number-key-${d}`));
    await user.click(screen.getByTestId('staff-number-confirm'));
    expect(api.callsTo('staff.beginWithNumber')).toEqual([{ staffNumber: '100234' }]);
  });
});
