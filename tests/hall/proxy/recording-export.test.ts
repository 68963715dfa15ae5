/**
 * `npm run hall -- recording export <caseId> --out FILE`: an auditor gets the
 * decrypted recording (ffprobe reads both parties' tracks), and plain words
 * when the case has none or the target exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateRecordingKey } from '../../../hall/server/proxy/recording/recording-key';
import { recordingPaths } from '../../../hall/server/proxy/recording/recording-paths';
import { createRecordingStore } from '../../../hall/server/proxy/recording/recording-store';

const CASE_ID = 'case-export-0001';
let hallDir: string;

function webm(path: string, frequency: number): Uint8Array {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x120:rate=10', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=1`, '-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus', '-shortest', path]);
  return new Uint8Array(readFileSync(path));
}

function hall(args: string[]) {
  return spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/hall.ts', ...args], { encoding: 'utf8', env: { ...process.env, ONEDOOR_HALL_DIR: hallDir }, timeout: 50_000 });
}

beforeAll(async () => {
  hallDir = mkdtempSync(join(tmpdir(), 'onedoor-hall-export-'));
  const paths = recordingPaths(hallDir);
  const key = loadOrCreateRecordingKey(paths.keyDir);
  if (!key.ok) throw new Error('no key');
  const store = createRecordingStore({ dir: paths.dir, key: key.value, retentionDays: 30 });
  const stored = await store.store(CASE_ID, [{ party: 'kiosk', webm: webm(join(hallDir, 'k.webm'), 440) }, { party: 'phone', webm: webm(join(hallDir, 'p.webm'), 880) }]);
  if (!stored.ok) throw new Error(stored.error);
}, 60_000);
afterAll(() => rmSync(hallDir, { recursive: true, force: true }));

describe('recording export', () => {
  it('writes the decrypted recording owner-only and says where', () => {
    const out = join(hallDir, 'audit.mkv');
    const run = hall(['recording', 'export', CASE_ID, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const streams = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', out], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(streams).toEqual(['audio', 'audio', 'video', 'video']);

    const again = hall(['recording', 'export', CASE_ID, '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
  }, 60_000);

  it('says so for a case without a recording, and shows usage when asked wrongly', () => {
    const unknown = hall(['recording', 'export', 'case-unknown-0001', '--out', join(hallDir, 'x.mkv')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No readable recording');
    expect(hall(['recording', 'export', CASE_ID]).status).toBe(64);
  }, 60_000);
});
