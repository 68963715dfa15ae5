/**
 * The hall's {@link RecordingStore}: the consent segment's parts are written
 * to a private temporary folder, muxed into one Matroska file, hashed,
 * encrypted with the recording key and stored as `<dir>/<caseId>.mkv.enc`
 * next to `<caseId>.json` (its digest and retention). The plaintext never
 * outlives `store`, whatever happens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProxyCaseId, ProxyRecording } from '../../../../electron/contract/proxy';
import { err, ok, type Result } from '../../../../domain/result';
import type { RecordingPart, RecordingStore } from '../ports';
import { muxParts, probeDuration, probeStreamKinds } from './mux';
import { openRecording, sealRecording } from './recording-cipher';

export interface RecordingStoreOptions {
  /** Where recordings live (made 0700). */
  dir: string;
  /** 32 bytes: see `loadOrCreateRecordingKey`. */
  key: Uint8Array;
  retentionDays: number;
  ffmpegPath?: string;
  ffprobePath?: string;
  now?: () => Date;
  /** What went wrong, in words without personal data (a case id at most). */
  log?: (message: string) => void;
  /** The shortest consent segment kept (seconds; default 1). */
  minSeconds?: number;
}

type StoreRefusal = 'ffmpegMissing' | 'undecodable' | 'writeFailed';

const DAY_MS = 24 * 60 * 60 * 1000;
const ENC_SUFFIX = '.mkv.enc';
const INDEX_SUFFIX = '.json';
/** The parties in a fixed order: the kiosk's tracks first. */
const PARTY_ORDER: readonly RecordingPart['party'][] = ['kiosk', 'phone'];

export function createRecordingStore(options: RecordingStoreOptions): RecordingStore {
  if (options.key.byteLength !== 32) throw new Error('The recording key must be 32 bytes.');
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const ffprobePath = options.ffprobePath ?? 'ffprobe';
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const minSeconds = options.minSeconds ?? 1;
  const encPath = (caseId: string) => join(options.dir, `${caseId}${ENC_SUFFIX}`);
  const indexPath = (caseId: string) => join(options.dir, `${caseId}${INDEX_SUFFIX}`);

  /** Writes beside the target, then renames: a reader sees the old file or the whole new one. */
  async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async function muxAndSeal(caseId: string, parts: readonly RecordingPart[], work: string): Promise<Result<ProxyRecording, StoreRefusal>> {
    const ordered = [...parts].sort((a, b) => PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party));
    const inputs = [];
    for (const [i, part] of ordered.entries()) {
      const path = join(work, `${i}-${part.party}.webm`);
      await writeFile(path, part.webm, { mode: 0o600 });
      inputs.push({ path, title: part.party });
    }
    const muxed = join(work, 'consent.mkv');
    const mux = await muxParts(ffmpegPath, inputs, muxed);
    if (!mux.ok) return mux;
    const duration = await probeDuration(ffprobePath, muxed);
    if (!duration.ok) return duration;
    // Evidence of consent is both people seen and the statement heard: anything less is not stored.
    const kinds = await probeStreamKinds(ffprobePath, muxed);
    if (!kinds.ok) return kinds;
    if (kinds.value.video < 2 || kinds.value.audio < 1 || duration.value < minSeconds) {
      log(`recording ${caseId}: incomplete (${kinds.value.video} video, ${kinds.value.audio} audio, ${duration.value.toFixed(1)} s)`);
      return err('undecodable');
    }
    const plaintext = await readFile(muxed);
    await rm(muxed, { force: true });
    const storedAt = now();
    const recording: ProxyRecording = {
      sha256: createHash('sha256').update(plaintext).digest('hex'),
      bytes: plaintext.length,
      durationSeconds: Math.round(duration.value * 1000) / 1000,
      storedAt: storedAt.toISOString(),
      keepUntil: new Date(storedAt.getTime() + options.retentionDays * DAY_MS).toISOString(),
    };
    const sealed = sealRecording(options.key, caseId, plaintext);
    plaintext.fill(0);
    try {
      await writeAtomically(encPath(caseId), sealed);
      await writeAtomically(indexPath(caseId), `${JSON.stringify(recording)}\n`);
    } catch {
      log(`recording ${caseId}: could not be written`);
      await rm(encPath(caseId), { force: true });
      return err('writeFailed');
    }
    return ok(recording);
  }

  return {
    async store(caseId, parts) {
      if (!ProxyCaseId.safeParse(caseId).success) return err('writeFailed');
      if (parts.length === 0 || parts.some((part) => part.webm.byteLength === 0)) return err('undecodable');
      let work: string | null = null;
      try {
        await mkdir(options.dir, { recursive: true, mode: 0o700 });
        // mkdtemp makes the folder 0700: the plaintext is readable by the hall's user only.
        work = await mkdtemp(join(options.dir, '.work-'));
      } catch {
        log(`recording ${caseId}: no working folder`);
        return err('writeFailed');
      }
      try {
        const stored = await muxAndSeal(caseId, parts, work);
        if (!stored.ok) log(`recording ${caseId}: not stored (${stored.error})`);
        return stored;
      } catch {
        log(`recording ${caseId}: could not be written`);
        return err('writeFailed');
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },

    async open(caseId) {
      if (!ProxyCaseId.safeParse(caseId).success) return null;
      let sealed: Buffer;
      try {
        sealed = await readFile(encPath(caseId));
      } catch {
        return null;
      }
      const plaintext = openRecording(options.key, caseId, sealed);
      if (!plaintext) log(`recording ${caseId}: does not decrypt (changed, or another key)`);
      return plaintext ? new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength) : null;
    },

    async remove(caseId) {
      if (!ProxyCaseId.safeParse(caseId).success) return;
      await rm(encPath(caseId), { force: true });
      await rm(indexPath(caseId), { force: true });
    },

    async purgeExpired(at) {
      let names: string[];
      try {
        names = await readdir(options.dir);
      } catch {
        return 0;
      }
      let purged = 0;
      for (const name of names) {
        // Plaintext a crash (power, SIGKILL) left mid-store: never kept.
        if (name.startsWith('.work-') || name.endsWith('.tmp')) {
          await rm(join(options.dir, name), { recursive: true, force: true });
          continue;
        }
        if (!name.endsWith(INDEX_SUFFIX)) continue;
        const caseId = name.slice(0, -INDEX_SUFFIX.length);
        if (!ProxyCaseId.safeParse(caseId).success) continue;
        const keepUntil = await readKeepUntil(indexPath(caseId));
        if (keepUntil === null || keepUntil.getTime() > at.getTime()) continue;
        await rm(encPath(caseId), { force: true });
        await rm(indexPath(caseId), { force: true });
        purged += 1;
      }
      return purged;
    },
  };
}

const IndexEntry = ProxyRecording.pick({ keepUntil: true }).passthrough();

async function readKeepUntil(path: string): Promise<Date | null> {
  try {
    const parsed = IndexEntry.safeParse(JSON.parse(await readFile(path, 'utf8')) as unknown);
    return parsed.success ? new Date(parsed.data.keepUntil) : null;
  } catch {
    return null;
  }
}

