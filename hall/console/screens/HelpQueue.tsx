/**
 * Waiting help calls with their wait ticking, then the claimed ones. Claim
 * with an ETA (default 2 min; the kiosk then says "staff are coming: 2 min"),
 * resolve; who claimed it shown.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpCallView } from '../../contract/console-api';
import type { ApiResult, ConsoleApi } from '../api/console-api';
import { secondsSince } from '../format';
import { serviceName } from '../services';
import { useNow } from '../ui/useNow';
import { wordDuration, wordFailure } from '../ui/words';

export const ETA_CHOICES = [1, 2, 5, 10] as const;
export const DEFAULT_ETA = 2;

function CallRow({ call, now, api, onChanged, onProblem }: { call: HelpCallView; now: Date; api: ConsoleApi; onChanged: (call: HelpCallView) => void; onProblem: (words: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [eta, setEta] = useState<number>(DEFAULT_ETA);
  const [busy, setBusy] = useState(false);
  const act = async (call: Promise<ApiResult<HelpCallView>>): Promise<void> => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    onProblem(result.ok ? null : wordFailure(t, result.error));
    if (result.ok) onChanged(result.value);
  };
  const etaId = `eta-${call.callId}`;
  return (
    <li className={`call call--${call.state}`} aria-label={`${call.kioskId}: ${t(`help.reason.${call.reason}`)}`}>
      <div className="call__main">
        <strong className="call__kiosk">{call.kioskId}</strong>
        <span className="call__reason">{t(`help.reason.${call.reason}`)}</span>
        <span className="call__where">
          {t('help.service')}: {serviceName(call.serviceId, i18n.language) ?? t('common.unknownService')}
          {call.step && ` · ${t('help.step')}: ${call.step}`}
        </span>
        <span className="call__wait">{t('help.waitedFor', { time: wordDuration(t, secondsSince(call.queuedAt, now)) })}</span>
        {call.state === 'claimed' && <span className="call__claimed">{t('help.claimedBy', { name: call.claimedBy ?? '', count: call.etaMinutes ?? 0 })}</span>}
      </div>
      <div className="actions">
        {call.state === 'waiting' && (
          <>
            <label htmlFor={etaId}>{t('help.eta')}</label>
            <select id={etaId} className="field__input field__input--small" value={eta} onChange={(event) => setEta(Number(event.target.value))}>
              {ETA_CHOICES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t('common.minutes', { count: minutes })}
                </option>
              ))}
            </select>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void act(api.claimHelpCall(call.callId, eta))}>
              {t('help.claim')}
            </button>
          </>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => void act(api.resolveHelpCall(call.callId))}>
          {t('help.resolve')}
        </button>
      </div>
    </li>
  );
}

export function HelpQueue({ api, calls, onChanged }: { api: ConsoleApi; calls: HelpCallView[]; onChanged: (call: HelpCallView) => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [problem, setProblem] = useState<string | null>(null);
  const open = calls
    .filter((call) => call.state === 'waiting' || call.state === 'claimed')
    .sort((a, b) => Number(a.state === 'claimed') - Number(b.state === 'claimed') || a.queuedAt.localeCompare(b.queuedAt));
  return (
    <section aria-labelledby="help-title">
      <h2 id="help-title" className="screen__title">{t('help.title')}</h2>
      {problem && <p className="problem" role="alert">{problem}</p>}
      {open.length === 0 ? (
        <p className="empty">{t('help.none')}</p>
      ) : (
        <ul className="calls">
          {open.map((call) => (
            <CallRow key={call.callId} call={call} now={now} api={api} onChanged={onChanged} onProblem={setProblem} />
          ))}
        </ul>
      )}
    </section>
  );
}
