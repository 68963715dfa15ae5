/** Speech for components: say a `voice.*` (or a service's `svc.<id>.voice.*`) prompt in the current language, at the citizen's volume and speed. */
import { createContext, useContext, useEffect, useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import type { Voice } from './voice';

/** Volume steps of the speaker button, loudest first; 0 is muted. */
export const VOLUME_LEVELS = [1, 0.66, 0.33, 0] as const;
/** One of {@link VOLUME_LEVELS}. */
export type VolumeLevel = (typeof VOLUME_LEVELS)[number];

/** Speech rate in elder mode (slower, DOMAIN.md §6). */
export const ELDER_SPEECH_RATE = 0.8;

/** A prompt's catalogue key: the kiosk's (`voice.*`) or a service's own (`svc.<serviceId>.voice.*`). */
export type VoiceKey = `voice.${string}` | `svc.${string}`;

/**
 * Says a prompt by its catalogue key. `text`, when given, is what speech
 * synthesis says instead of the key's words (e.g. a form page's own field
 * labels); a voice that only has pre-built clips plays the key's clip.
 */
export type Say = (key: VoiceKey, text?: string) => void;

const SayContext = createContext<Say>(() => {});

/** Props of {@link VoiceProvider}. */
export interface VoiceProviderProps {
  voice: Voice;
  language: Language;
  elderMode: boolean;
  volume: VolumeLevel;
  children: ReactNode;
}

/** Provides {@link useSay} below it. */
export function VoiceProvider({ voice, language, elderMode, volume, children }: VoiceProviderProps): ReactElement {
  const { t } = useTranslation();
  const say = useMemo<Say>(
    () => (key, text) => {
      if (volume === 0) return;
      voice.speak({ key, text: text ?? t(key, { lng: language }), language, rate: elderMode ? ELDER_SPEECH_RATE : 1, volume });
    },
    [voice, t, language, elderMode, volume],
  );
  useEffect(() => {
    if (volume === 0) voice.stop();
  }, [voice, volume]);
  useEffect(() => () => voice.stop(), [voice]);
  return <SayContext.Provider value={say}>{children}</SayContext.Provider>;
}

/** The current `say` function. */
export function useSay(): Say {
  return useContext(SayContext);
}

/** Speaks `key` when the component appears, and again in the new language when the language changes. */
export function useSpeakOnShow(key: VoiceKey | null): void {
  const say = useSay();
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    if (key) say(key);
    // Re-speak on a language switch, not on volume changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, language]);
}

