/** The speaker button: each touch steps the voice volume down, from high to muted and round again. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUME_LEVELS, type VolumeLevel } from '../voice/VoiceContext';
import { pressFeedback } from './press';
import './SpeakerButton.css';

const WORDS: Record<VolumeLevel, string> = { 1: 'speaker.high', 0.66: 'speaker.medium', 0.33: 'speaker.low', 0: 'speaker.muted' };

/** The level after `level` in the cycle. */
export function nextVolume(level: VolumeLevel): VolumeLevel {
  const i = VOLUME_LEVELS.indexOf(level);
  return VOLUME_LEVELS[(i + 1) % VOLUME_LEVELS.length] ?? 1;
}

/** `data-testid="speaker-button"` with `data-volume`. */
export function SpeakerButton({ volume, onChange }: { volume: VolumeLevel; onChange: (volume: VolumeLevel) => void }): ReactElement {
  const { t } = useTranslation();
  const bars = VOLUME_LEVELS.length - 1 - VOLUME_LEVELS.indexOf(volume);
  return (
    <button type="button" className="speaker-button" data-testid="speaker-button" data-volume={volume} aria-label={`${t('speaker.label')}: ${t(WORDS[volume])}`} {...pressFeedback} onClick={() => onChange(nextVolume(volume))}>
      <svg viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="speaker-button__icon">
        <path d="M6 18h8l10-8v28l-10-8H6z" fill="currentColor" />
        {bars >= 1 ? <path d="M30 19c2 3 2 7 0 10" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" /> : null}
        {bars >= 2 ? <path d="M34 15c4 5 4 13 0 18" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" /> : null}
        {bars >= 3 ? <path d="M38 11c6 7 6 19 0 26" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" /> : null}
        {bars === 0 ? <path d="M30 18l12 12M42 18L30 30" stroke="currentColor" strokeWidth="3" strokeLinecap="round" /> : null}
      </svg>
      <span className="speaker-button__text">{t(WORDS[volume])}</span>
    </button>
  );
}
