import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeHall, kiosk, OFFICER, SUPERVISOR, supervised } from './fake-api';
import { openScreen, renderConsole } from './render-console';

async function openSupervision(hall: ReturnType<typeof fakeHall>) {
  const view = renderConsole(hall);
  await openScreen(view.user, '业务监看');
  const card = await screen.findByRole('article', { name: 'K-01' });
  return { ...view, card };
}

describe('session supervision', () => {
  it('shows what the citizen is doing, with the identity masked', async () => {
    const { card } = await openSupervision(fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], sessions: [supervised('K-01')] }));
    expect(within(card).getByText('无犯罪记录证明')).toBeInTheDocument();
    expect(within(card).getByText(/confirm · 本步骤已 2分/)).toBeInTheDocument();
    expect(within(card).getByText('张* 4104**********1230')).toBeInTheDocument();
  });

  it('sends a typed hint, a common hint, more time and (after a confirm) the end of the session', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], sessions: [supervised('K-01')] });
    const { user, card } = await openSupervision(hall);
    await user.type(within(card).getByLabelText('给群众的提示'), '请看屏幕下方');
    await user.click(within(card).getByRole('button', { name: '发送提示' }));
    expect(await within(card).findByText('指令已发送')).toBeInTheDocument();
    expect(within(card).getByLabelText('给群众的提示')).toHaveValue('');
    await user.click(within(card).getByRole('button', { name: '请把身份证放在感应区' }));
    await user.click(within(card).getByRole('button', { name: '+5 分钟' }));

    await user.click(within(card).getByRole('button', { name: '结束办理' }));
    expect(hall.callsOf('sendCommand')).toHaveLength(3);
    const confirm = within(card).getByRole('group', { name: '结束办理' });
    expect(confirm).toHaveTextContent('确定要结束 K-01 上正在办理的业务吗');
    await user.click(within(confirm).getByRole('button', { name: '确认' }));

    expect(hall.callsOf('sendCommand')).toEqual([
      // Each names the session on screen, so the kiosk refuses it once that citizen has gone.
      ['K-01', { type: 'hint', text: '请看屏幕下方', sessionId: 's-1' }],
      ['K-01', { type: 'hint', text: '请把身份证放在感应区', sessionId: 's-1' }],
      ['K-01', { type: 'moreTime', seconds: 300, sessionId: 's-1' }],
      ['K-01', { type: 'endSession', sessionId: 's-1' }],
    ]);
  });

  it('words a command the hall refused because the kiosk is offline, and keeps the hint', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], sessions: [supervised('K-01')] });
    const { user, card } = await openSupervision(hall);
    hall.fail('sendCommand', { error: 'kioskOffline' });
    await user.type(within(card).getByLabelText('给群众的提示'), '请稍候');
    await user.click(within(card).getByRole('button', { name: '发送提示' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('该终端已离线，指令未能送达');
    expect(within(card).getByLabelText('给群众的提示')).toHaveValue('请稍候');
  });

  it('refuses a hint longer than 120 characters before sending', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], sessions: [supervised('K-01')] });
    const { user, card } = await openSupervision(hall);
    await user.click(within(card).getByLabelText('给群众的提示'));
    await user.paste('请'.repeat(121));
    await user.click(within(card).getByRole('button', { name: '发送提示' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('提示最多 120 字');
    expect(hall.callsOf('sendCommand')).toEqual([]);
  });

  it('lets a supervisor take a kiosk out of service and back; an officer has no such button', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], sessions: [] });
    const { user, card, unmount } = await openSupervision(hall);
    const message = within(card).getByLabelText('向群众显示的暂停说明');
    await user.clear(message);
    await user.type(message, '打印机维护，请到 2 号机');
    await user.click(within(card).getByRole('button', { name: '暂停服务' }));
    expect(hall.callsOf('sendCommand')).toEqual([['K-01', { type: 'outOfService', message: '打印机维护，请到 2 号机' }]]);

    const k1 = kiosk('K-01');
    hall.live.push({ type: 'kiosk', kiosk: { ...k1, status: { ...k1.status!, outOfService: { message: '打印机维护，请到 2 号机', since: new Date().toISOString() } } } });
    await user.click(within(card).getByRole('button', { name: '恢复服务' }));
    expect(hall.callsOf('sendCommand')[1]).toEqual(['K-01', { type: 'outOfService', message: null }]);
    unmount();

    const officer = await openSupervision(fakeHall({ signedIn: OFFICER, kiosks: [kiosk('K-01')], sessions: [supervised('K-01')] }));
    expect(within(officer.card).queryByRole('button', { name: '暂停服务' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '窗口人员' })).not.toBeInTheDocument();
  });
});
