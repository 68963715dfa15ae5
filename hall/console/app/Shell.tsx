/**
 * The signed-in console: a header (officer, language, sign out), the live
 * connection banner, a left navigation and the chosen screen. A new help
 * call chimes and shows a banner whatever screen is open.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpCallView } from '../../contract/console-api';
import type { ConsoleApi, LiveFeed } from '../api/console-api';
import { AlertsScreen } from '../screens/AlertsScreen';
import { HelpQueue } from '../screens/HelpQueue';
import { KioskWall } from '../screens/KioskWall';
import { ProxyDesk, type ProxyDeskDeps } from '../screens/ProxyDesk';
import { StaffScreen } from '../screens/StaffScreen';
import { StatsScreen } from '../screens/StatsScreen';
import { Supervision } from '../screens/Supervision';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { wordFailure } from '../ui/words';
import type { Officer } from './App';
import { useHallData } from './useHallData';

export type ScreenId = 'wall' | 'alerts' | 'help' | 'proxy' | 'supervision' | 'stats' | 'staff';

export interface ShellProps {
  api: ConsoleApi;
  live: LiveFeed;
  officer: Officer;
  onSignOut: () => Promise<void>;
  chime: () => void;
  proxyDesk?: ProxyDeskDeps;
}

export function Shell({ api, live, officer, onSignOut, chime, proxyDesk }: ShellProps) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<ScreenId>('wall');
  const [newCall, setNewCall] = useState<HelpCallView | null>(null);
  const onNewHelpCall = useCallback(
    (call: HelpCallView) => {
      setNewCall(call);
      chime();
    },
    [chime],
  );
  const data = useHallData(api, live, onNewHelpCall);
  const supervisor = officer.role === 'supervisor';
  const screens: ScreenId[] = [
    'wall', 'alerts', 'help',
    ...(proxyDesk ? (['proxy'] as const) : []),
    'supervision', 'stats',
    ...(supervisor ? (['staff'] as const) : []),
  ];
  const waiting = data.helpCalls.filter((call) => call.state === 'waiting').length;
  const openAlerts = data.alerts.filter((alert) => alert.state === 'open').length;
  const badge = (id: ScreenId): number => (id === 'help' ? waiting : id === 'alerts' ? openAlerts : 0);

  const body = ((): ReactElement => {
    switch (screen) {
      case 'wall':
        return <KioskWall kiosks={data.kiosks} sessions={data.sessions} />;
      case 'alerts':
        return <AlertsScreen api={api} alerts={data.alerts} onChanged={data.upsertAlert} />;
      case 'help':
        return <HelpQueue api={api} calls={data.helpCalls} onChanged={data.upsertHelpCall} />;
      case 'proxy':
        return proxyDesk ? <ProxyDesk deps={proxyDesk} /> : <KioskWall kiosks={data.kiosks} sessions={data.sessions} />;
      case 'supervision':
        return <Supervision api={api} sessions={data.sessions} kiosks={data.kiosks} supervisor={supervisor} />;
      case 'stats':
        return <StatsScreen api={api} />;
      case 'staff':
        return <StaffScreen api={api} />;
    }
  })();

  return (
    <div className="console">
      <header className="console__header">
        <h1 className="console__title">{t('app.title')}</h1>
        <span className="console__officer">{t('app.signedInAs', { name: officer.displayName, role: t(`role.${officer.role}`) })}</span>
        <LanguageSwitch />
        <button type="button" className="button button--quiet" onClick={() => void onSignOut()}>
          {t('app.signOut')}
        </button>
      </header>
      {data.liveState !== 'connected' && (
        <p className={`banner ${data.liveState === 'reconnecting' ? 'banner--error' : ''}`} role="status">
          {t(`live.${data.liveState}`)}
        </p>
      )}
      {data.loadError && data.loadError.error !== 'signedOut' && (
        <p className="banner banner--error" role="alert">
          {wordFailure(t, data.loadError)}{' '}
          <button type="button" className="button button--small" onClick={() => void data.refresh()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {newCall && (
        <p className="banner banner--call" role="alert">
          {t('help.newCall', { kiosk: newCall.kioskId })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setScreen('help');
              setNewCall(null);
            }}
          >
            {t('nav.help')}
          </button>
        </p>
      )}
      <div className="console__body">
        <nav className="console__nav" aria-label={t('app.nav')}>
          <ul>
            {screens.map((id) => (
              <li key={id}>
                <button type="button" className="nav__item" aria-current={screen === id ? 'page' : undefined} onClick={() => setScreen(id)}>
                  {t(`nav.${id}`)}
                  {badge(id) > 0 && <span className="nav__badge">{badge(id)}</span>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="console__main">{body}</main>
      </div>
    </div>
  );
}
