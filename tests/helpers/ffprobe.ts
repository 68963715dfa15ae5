/**
 * What a media file holds, as ffprobe (Debian's ffmpeg) reads it: each
 * stream's kind and codec and the file's duration. For tests of the proxy
 * call's recording and the fake media. A file ffprobe cannot read is a value.
 */
import { execFile } from 'node:child_process';
import { z } from 'zod';
import { err, ok, type Result } from '../../domain/result';

export interface ProbedStream {
  index: number;
  type: 'video' | 'audio' | 'subtitle' | 'data' | 'attachment' | 'unknown';
  codec: string;
  width?: number;
  height?: number;
  sampleRate?: number;
  channels?: number;
}

export interface ProbedMedia {
  format: string;
  /** Seconds, from the container (null when it does not say). */
  duration: number | null;
  streams: ProbedStream[];
}

const FfprobeJson = z.object({
  streams: z.array(
    z.object({
      index: z.number(),
      codec_type: z.string().optional(),
      codec_name: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      sample_rate: z.string().optional(),
      channels: z.number().optional(),
    }),
  ),
  format: z.object({ format_name: z.string(), duration: z.string().optional() }),
});

const KINDS = new Set(['video', 'audio', 'subtitle', 'data', 'attachment']);

export function probeMedia(file: string): Promise<Result<ProbedMedia, string>> {
  return new Promise((resolve) => {
    execFile('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        resolve(err((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ffprobe is not installed: apt-get install -y ffmpeg' : stderr.trim() || error.message));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(stdout);
      } catch {
        resolve(err('ffprobe printed no JSON'));
        return;
      }
      const read = FfprobeJson.safeParse(parsed);
      if (!read.success) {
        resolve(err(`ffprobe's JSON was not as expected: ${read.error.message}`));
        return;
      }
      const duration = read.data.format.duration === undefined ? null : Number(read.data.format.duration);
      resolve(
        ok({
          format: read.data.format.format_name,
          duration: duration !== null && Number.isFinite(duration) ? duration : null,
          streams: read.data.streams.map((s) => ({
            index: s.index,
            type: (KINDS.has(s.codec_type ?? '') ? s.codec_type : 'unknown') as ProbedStream['type'],
            codec: s.codec_name ?? 'unknown',
            ...(s.width !== undefined ? { width: s.width } : {}),
            ...(s.height !== undefined ? { height: s.height } : {}),
            ...(s.sample_rate !== undefined ? { sampleRate: Number(s.sample_rate) } : {}),
            ...(s.channels !== undefined ? { channels: s.channels } : {}),
          })),
        }),
      );
    });
  });
}
