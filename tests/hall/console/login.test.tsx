import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clock } from '../../../hall/console/format';
import { fakeHall } from './fake-api';
import { renderConsole } from './render-console';

async function signIn(user: ReturnType<typeof renderConsole>['user'], password = 'wrong-password'): Promise<void> {
  await user.type(await screen.findByLabelText('用户名'), 'wang');
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('console login', () => {
  it('words a wrong password, keeps the username and clears the password', async () => {
    const hall = fakeHall();
    hall.fail('login', { error: 'badCredentials' });
    const { user } = renderConsole(hall);
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
    expect(screen.getByLabelText('用户名')).toHaveValue('wang');
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(hall.callsOf('login')).toEqual([[{ username: 'wang', password: 'wrong-password' }]]);
  });

  it('says until when a locked-out account stays locked', async () => {
    const hall = fakeHall();
    const until = new Date(Date.now() + 15 * 60_000).toISOString();
    hall.fail('login', { error: 'lockedOut', until });
    const { user } = renderConsole(hall);
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(`账户已暂时锁定，${clock(until)} 后可再次登录`);
  });

  it('says the hall server cannot be reached when the network is down', async () => {
    const hall = fakeHall();
    hall.fail('login', { error: 'network' });
    const { user } = renderConsole(hall);
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('无法连接大厅服务器');
  });

  it('asks for both fields before sending anything', async () => {
    const hall = fakeHall();
    const { user } = renderConsole(hall);
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入用户名和密码');
    expect(hall.callsOf('login')).toEqual([]);
  });

  it('opens the console on the right password, and an expired session brings the login back with a message', async () => {
    const hall = fakeHall();
    const { user } = renderConsole(hall);
    await signIn(user, 'right-password');
    expect(await screen.findByRole('heading', { name: '设备总览', level: 2 })).toBeInTheDocument();
    // The session expires on the server: the next call (the refetch after a reconnect) answers signedOut.
    hall.fail('kiosks', { error: 'signedOut' });
    hall.live.setState('reconnecting');
    hall.live.setState('connected');
    expect(await screen.findByText('登录已过期，请重新登录')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
  });
});
