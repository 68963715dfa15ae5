/**
 * A short two-tone chime for a new help call (Web Audio, no sound file to
 * serve). Browsers may keep audio suspended until the page was clicked once;
 * then the visual banner alone carries the cue.
 */
let context: AudioContext | null = null;

export function chime(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  const start = audio.currentTime;
  [880, 660].forEach((frequency, index) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start + index * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, start + index * 0.25 + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + index * 0.25);
    oscillator.stop(start + index * 0.25 + 0.25);
  });
}
