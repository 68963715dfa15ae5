/**
 * The fingerprint step: which finger to press (in words, large, and on a
 * hand diagram), the live quality bar while the finger is on the scanner,
 * and, after an unclear print or a scanner problem, "try again". The citizen
 * may say the finger is missing or injured; the host then asks for the next
 * finger and records it for staff. With the card comparison on, the screen
 * says the prints are being compared with the card's, and after a mismatch
 * asks for both thumbs again. The host drives the scanner and decides:
 * this screen only shows the view and sends RETRY / EXEMPT_FINGER.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { HandDiagram } from './HandDiagram';
import './FingerprintsStep.css';

/** `data-testid="fingerprints-step"` (`data-state`), `fingerprint-quality`, `fingerprint-retry`, `fingerprint-exempt-{missing,damaged}`. */
export function FingerprintsStep({ view, data, send, accepts }: StepProps<'fingerprints'>): ReactElement {
  const { t } = useTranslation();
  const fingerName = (code: number) => t(`flow.fingerprints.fingers.f${code}`);
  const quality = data.state === 'capturing' ? data.liveQuality : data.lastQuality;
  const enough = quality !== null && quality >= data.minQuality;
  const current = Math.min(data.captured.length + 1, data.required);
  const capturing = data.state === 'capturing';
  // While comparing there is nothing to do: no prompt (a mismatch is spoken like an unclear print).
  useStepVoice(view, capturing ? 'voice.flow.fingerprints' : data.state === 'comparing' ? null : 'voice.flow.fingerprintsRetry', capturing);
  return (
    <section className="step flow-step fingerprints-step" data-testid="fingerprints-step" data-state={data.state} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('flow.fingerprints.title')}
      </h1>
      <p className="flow-step__lead">{t('flow.fingerprints.progress', { current, total: data.required })}</p>
      {data.finger !== null ? (
        <p className="fingerprints-step__place" data-testid="fingerprint-finger" data-finger={data.finger}>
          {t('flow.fingerprints.place', { finger: fingerName(data.finger) })}
        </p>
      ) : null}
      <HandDiagram finger={data.finger} taken={data.captured.map((c) => c.finger)} label={t('flow.fingerprints.hand')} />
      <div className="fingerprints-step__quality">
        <p>{t('flow.fingerprints.quality')}</p>
        <div
          className={`fingerprints-step__bar${enough ? ' is-enough' : ''}`}
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={quality ?? 0}
          aria-label={t('flow.fingerprints.quality')}
          data-testid="fingerprint-quality"
        >
          <span style={{ width: `${quality ?? 0}%` }} />
        </div>
        <p aria-live="polite">
          {quality === null
            ? data.state === 'capturing'
              ? t('flow.fingerprints.waiting')
              : ''
            : t('flow.fingerprints.qualityValue', { value: quality, min: data.minQuality })}
        </p>
      </div>
      {view.messageKey ? (
        <p className="flow-step__message" role="alert" data-testid="fingerprint-message">
          {t(view.messageKey)}
        </p>
      ) : null}
      {data.state === 'badQuality' ? <p>{t('flow.fingerprints.triesLeft', { count: Math.max(0, data.maxTries - data.tries) })}</p> : null}
      {data.state === 'comparing' ? (
        <p className="flow-step__lead" role="status" data-testid="fingerprint-comparing">
          {t('flow.fingerprints.comparing')}
        </p>
      ) : null}
      {data.state === 'noMatch' && data.compare ? <p>{t('flow.fingerprints.compareTriesLeft', { count: Math.max(0, data.compare.maxTries - data.compare.noMatches) })}</p> : null}
      {data.captured.length > 0 ? (
        <ul className="fingerprints-step__taken">
          {data.captured.map((c) => (
            <li key={c.finger}>{t('flow.fingerprints.taken', { finger: fingerName(c.finger) })}</li>
          ))}
        </ul>
      ) : null}
      <div className="flow-actions">
        {accepts('RETRY') ? (
          <TouchButton data-testid="fingerprint-retry" onPress={() => send({ type: 'RETRY' })}>
            {t('flow.fingerprints.retry')}
          </TouchButton>
        ) : null}
        {accepts('EXEMPT_FINGER') ? (
          <>
            <TouchButton variant="secondary" data-testid="fingerprint-exempt-missing" onPress={() => send({ type: 'EXEMPT_FINGER', reason: 'missing' })}>
              {t('flow.fingerprints.exemptMissing')}
            </TouchButton>
            <TouchButton variant="secondary" data-testid="fingerprint-exempt-damaged" onPress={() => send({ type: 'EXEMPT_FINGER', reason: 'damaged' })}>
              {t('flow.fingerprints.exemptDamaged')}
            </TouchButton>
          </>
        ) : null}
      </div>
      {accepts('EXEMPT_FINGER') ? <p className="flow-step__note">{t('flow.fingerprints.exemptNote')}</p> : null}
    </section>
  );
}
