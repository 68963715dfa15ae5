import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from '../../../hall/console/i18n/en';
import { zhCN } from '../../../hall/console/i18n/zh-CN';
import { fakeHall, kiosk, minutesAgo, SUPERVISOR } from './fake-api';
import { renderConsole } from './render-console';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' || Array.isArray(value) ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}

describe('console languages', () => {
  it('switches the labels to English and back', async () => {
    const hall = fakeHall({ signedIn: SUPERVISOR, kiosks: [kiosk('K-02', { online: false, lastSeen: minutesAgo(7) })] });
    const { user } = renderConsole(hall);
    expect(await screen.findByRole('button', { name: '求助呼叫' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /English/ }));
    expect(screen.getByRole('button', { name: 'Help calls' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kiosks', level: 2 })).toBeInTheDocument();
    expect(screen.getByText('Last seen 7 min ago')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /中文/ }));
    expect(screen.getByRole('button', { name: '退出登录' })).toBeInTheDocument();
  });

  it('words the login errors in English too', async () => {
    const hall = fakeHall();
    hall.fail('login', { error: 'badCredentials' });
    const { user } = renderConsole(hall, 'en');
    await user.type(await screen.findByLabelText('Username'), 'wang');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('has the same keys in both catalogues', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
