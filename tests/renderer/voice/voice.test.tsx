import { describe, expect, it, vi } from 'vitest';
import { createBrowserVoice, type Utterance } from '../../../renderer/voice/voice';

const prompt: Utterance = { key: 'voice.welcome', text: '欢迎', language: 'zh-CN', rate: 0.8, volume: 0.66 };

/** A window with a scripted speechSynthesis, Audio and fetch. */
function fakeWindow(voices: { lang: string }[], manifest: unknown = { clips: { 'zh-CN': { 'voice.welcome': { file: 'zh-CN/voice.welcome.wav' } } } }) {
  const spoken: { text: string; rate: number; volume: number; lang: string }[] = [];
  const played: { src: string; volume: number; playbackRate: number }[] = [];
  class FakeUtterance {
    voice: unknown = null;
    lang = '';
    rate = 1;
    volume = 1;
    constructor(readonly text: string) {}
  }
  class FakeAudio {
    volume = 1;
    playbackRate = 1;
    preservesPitch = false;
    constructor(readonly src: string) {}
    play() {
      played.push({ src: this.src, volume: this.volume, playbackRate: this.playbackRate });
      return Promise.resolve();
    }
    pause() {}
  }
  const win = {
    speechSynthesis: { getVoices: () => voices, speak: (u: FakeUtterance) => spoken.push(u), cancel: vi.fn() },
    SpeechSynthesisUtterance: FakeUtterance,
    Audio: FakeAudio,
    fetch: vi.fn(() => Promise.resolve({ ok: manifest !== null, json: () => Promise.resolve(manifest) })),
  };
  return { win: win as unknown as Window & typeof globalThis, spoken, played };
}

describe('browser voice', () => {
  it('uses speechSynthesis when a voice for the language exists', () => {
    const { win, spoken, played } = fakeWindow([{ lang: 'zh-CN' }]);
    createBrowserVoice(win).speak(prompt);
    expect(spoken).toEqual([expect.objectContaining({ text: '欢迎', rate: 0.8, volume: 0.66, lang: 'zh-CN' })]);
    expect(played).toEqual([]);
  });

  it('otherwise plays the built clip named in the manifest, slower in elder mode', async () => {
    const { win, spoken, played } = fakeWindow([{ lang: 'en-US' }]);
    createBrowserVoice(win).speak(prompt);
    await vi.waitFor(() => expect(played).toHaveLength(1));
    expect(played[0]).toEqual({ src: './voice/zh-CN/voice.welcome.wav', volume: 0.66, playbackRate: 0.8 });
    expect(spoken).toEqual([]);
  });

  it('stays silent when there is no clip, and a newer prompt wins over an older one', async () => {
    const { win, played } = fakeWindow([]);
    const voice = createBrowserVoice(win);
    voice.speak({ ...prompt, key: 'voice.none' });
    voice.speak(prompt);
    voice.speak({ ...prompt, key: 'voice.other' });
    await new Promise((r) => setTimeout(r, 10));
    expect(played).toEqual([]);
    voice.speak(prompt);
    await vi.waitFor(() => expect(played).toHaveLength(1));
    expect(win.fetch).toHaveBeenCalledTimes(1);
  });

  it('stays silent without a manifest', async () => {
    const { win, played } = fakeWindow([], null);
    createBrowserVoice(win).speak(prompt);
    await new Promise((r) => setTimeout(r, 10));
    expect(played).toEqual([]);
  });
});
