/**
 * What the console makes of one answer of the hall server: the answer by
 * `schema` when the status is good, the server's error by `failure` when it
 * is not, and `badAnswer` / `internal` when neither parses (a proxy's HTML
 * error page or a cut connection: the server's words are lost).
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';

export async function readAnswer<T, F>(response: Response, schema: z.ZodType<T>, failure: z.ZodType<F>): Promise<Result<T, F | { error: 'badAnswer' | 'internal' }>> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return err(response.ok ? { error: 'badAnswer' } : { error: response.status >= 500 ? 'internal' : 'badAnswer' });
  }
  if (!response.ok) {
    const parsed = failure.safeParse(json);
    return err(parsed.success ? parsed.data : { error: 'badAnswer' });
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err({ error: 'badAnswer' });
}
