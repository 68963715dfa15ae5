/**
 * What each kiosk's citizen is doing now (service, step, time on the step,
 * masked identity) and the remote actions: a hint, more time, end the
 * session (confirmed), and for a supervisor out of service / back in service.
 * A refused command (kiosk offline, …) is worded under the kiosk it was for.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskCommand, KioskView, SupervisedSession } from '../../contract/console-api';
import type { ConsoleApi } from '../api/console-api';
import { clock, secondsSince } from '../format';
import { serviceName } from '../services';
import { useNow } from '../ui/useNow';
import { wordDuration, wordFailure } from '../ui/words';

const HINT_MAX = 120;

type Outcome = { tone: 'ok' | 'error'; words: string } | null;

function KioskSupervision({ kioskId, kiosk, entry, api, supervisor, now }: { kioskId: string; kiosk: KioskView | undefined; entry: SupervisedSession | undefined; api: ConsoleApi; supervisor: boolean; now: Date }) {
  const { t, i18n } = useTranslation();
  const [hint, setHint] = useState('');
  const [hintProblem, setHintProblem] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [oosMessage, setOosMessage] = useState(() => t('supervision.outOfServiceDefault'));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const session = entry?.session ?? null;
  const outOfService = kiosk?.status?.outOfService ?? null;

  const send = async (command: KioskCommand): Promise<boolean> => {
    setBusy(true);
    // A command for the citizen names the session on screen: the kiosk refuses it if that session has ended.
    const forSession = (command.type === 'hint' || command.type === 'moreTime' || command.type === 'endSession') && session ? { ...command, sessionId: session.sessionId } : command;
    const result = await api.sendCommand(kioskId, forSession);
    setBusy(false);
    setOutcome(result.ok ? { tone: 'ok', words: t('supervision.sent') } : { tone: 'error', words: wordFailure(t, result.error) });
    return result.ok;
  };

  const sendHint = async (text: string): Promise<void> => {
    const trimmed = text.trim();
    if (!trimmed) return setHintProblem(t('supervision.hintEmpty'));
    if (Array.from(trimmed).length > HINT_MAX) return setHintProblem(t('supervision.hintTooLong'));
    setHintProblem(null);
    // The text stays in the box if the kiosk did not get it.
    if (await send({ type: 'hint', text: trimmed })) setHint('');
  };

  const titleId = `sup-${kioskId}`;
  const hintId = `hint-${kioskId}`;
  const oosId = `oos-${kioskId}`;
  return (
    <article className={`card ${kiosk && !kiosk.online ? 'card--offline' : ''}`} aria-labelledby={titleId}>
      <header className="card__head">
        <h3 id={titleId} className="card__title">{kioskId}</h3>
        {kiosk && <span className={`pill pill--${kiosk.online ? 'ok' : 'error'}`}>{kiosk.online ? t('wall.online') : t('wall.offline')}</span>}
      </header>
      {outOfService && <p className="card__oos">{t('wall.outOfService', { message: outOfService.message })}</p>}
      {session ? (
        <>
          <dl className="facts">
            <dt>{t('help.service')}</dt>
            <dd>{serviceName(session.serviceId, i18n.language) ?? t('common.unknownService')}</dd>
            <dt>{t('help.step')}</dt>
            <dd>
              {session.step ?? '—'} · {t('supervision.onStep', { time: wordDuration(t, secondsSince(session.stepSince ?? session.startedAt, now)) })}
            </dd>
            <dt>{t('supervision.person')}</dt>
            <dd>{[session.nameMasked, session.idNumberMasked].filter(Boolean).join(' ') || '—'}</dd>
            <dt>{t('supervision.startedAt')}</dt>
            <dd>{clock(session.startedAt)}</dd>
          </dl>
          <div className="hint">
            <label htmlFor={hintId} className="field__label">{t('supervision.hint')}</label>
            <div className="hint__row">
              <input id={hintId} className="field__input" value={hint} placeholder={t('supervision.hintPlaceholder')} onChange={(event) => setHint(event.target.value)} />
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void sendHint(hint)}>
                {t('supervision.sendHint')}
              </button>
            </div>
            {hintProblem && <p className="problem" role="alert">{hintProblem}</p>}
            <div className="chips">
              {(t('supervision.quickHints', { returnObjects: true }) as string[]).map((text) => (
                <button key={text} type="button" className="button button--small" disabled={busy} onClick={() => void sendHint(text)}>
                  {text}
                </button>
              ))}
            </div>
          </div>
          <div className="actions">
            <span>{t('supervision.moreTime')}:</span>
            {[2, 5].map((minutes) => (
              <button key={minutes} type="button" className="button button--small" disabled={busy} onClick={() => void send({ type: 'moreTime', seconds: minutes * 60 })}>
                {t('supervision.plusMinutes', { count: minutes })}
              </button>
            ))}
            {confirmEnd ? (
              <span role="group" className="confirm" aria-label={t('supervision.endSession')}>
                <span>{t('supervision.endConfirm', { kiosk: kioskId })}</span>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={busy}
                  onClick={() => {
                    setConfirmEnd(false);
                    void send({ type: 'endSession' });
                  }}
                >
                  {t('common.confirm')}
                </button>
                <button type="button" className="button button--small" onClick={() => setConfirmEnd(false)}>
                  {t('common.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => setConfirmEnd(true)}>
                {t('supervision.endSession')}
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="card__idle">{t('wall.idle')}</p>
      )}
      {supervisor ? (
        outOfService ? (
          <button type="button" className="button" disabled={busy} onClick={() => void send({ type: 'outOfService', message: null })}>
            {t('supervision.backInService')}
          </button>
        ) : (
          <div className="hint__row">
            <label htmlFor={oosId} className="visually-hidden">{t('supervision.outOfServiceMessage')}</label>
            <input id={oosId} className="field__input" value={oosMessage} maxLength={200} onChange={(event) => setOosMessage(event.target.value)} />
            <button type="button" className="button button--danger" disabled={busy || !oosMessage.trim()} onClick={() => void send({ type: 'outOfService', message: oosMessage.trim() })}>
              {t('supervision.outOfService')}
            </button>
          </div>
        )
      ) : null}
      {outcome && (
        <p className={outcome.tone === 'ok' ? 'notice' : 'problem'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
          {outcome.words}
        </p>
      )}
    </article>
  );
}

export function Supervision({ api, sessions, kiosks, supervisor }: { api: ConsoleApi; sessions: SupervisedSession[]; kiosks: KioskView[]; supervisor: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  // Kiosks with a citizen first, then the rest (a supervisor may still take them out of service).
  const ids = [...new Set([...sessions.map((entry) => entry.kioskId), ...kiosks.map((kiosk) => kiosk.kioskId)])];
  const busyIds = new Set(sessions.map((entry) => entry.kioskId));
  const ordered = [...ids.filter((id) => busyIds.has(id)).sort(), ...ids.filter((id) => !busyIds.has(id)).sort()];
  return (
    <section aria-labelledby="supervision-title">
      <h2 id="supervision-title" className="screen__title">{t('supervision.title')}</h2>
      {sessions.length === 0 && <p className="empty">{t('supervision.none')}</p>}
      {!supervisor && <p className="muted">{t('supervision.supervisorOnly')}</p>}
      <ul className="wall">
        {ordered.map((kioskId) => (
          <li key={kioskId}>
            <KioskSupervision kioskId={kioskId} kiosk={kiosks.find((kiosk) => kiosk.kioskId === kioskId)} entry={sessions.find((entry) => entry.kioskId === kioskId)} api={api} supervisor={supervisor} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
