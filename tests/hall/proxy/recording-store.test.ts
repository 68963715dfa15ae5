/**
 * The hall's recording store with the real ffmpeg/ffprobe: two short WebM
 * parts (test pattern + tone) become one encrypted Matroska file holding both
 * pictures and both voices; it opens only untouched and with its case id,
 * goes away after its retention, and each failure is a value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingStore } from '../../../hall/server/proxy/recording/recording-store';
import { loadOrCreateRecordingKey } from '../../../hall/server/proxy/recording/recording-key';

const KEY = new Uint8Array(32).fill(7);
const CASE_ID = 'case-0001-abcdef';
let root: string;
let kioskWebm: Uint8Array;
let phoneWebm: Uint8Array;

function makeWebm(path: string, frequency: number, pattern: string): Uint8Array {
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `${pattern}=duration=2:size=160x120:rate=15`,
    '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=2`,
    '-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus', '-shortest', path,
  ]);
  return new Uint8Array(readFileSync(path));
}

function probeStreams(file: string): { video: number; audio: number; duration: number } {
  const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type:format=duration', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: Array<{ codec_type: string }>;
    format: { duration: string };
  };
  return {
    video: out.streams.filter((s) => s.codec_type === 'video').length,
    audio: out.streams.filter((s) => s.codec_type === 'audio').length,
    duration: Number(out.format.duration),
  };
}

function freshDir(): string {
  return mkdtempSync(join(root, 'store-'));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'onedoor-recording-'));
  kioskWebm = makeWebm(join(root, 'kiosk.webm'), 440, 'testsrc');
  phoneWebm = makeWebm(join(root, 'phone.webm'), 660, 'testsrc2');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the recording store', () => {
  it('stores both parties in one encrypted file that opens to 2 videos and 2 voices', async () => {
    const dir = freshDir();
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 30, now: () => new Date('2026-12-03T10:00:00Z') });
    const stored = await store.store(CASE_ID, [{ party: 'phone', webm: phoneWebm }, { party: 'kiosk', webm: kioskWebm }]);
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(stored.value.keepUntil).toBe('2027-01-02T10:00:00.000Z');
    expect(stored.value.durationSeconds).toBeGreaterThan(1.5);
    expect(stored.value.durationSeconds).toBeLessThan(2.5);
    // Only the sealed file and its index are left: no plaintext, no working folder.
    expect(readdirSync(dir).sort()).toEqual([`${CASE_ID}.json`, `${CASE_ID}.mkv.enc`]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const opened = await store.open(CASE_ID);
    expect(opened).not.toBeNull();
    if (!opened) return;
    expect(opened.byteLength).toBe(stored.value.bytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(opened).digest('hex')).toBe(stored.value.sha256);
    const out = join(root, 'opened.mkv');
    writeFileSync(out, opened);
    const streams = probeStreams(out);
    expect(streams.video).toBe(2);
    expect(streams.audio).toBe(2);
    expect(streams.duration).toBeCloseTo(stored.value.durationSeconds, 0);

    // The stored bytes do not carry the recording in clear.
    const sealed = readFileSync(join(dir, `${CASE_ID}.mkv.enc`));
    expect(sealed.subarray(0, 6).toString('ascii')).toBe('ODREC1');
    expect(sealed.includes(Buffer.from(opened.subarray(0, 64)))).toBe(false);
    expect(sealed.includes(Buffer.from(opened.subarray(4096, 4160)))).toBe(false);
  });

  it('does not open a changed file, another case, or with another key', async () => {
    const dir = freshDir();
    const messages: string[] = [];
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 30, log: (m) => messages.push(m) });
    const stored = await store.store(CASE_ID, [{ party: 'kiosk', webm: kioskWebm }, { party: 'phone', webm: phoneWebm }]);
    expect(stored.ok).toBe(true);
    const file = join(dir, `${CASE_ID}.mkv.enc`);
    const sealed = readFileSync(file);

    // Renamed to another case: the case id is bound in.
    writeFileSync(join(dir, 'case-0002-abcdef.mkv.enc'), sealed);
    expect(await store.open('case-0002-abcdef')).toBeNull();

    const otherKey = createRecordingStore({ dir, key: new Uint8Array(32).fill(9), retentionDays: 30 });
    expect(await otherKey.open(CASE_ID)).toBeNull();

    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 100] = (tampered[tampered.length - 100] ?? 0) ^ 0x01;
    writeFileSync(file, tampered);
    expect(await store.open(CASE_ID)).toBeNull();
    expect(messages.some((m) => m.includes(CASE_ID) && m.includes('does not decrypt'))).toBe(true);
    expect(await store.open('case-unknown-1')).toBeNull();
    expect(await store.open('../../etc/passwd')).toBeNull();
  });

  it('deletes recordings past their retention and keeps the others', async () => {
    const dir = freshDir();
    let clock = new Date('2026-12-01T08:00:00Z');
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 7, now: () => clock });
    expect((await store.store('case-old-000001', [{ party: 'kiosk', webm: kioskWebm }, { party: 'phone', webm: phoneWebm }])).ok).toBe(true);
    clock = new Date('2026-12-05T08:00:00Z');
    expect((await store.store('case-new-000002', [{ party: 'kiosk', webm: kioskWebm }, { party: 'phone', webm: phoneWebm }])).ok).toBe(true);

    expect(await store.purgeExpired(new Date('2026-12-07T08:00:00Z'))).toBe(0);
    expect(await store.purgeExpired(new Date('2026-12-09T08:00:00Z'))).toBe(1);
    expect(await store.open('case-old-000001')).toBeNull();
    expect(await store.open('case-new-000002')).not.toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['case-new-000002.json', 'case-new-000002.mkv.enc']);
    expect(await store.purgeExpired(new Date('2026-12-13T08:00:00Z'))).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says ffmpegMissing when ffmpeg is not installed, and leaves nothing behind', async () => {
    const dir = freshDir();
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 30, ffmpegPath: join(root, 'no-such-ffmpeg') });
    const stored = await store.store(CASE_ID, [{ party: 'kiosk', webm: kioskWebm }, { party: 'phone', webm: phoneWebm }]);
    expect(stored).toEqual({ ok: false, error: 'ffmpegMissing' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says undecodable for parts that are not media, and leaves nothing behind', async () => {
    const dir = freshDir();
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 30 });
    const garbage = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
    const stored = await store.store(CASE_ID, [{ party: 'kiosk', webm: garbage }, { party: 'phone', webm: phoneWebm }]);
    expect(stored).toEqual({ ok: false, error: 'undecodable' });
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.store(CASE_ID, [])).toEqual({ ok: false, error: 'undecodable' });
  });
});

describe('what the recording store refuses and sweeps', () => {
  it('refuses a segment without sound, with one picture only, or too short: the case cannot be approved on it', async () => {
    const silent = new Uint8Array(
      (execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=160x120:rate=15', '-c:v', 'libvpx', '-deadline', 'realtime', join(root, 'silent.webm')]),
      readFileSync(join(root, 'silent.webm'))),
    );
    const store = createRecordingStore({ dir: freshDir(), key: KEY, retentionDays: 30 });
    expect(await store.store(CASE_ID, [{ party: 'phone', webm: silent }, { party: 'kiosk', webm: silent }])).toEqual({ ok: false, error: 'undecodable' });
    expect(await store.store(CASE_ID, [{ party: 'phone', webm: phoneWebm }])).toEqual({ ok: false, error: 'undecodable' });
    const longer = createRecordingStore({ dir: freshDir(), key: KEY, retentionDays: 30, minSeconds: 5 });
    expect(await longer.store(CASE_ID, [{ party: 'phone', webm: phoneWebm }, { party: 'kiosk', webm: kioskWebm }])).toEqual({ ok: false, error: 'undecodable' });
  });

  it('sweeps plaintext a crash left in a working folder, and removes one recording on request', async () => {
    const dir = freshDir();
    const store = createRecordingStore({ dir, key: KEY, retentionDays: 30 });
    expect((await store.store(CASE_ID, [{ party: 'phone', webm: phoneWebm }, { party: 'kiosk', webm: kioskWebm }])).ok).toBe(true);
    // As a SIGKILL mid-mux leaves it.
    const crashed = join(dir, '.work-crashed');
    execFileSync('mkdir', ['-p', crashed]);
    writeFileSync(join(crashed, '0-kiosk.webm'), kioskWebm);
    writeFileSync(join(dir, `${CASE_ID}.mkv.enc.abc.tmp`), 'partial');
    await store.purgeExpired(new Date('2026-12-03T10:00:00Z'));
    expect(readdirSync(dir).sort()).toEqual([`${CASE_ID}.json`, `${CASE_ID}.mkv.enc`]);
    await store.remove(CASE_ID);
    expect(readdirSync(dir)).toEqual([]);
    expect(await store.open(CASE_ID)).toBeNull();
  });
});

describe('the recording key', () => {
  it('is made once, owner-only, and read back the same', () => {
    const dir = freshDir();
    const first = loadOrCreateRecordingKey(dir);
    expect(first.ok).toBe(true);
    expect(statSync(join(dir, 'recording.key')).mode & 0o777).toBe(0o600);
    const again = loadOrCreateRecordingKey(dir);
    expect(again.ok && first.ok && Buffer.from(again.value).equals(Buffer.from(first.value))).toBe(true);
    expect(first.ok && first.value.byteLength).toBe(32);
  });

  it('is not replaced when the file is damaged (old recordings would be lost)', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'recording.key'), 'not a key\n');
    const loaded = loadOrCreateRecordingKey(dir);
    expect(loaded.ok).toBe(false);
    expect(readFileSync(join(dir, 'recording.key'), 'utf8')).toBe('not a key\n');
  });
});
