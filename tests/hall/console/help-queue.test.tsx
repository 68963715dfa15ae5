import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeHall, helpCall, kiosk, minutesAgo, SUPERVISOR } from './fake-api';
import { openScreen, renderConsole } from './render-console';

describe('help-call queue', () => {
  it('claims a call with the chosen ETA and shows who is coming', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')], helpCalls: [helpCall('h-1', 'K-01', { queuedAt: minutesAgo(3) })] });
    const { user } = renderConsole(hall);
    await openScreen(user, '求助呼叫');
    const row = await screen.findByRole('listitem', { name: 'K-01: 群众按了求助' });
    expect(within(row).getByText(/已等待 3分/)).toBeInTheDocument();
    expect(within(row).getByText(/身份证换领补领/)).toBeInTheDocument();
    // Two minutes unless the officer picks another time.
    expect(within(row).getByLabelText('预计到达')).toHaveValue('2');
    await user.selectOptions(within(row).getByLabelText('预计到达'), '5');
    await user.click(within(row).getByRole('button', { name: '接单' }));

    expect(hall.callsOf('claimHelpCall')).toEqual([['h-1', 5]]);
    expect(await within(row).findByText('王警官 已接单，预计 5 分钟到达')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: '接单' })).not.toBeInTheDocument();
  });

  it('claims with 2 minutes by default, and a call someone else took first is worded', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, helpCalls: [helpCall('h-1', 'K-01'), helpCall('h-2', 'K-02')] });
    const { user } = renderConsole(hall);
    await openScreen(user, '求助呼叫');
    const first = await screen.findByRole('listitem', { name: 'K-01: 群众按了求助' });
    await user.click(within(first).getByRole('button', { name: '接单' }));
    expect(hall.callsOf('claimHelpCall')).toEqual([['h-1', 2]]);

    hall.fail('claimHelpCall', { error: 'conflict' });
    await user.click(within(screen.getByRole('listitem', { name: 'K-02: 群众按了求助' })).getByRole('button', { name: '接单' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('该项已被他人处理');
  });

  it('a new call arriving live chimes, shows a banner and joins the queue; resolving removes it', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')] });
    const { user, chime } = renderConsole(hall);
    await screen.findByRole('article', { name: 'K-01' });
    expect(chime).not.toHaveBeenCalled();

    const call = helpCall('h-9', 'K-01', { reason: 'faceCheckFailed', queuedAt: minutesAgo(0) });
    hall.helpCalls.push(call);
    hall.live.push({ type: 'helpCall', call });
    expect(chime).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('新的求助呼叫：K-01');
    expect(screen.getByRole('button', { name: /^求助呼叫1/ })).toBeInTheDocument();

    // The same call again (claimed by a colleague) is no new call.
    hall.live.push({ type: 'helpCall', call: { ...call, state: 'claimed', claimedBy: '李警官', etaMinutes: 1 } });
    expect(chime).toHaveBeenCalledTimes(1);

    await openScreen(user, '求助呼叫');
    const row = await screen.findByRole('listitem', { name: 'K-01: 人脸核验未通过' });
    expect(within(row).getByText('李警官 已接单，预计 1 分钟到达')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: '已解决' }));
    expect(hall.callsOf('resolveHelpCall')).toEqual([['h-9']]);
    expect(await screen.findByText('当前没有求助')).toBeInTheDocument();
  });
});
