/** Username and password; each refusal worded (wrong credentials, locked out until a time, network down). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer } from '../../contract/console-api';
import type { ConsoleApi } from '../api/console-api';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { wordFailure } from '../ui/words';

export type LoginNotice = 'expired' | 'signedOut';

export interface LoginScreenProps {
  api: Pick<ConsoleApi, 'login'>;
  notice: LoginNotice | null;
  onSignedIn: (answer: LoginAnswer) => void;
}

export function LoginScreen({ api, notice, onSignedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem(t('login.required'));
      return;
    }
    setBusy(true);
    const result = await api.login({ username: username.trim(), password });
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    // The password goes; the username stays for the next try.
    setPassword('');
    setProblem(wordFailure(t, result.error));
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title" noValidate>
        <div className="login__top">
          <h1 id="login-title" className="login__title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        {notice && !problem && <p className="notice" role="status">{t(`login.${notice}`)}</p>}
        <label className="field">
          <span className="field__label">{t('login.username')}</span>
          <input className="field__input" name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} maxLength={64} autoFocus />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input className="field__input" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} maxLength={200} />
        </label>
        {problem && <p className="problem" role="alert">{problem}</p>}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
