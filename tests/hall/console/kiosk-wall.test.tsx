import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeHall, kiosk, minutesAgo, SUPERVISOR } from './fake-api';
import { renderConsole } from './render-console';

const card = (kioskId: string): HTMLElement => screen.getByRole('article', { name: kioskId });

describe('kiosk wall', () => {
  it('shows an offline kiosk prominently with how long ago it was last seen, first in the list', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01'), kiosk('K-02', { online: false, lastSeen: minutesAgo(7) })] });
    renderConsole(hall);
    await screen.findByRole('article', { name: 'K-02' });
    expect(within(card('K-02')).getByText('离线')).toBeInTheDocument();
    expect(within(card('K-02')).getByText('最后联系：7 分钟前')).toBeInTheDocument();
    expect(within(card('K-01')).getByText('在线')).toBeInTheDocument();
    const titles = screen.getAllByRole('article').map((article) => article.getAttribute('aria-labelledby'));
    expect(titles).toEqual(['kiosk-K-02', 'kiosk-K-01']);
  });

  it('shows devices, consumables and what the citizen is doing', async () => {
    const base = kiosk('K-01');
    const hall = fakeHall({
      signedIn: SUPERVISOR,
      kiosks: [{ ...base, openAlerts: 1, waitingHelpCalls: 2, status: { ...base.status!, session: { sessionId: 's', serviceId: 'id-card-renewal', category: 'huzheng', step: 'photo', stepSince: minutesAgo(2), startedAt: minutesAgo(5), nameMasked: '张*', idNumberMasked: '4104**********1230' } } }],
    });
    renderConsole(hall);
    const k1 = await screen.findByRole('article', { name: 'K-01' });
    expect(within(k1).getByText('凭条打印机: 故障')).toBeInTheDocument();
    expect(within(k1).getByRole('meter', { name: /凭条纸: 偏少, 约剩 40/ })).toBeInTheDocument();
    expect(within(k1).getByText(/当前：身份证换领补领 · photo（已 2分/)).toBeInTheDocument();
    expect(within(k1).getByText('未处理告警 1')).toBeInTheDocument();
    expect(within(k1).getByText('等待求助 2')).toBeInTheDocument();
  });

  it('updates a card on a live message: a kiosk that drops off turns offline, one out of service says so', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01'), kiosk('K-03')] });
    renderConsole(hall);
    await screen.findByRole('article', { name: 'K-01' });
    expect(within(card('K-01')).queryByText('离线')).not.toBeInTheDocument();

    hall.live.push({ type: 'kiosk', kiosk: kiosk('K-01', { online: false, lastSeen: minutesAgo(1) }) });
    expect(within(card('K-01')).getByText('离线')).toBeInTheDocument();
    expect(within(card('K-01')).getByText('最后联系：1 分钟前')).toBeInTheDocument();

    const k3 = kiosk('K-03');
    hall.live.push({ type: 'kiosk', kiosk: { ...k3, status: { ...k3.status!, outOfService: { message: '设备维护中', since: minutesAgo(0) } } } });
    expect(within(card('K-03')).getByText('暂停服务：设备维护中')).toBeInTheDocument();

    hall.live.push({ type: 'kiosk', kiosk: kiosk('K-09') });
    expect(card('K-09')).toBeInTheDocument();
  });

  it('shows "connection lost, reconnecting" while the live feed is down and fetches the lists again after', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-01')] });
    renderConsole(hall);
    await screen.findByRole('article', { name: 'K-01' });
    const fetches = hall.callsOf('kiosks').length;

    hall.live.setState('reconnecting');
    expect(screen.getByText('与大厅服务器的连接已断开，正在重新连接…')).toBeInTheDocument();
    // Meanwhile a kiosk went offline and its message was lost; the refetch brings it.
    hall.kiosks = [kiosk('K-01', { online: false, lastSeen: minutesAgo(3) })];
    hall.live.setState('connected');
    expect(screen.queryByText('与大厅服务器的连接已断开，正在重新连接…')).not.toBeInTheDocument();
    expect(await within(card('K-01')).findByText('离线')).toBeInTheDocument();
    expect(hall.callsOf('kiosks').length).toBe(fetches + 1);
    expect(hall.callsOf('helpCalls').length).toBe(2);
  });
});
