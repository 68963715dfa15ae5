/** Reading a request: a capped JSON body, cookies, and zod refusals turned into `badRequest` with the field. */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRefusal = 'tooLarge' | 'malformed';

/** The parsed JSON body (`undefined` when empty). */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Result<unknown, BodyRefusal>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<unknown, BodyRefusal>) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(err('tooLarge'));
        req.resume(); // drain without keeping it
        return;
      }
      if (!done) chunks.push(chunk);
    });
    req.on('error', () => finish(err('malformed')));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish(ok(undefined));
      try {
        finish(ok(JSON.parse(text) as unknown));
      } catch {
        finish(err('malformed'));
      }
    });
  });
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** Validates with a zod schema; on failure the first issue's path names the field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Result<z.infer<S>, { field: string }> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data as z.infer<S>);
  const issue = parsed.error.issues[0];
  return err({ field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body' });
}

/** The raw body's bytes, refused past `maxBytes` (what was read is dropped, the rest drained). */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Result<Uint8Array, BodyRefusal>> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve(err('tooLarge'));
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Result<Uint8Array, BodyRefusal>) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks = [];
        finish(err('tooLarge'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish(err('malformed')));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      finish(ok(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)));
    });
  });
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
