/**
 * 同意 (only once the recording is stored and both have signed) or 拒绝 with
 * a reason: a preset or the officer's own words; refusing without one is not
 * possible.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyCaseView } from '../../../electron/contract/proxy';
import type { ProxyDecision } from '../../contract/proxy-api';

export const REFUSE_PRESETS = ['identity', 'unwilling', 'coerced', 'material'] as const;

export function readyToApprove(view: ProxyCaseView): boolean {
  return view.state === 'recorded' && view.recording !== null && view.agentSigned && view.principalSigned;
}

export function ProxyDecisionForm({ view, decide }: { view: ProxyCaseView; decide: (decision: ProxyDecision) => Promise<boolean> }): ReactElement {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<string>('');
  const [free, setFree] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const reason = (preset === 'other' ? free : preset ? t(`proxy.refusePresets.${preset}`) : '').trim();
  const ready = readyToApprove(view);

  const send = async (decision: ProxyDecision): Promise<void> => {
    setBusy(true);
    await decide(decision);
    setBusy(false);
  };

  return (
    <form
      className="proxy-decision"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (reason.length >= 2) void send({ approve: false, reason });
      }}
    >
      <button type="button" className="button button--primary" disabled={!ready || busy} onClick={() => void send({ approve: true })}>
        {t('proxy.approve')}
      </button>
      {!ready && <span className="field__hint">{t('proxy.approveHint')}</span>}
      <fieldset className="proxy-decision__refuse">
        <legend>{t('proxy.refuseReason')}</legend>
        {REFUSE_PRESETS.map((key) => (
          <label key={key}>
            <input type="radio" name="refuse-reason" value={key} checked={preset === key} onChange={() => setPreset(key)} />
            {t(`proxy.refusePresets.${key}`)}
          </label>
        ))}
        <label>
          <input type="radio" name="refuse-reason" value="other" checked={preset === 'other'} onChange={() => setPreset('other')} />
          {t('proxy.refuseFree')}
        </label>
        {preset === 'other' && (
          <input className="field__input" aria-label={t('proxy.refuseFree')} maxLength={200} value={free} onChange={(event) => setFree(event.target.value)} />
        )}
        {tried && reason.length < 2 && (
          <span className="field__error" role="alert">
            {t('proxy.refuseNeedsReason')}
          </span>
        )}
        <button type="submit" className="button button--danger" disabled={busy}>
          {t('proxy.refuse')}
        </button>
      </fieldset>
    </form>
  );
}
