/**
 * ffmpeg and ffprobe for the consent segment: the parties' WebM files into
 * one Matroska file with every video and audio track (stream copy; a
 * re-encode only when the copy fails), and its duration.
 */
import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../../../domain/result';

export type ToolRefusal = 'missing' | 'failed';

/** Runs a tool to its end; `missing` when it is not installed. Output is kept short (it is never logged whole). */
export function runTool(path: string, args: readonly string[], timeoutMs = 120_000): Promise<Result<string, ToolRefusal>> {
  return new Promise((resolve) => {
    let stdout = '';
    let settled = false;
    const done = (result: Result<string, ToolRefusal>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(err('failed'));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < 64 * 1024) stdout += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => done(err(error.code === 'ENOENT' || error.code === 'EACCES' ? 'missing' : 'failed')));
    child.on('close', (code) => done(code === 0 ? ok(stdout) : err('failed')));
  });
}

export interface MuxInput {
  path: string;
  /** The stream title in the file (`kiosk`, `phone`): an auditor sees whose picture is whose. */
  title: string;
}

function muxArgs(inputs: readonly MuxInput[], out: string, copy: boolean): string[] {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];
  // The officer's uploads are read as Matroska/WebM from a file and nothing else (no playlists, no other protocols).
  for (const input of inputs) args.push('-f', 'matroska', '-protocol_whitelist', 'file', '-i', input.path);
  inputs.forEach((_, i) => args.push('-map', `${i}:v`));
  inputs.forEach((_, i) => args.push('-map', `${i}:a?`));
  inputs.forEach((input, i) => args.push(`-metadata:s:v:${i}`, `title=${input.title}`));
  args.push(...(copy ? ['-c', 'copy'] : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M', '-c:a', 'libopus']));
  args.push('-f', 'matroska', out);
  return args;
}

export async function muxParts(ffmpegPath: string, inputs: readonly MuxInput[], out: string): Promise<Result<null, 'ffmpegMissing' | 'undecodable'>> {
  const copied = await runTool(ffmpegPath, muxArgs(inputs, out, true));
  if (copied.ok) return ok(null);
  if (copied.error === 'missing') return err('ffmpegMissing');
  const encoded = await runTool(ffmpegPath, muxArgs(inputs, out, false));
  if (encoded.ok) return ok(null);
  return err(encoded.error === 'missing' ? 'ffmpegMissing' : 'undecodable');
}

/** The file's duration in seconds (0 when ffprobe cannot say). */
export async function probeDuration(ffprobePath: string, file: string): Promise<Result<number, 'ffmpegMissing' | 'undecodable'>> {
  const probed = await runTool(ffprobePath, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file], 30_000);
  if (!probed.ok) return err(probed.error === 'missing' ? 'ffmpegMissing' : 'undecodable');
  const seconds = Number.parseFloat(probed.value.trim());
  return ok(Number.isFinite(seconds) && seconds >= 0 ? seconds : 0);
}

/** How many video and audio streams the file holds. */
export async function probeStreamKinds(ffprobePath: string, file: string): Promise<Result<{ video: number; audio: number }, 'ffmpegMissing' | 'undecodable'>> {
  const probed = await runTool(ffprobePath, ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'default=noprint_wrappers=1:nokey=1', file], 30_000);
  if (!probed.ok) return err(probed.error === 'missing' ? 'ffmpegMissing' : 'undecodable');
  const kinds = probed.value.split('\n').map((line) => line.trim());
  return ok({ video: kinds.filter((kind) => kind === 'video').length, audio: kinds.filter((kind) => kind === 'audio').length });
}
