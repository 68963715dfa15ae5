/**
 * Spoken prompts. A Voice says one prompt at a time (a new one cuts the old
 * one off). The browser voice uses speechSynthesis where a voice for the
 * language exists, otherwise the clips built from the catalogues by
 * scripts/build-voice.mjs (or recorded ones a site dropped in with the same names).
 */
import type { Language } from '../i18n';

/** One prompt to say. */
export interface Utterance {
  /** Catalogue key under `voice.*` (or a service's `svc.<id>.voice.*`); names the clip. */
  key: string;
  /** The prompt's words in `language` (for speechSynthesis). */
  text: string;
  language: Language;
  /** 1 = normal; elder mode speaks slower. */
  rate: number;
  /** 0…1. */
  volume: number;
}

/** What the UI needs from speech. */
export interface Voice {
  speak(utterance: Utterance): void;
  /** Stops whatever is being said. */
  stop(): void;
}

/** A voice that says nothing (no audio output, or tests that do not care). */
export const silentVoice: Voice = { speak: () => {}, stop: () => {} };

/** Where the clips and their manifest are served, relative to the page. */
export const VOICE_BASE_URL = './voice/';

/** The part of the manifest the renderer reads: which clips exist, by language. */
export interface VoiceManifest {
  clips: Record<string, Record<string, { file: string }>>;
}

function readManifest(data: unknown): VoiceManifest | null {
  if (typeof data !== 'object' || data === null || !('clips' in data)) return null;
  const clips = (data as { clips: unknown }).clips;
  return typeof clips === 'object' && clips !== null ? { clips: clips as VoiceManifest['clips'] } : null;
}

/** The language prefix speechSynthesis voices use for a kiosk language. */
function voicePrefix(language: Language): string {
  switch (language) {
    case 'zh-CN':
      return 'zh';
    case 'en':
      return 'en';
  }
}

/** Creates the voice for a real browser window. */
export function createBrowserVoice(win: Window & typeof globalThis, baseUrl = VOICE_BASE_URL): Voice {
  let manifest: Promise<VoiceManifest | null> | null = null;
  let audio: HTMLAudioElement | null = null;
  let generation = 0;

  const loadManifest = (): Promise<VoiceManifest | null> => {
    manifest ??= win
      .fetch(`${baseUrl}manifest.json`)
      .then((res) => (res.ok ? res.json() : null))
      .then(readManifest)
      .catch(() => null);
    return manifest;
  };

  const stop = (): void => {
    generation += 1;
    win.speechSynthesis?.cancel();
    if (audio) {
      audio.pause();
      audio = null;
    }
  };

  return {
    stop,
    speak(utterance) {
      stop();
      const mine = generation;
      const synth = win.speechSynthesis;
      const prefix = voicePrefix(utterance.language);
      const synthVoice = synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith(prefix));
      if (synth && synthVoice) {
        const said = new win.SpeechSynthesisUtterance(utterance.text);
        said.voice = synthVoice;
        said.lang = utterance.language;
        said.rate = utterance.rate;
        said.volume = utterance.volume;
        synth.speak(said);
        return;
      }
      void loadManifest().then((loaded) => {
        const clip = loaded?.clips[utterance.language]?.[utterance.key];
        if (!clip || mine !== generation) return;
        const player = new win.Audio(`${baseUrl}${clip.file}`);
        player.volume = utterance.volume;
        player.playbackRate = utterance.rate;
        player.preservesPitch = true;
        audio = player;
        // Autoplay may be refused before the first touch; the prompt is also on screen.
        player.play().catch(() => undefined);
      });
    },
  };
}
