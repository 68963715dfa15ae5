/**
 * The console: the login screen until an officer is signed in (a page
 * reload asks `/api/me` first), then the shell. A `signedOut` answer from
 * any call, i.e. the session expired, brings the login back with a message.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { LoginAnswer } from '../../contract/console-api';
import type { ConsoleApi, LiveFeed } from '../api/console-api';
import { withSignedOutGuard } from '../api/guard';
import { LoginScreen, type LoginNotice } from '../screens/LoginScreen';
import { Shell } from './Shell';
import type { ProxyDeskDeps } from '../screens/ProxyDesk';

export type Officer = LoginAnswer['officer'];

export interface AppProps {
  /** 可视化代办: the desk's calls and browser parts (absent: no proxy desk in the navigation). */
  proxyDesk?: ProxyDeskDeps;
  api: ConsoleApi;
  live: LiveFeed;
  i18n: i18n;
  /** Plays the new-help-call sound (a no-op in tests). */
  chime?: () => void;
}

export function App({ api, live, i18n, chime, proxyDesk }: AppProps) {
  const [officer, setOfficer] = useState<Officer | null | 'checking'>('checking');
  const [notice, setNotice] = useState<LoginNotice | null>(null);

  const expired = useCallback(() => {
    setOfficer(null);
    setNotice('expired');
  }, []);
  const guarded = useMemo(() => withSignedOutGuard(api, expired), [api, expired]);

  useEffect(() => {
    let current = true;
    void api.me().then((result) => {
      if (current) setOfficer(result.ok ? result.value.officer : null);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const signOut = async (): Promise<void> => {
    await api.logout();
    setOfficer(null);
    setNotice('signedOut');
  };

  return (
    <I18nextProvider i18n={i18n}>
      {officer === 'checking' ? null : officer === null ? (
        <LoginScreen
          api={api}
          notice={notice}
          onSignedIn={(answer) => {
            setNotice(null);
            setOfficer(answer.officer);
          }}
        />
      ) : (
        <Shell api={guarded} live={live} officer={officer} onSignOut={signOut} chime={chime ?? (() => undefined)} proxyDesk={proxyDesk} />
      )}
    </I18nextProvider>
  );
}
