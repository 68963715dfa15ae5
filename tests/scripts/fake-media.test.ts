/**
 * The e2e tests' fake microphone (espeak-ng's consent statement) and the
 * ffprobe reader the recording tests use: what Chromium is fed is the format
 * it reads best, and a recording's streams and length are read right.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consentAudio } from '../e2e/fixtures/consent-audio';
import { probeMedia } from '../helpers/ffprobe';

const dir = mkdtempSync(join(tmpdir(), 'onedoor-fake-media-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fake media', () => {
  it('speaks the consent statement into a 48 kHz mono 16-bit WAV, made once', async () => {
    const path = consentAudio();
    const probed = await probeMedia(path);
    if (!probed.ok) throw new Error(probed.error);
    expect(probed.value.streams).toEqual([expect.objectContaining({ type: 'audio', codec: 'pcm_s16le', sampleRate: 48000, channels: 1 })]);
    // A spoken sentence, not an empty clip.
    expect(probed.value.duration).toBeGreaterThan(2);
    const made = statSync(path).mtimeMs;
    expect(consentAudio()).toBe(path);
    expect(statSync(path).mtimeMs).toBe(made);
  });

  it('gives a different clip for a different statement', () => {
    expect(consentAudio('我同意。')).not.toBe(consentAudio());
  });

  it('reads a recording’s video and audio streams and its length', async () => {
    const file = join(dir, 'two-videos.mkv');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3',
      '-map', '0', '-map', '1', '-map', '2', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus', file]);
    const probed = await probeMedia(file);
    if (!probed.ok) throw new Error(probed.error);
    expect(probed.value.streams.map((s) => [s.type, s.codec])).toEqual([['video', 'vp8'], ['video', 'vp8'], ['audio', 'opus']]);
    expect(probed.value.duration).toBeGreaterThan(2.5);
    expect(probed.value.duration).toBeLessThan(3.5);
  });

  it('says when a file is not media', async () => {
    const file = join(dir, 'not-media.webm');
    writeFileSync(file, 'not a recording');
    const probed = await probeMedia(file);
    expect(probed.ok).toBe(false);
  });
});
