/**
 * The phone page: open the link (claim) → what will happen and consent →
 * face check → the call (statement, signature) → the outcome. Before the
 * face check passes it shows only the hall's name. A reload resumes from
 * the cookie: the case if verified, the consent screen if not.
 */
import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { PhoneCase } from '../../contract/proxy-api';
import type { PhoneApi } from '../api/phone-api';
import type { PhoneSignalChannel } from '../api/signal-channel';
import { CallScreen, type CreateMesh } from '../screens/CallScreen';
import { ClaimScreen, type ClaimProblem } from '../screens/ClaimScreen';
import { FaceScreen, type FaceScreenProps } from '../screens/FaceScreen';
import { IntroScreen } from '../screens/IntroScreen';
import { OutcomeScreen, type PhoneOutcome } from '../screens/OutcomeScreen';
import { finalOutcome } from './final-outcome';

export interface PhoneAppDeps {
  api: PhoneApi;
  i18n: i18n;
  /** The link's token, already taken from the address (null after a reload). */
  token: string | null;
  /** The address carried a link whose token is not one (cut short, changed): refused as an unknown link. */
  garbledLink?: boolean;
  openChannel: (caseId: string) => PhoneSignalChannel;
  createMesh: CreateMesh;
  openMedia: () => Promise<MediaStream>;
  /** Keeps the hall's name across a reload (sessionStorage). */
  store: Pick<Storage, 'getItem' | 'setItem'>;
  /** The face check screen (tests give one without a camera). */
  FaceStep?: ComponentType<FaceScreenProps>;
}

type Screen =
  | { kind: 'claim'; problem: ClaimProblem | null }
  | { kind: 'intro' }
  | { kind: 'face' }
  | { kind: 'call'; phoneCase: PhoneCase }
  | { kind: 'outcome'; outcome: PhoneOutcome };

const HALL_KEY = 'onedoor.phone.hall';

export function PhoneApp(deps: PhoneAppDeps): ReactElement {
  return (
    <I18nextProvider i18n={deps.i18n}>
      <PhoneScreens {...deps} />
    </I18nextProvider>
  );
}

function PhoneScreens({ api, token, garbledLink = false, openChannel, createMesh, openMedia, store, FaceStep = FaceScreen }: PhoneAppDeps): ReactElement {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'claim', problem: null });
  const [hallName, setHallName] = useState<string | null>(() => store.getItem(HALL_KEY));
  const started = useRef(false);

  const [channel, setChannel] = useState<PhoneSignalChannel | null>(null);
  const channelRef = useRef<PhoneSignalChannel | null>(null);
  /** The case as it is now: the call while it is live (its socket opened once), the outcome once it ended. */
  const showCase = useCallback(
    (phoneCase: PhoneCase) => {
      const end = finalOutcome(phoneCase, i18n.language);
      if (end) {
        channelRef.current = null;
        setChannel(null);
        return setScreen({ kind: 'outcome', outcome: end });
      }
      if (!channelRef.current) {
        channelRef.current = openChannel(phoneCase.caseId);
        setChannel(channelRef.current);
      }
      setScreen({ kind: 'call', phoneCase });
    },
    [i18n, openChannel],
  );
  const showCaseRef = useRef(showCase);
  useEffect(() => {
    showCaseRef.current = showCase;
  }, [showCase]);
  // The socket's case updates drive the screen; it closes when the call screen goes.
  useEffect(() => {
    if (!channel) return;
    const unsubscribe = channel.onCase((phoneCase) => showCaseRef.current(phoneCase));
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [channel]);

  /** Back into this phone's own case (its cookie); none: `noCase` says why. */
  const resume = useCallback(async (noCase: ClaimProblem = 'noLink') => {
    const current = await api.phoneCase();
    if (current.ok) return showCase(current.value);
    switch (current.error) {
      case 'notVerified':
        return setScreen({ kind: 'intro' });
      case 'unavailable':
        return setScreen({ kind: 'claim', problem: 'unavailable' });
      default:
        return setScreen({ kind: 'claim', problem: noCase });
    }
  }, [api, showCase]);

  const open = useCallback(async () => {
    setScreen({ kind: 'claim', problem: null });
    // A garbled link on a phone already in its case still goes back in; otherwise it is a link that cannot be used.
    if (token === null) return resume(garbledLink ? 'linkUnknown' : 'noLink');
    const claimed = await api.claim(token);
    if (claimed.ok) {
      store.setItem(HALL_KEY, claimed.value.hallName);
      setHallName(claimed.value.hallName);
      return setScreen({ kind: 'intro' });
    }
    const problem = claimed.error;
    // A used link on this same phone (it claimed it, then reloaded before the token was dropped) resumes.
    if (problem === 'linkUsed') {
      const mine = await api.phoneCase();
      if (mine.ok || (!mine.ok && mine.error === 'notVerified')) return resume();
    }
    setScreen({ kind: 'claim', problem: problem === 'linkUsed' || problem === 'linkExpired' || problem === 'unavailable' ? problem : 'linkUnknown' });
  }, [api, token, garbledLink, resume, store]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void open();
  }, [open]);

  const answerConsent = useCallback(
    async (granted: boolean) => {
      const sent = await api.consent(granted);
      if (!granted) {
        await api.leave();
        return setScreen({ kind: 'outcome', outcome: { kind: 'declined' } });
      }
      if (!sent.ok) return setScreen(sent.error === 'caseEnded' ? { kind: 'outcome', outcome: { kind: 'ended', reason: 'linkExpired' } } : { kind: 'claim', problem: 'unavailable' });
      setScreen({ kind: 'face' });
    },
    [api],
  );

  const verified = useCallback(() => void resume(), [resume]);
  const faceFailed = useCallback(() => setScreen({ kind: 'outcome', outcome: { kind: 'ended', reason: 'principalFaceFailed' } }), []);
  const leave = useCallback(async () => {
    // The socket and the call go first: the hall's news of this very leave is not for this page (final-outcome.ts).
    channelRef.current = null;
    setChannel(null);
    setScreen({ kind: 'outcome', outcome: { kind: 'ended', reason: 'principalLeft' } });
    await api.leave();
  }, [api]);

  return (
    <main className="phone" data-screen={screen.kind}>
      <header className="phone__header">
        <span className="phone__hall" data-testid="hall-name">
          {hallName ?? ''}
        </span>
        <button type="button" className="phone__language" data-testid="language-switch" onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
          {t('language.switchTo')}
        </button>
      </header>
      {body()}
    </main>
  );

  function body(): ReactElement {
    switch (screen.kind) {
      case 'claim':
        return <ClaimScreen problem={screen.problem} onRetry={() => void open()} />;
      case 'intro':
        return <IntroScreen onAnswer={answerConsent} />;
      case 'face':
        return <FaceStep api={api} onVerified={verified} onFailed={faceFailed} />;
      case 'call':
        return channel ? (
          <CallScreen phoneCase={screen.phoneCase} api={api} signalling={channel.signalling} createMesh={createMesh} openMedia={openMedia} onLeave={() => void leave()} />
        ) : (
          <ClaimScreen problem={null} onRetry={() => undefined} />
        );
      case 'outcome':
        return <OutcomeScreen outcome={screen.outcome} />;
      default: {
        const never: never = screen;
        return never;
      }
    }
  }
}
