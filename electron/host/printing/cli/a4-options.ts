/** Options shared by the `a4` commands: which queue on which CUPS server. */
import { parseOptions } from '../../../../drivers/cli/args';

/** Where the A4 queue is. */
export interface QueueTarget {
  queue: string;
  server: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,127}$/;
const SERVER = /^[A-Za-z0-9.\-[\]:]{1,255}$/;

export const DEFAULT_QUEUE = 'onedoor-a4';
export const DEFAULT_SERVER = 'localhost';

/** Parsed options of an `a4` command, or why they are bad usage. */
export type A4Options =
  | {
      ok: true;
      help: boolean;
      target: QueueTarget;
      json: boolean;
      values: Record<string, string | boolean | undefined>;
    }
  | { ok: false; error: string };

/** Parses `--queue`, `--server`, `--json` and the command's own `extra` string options. */
export function parseA4Options(args: readonly string[], extra: readonly string[] = []): A4Options {
  const parsed = parseOptions(args, {
    queue: { type: 'string' },
    server: { type: 'string' },
    json: { type: 'boolean' },
    ...Object.fromEntries(extra.map((name) => [name, { type: 'string' as const }])),
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  const queue = typeof values.queue === 'string' ? values.queue : DEFAULT_QUEUE;
  const server = typeof values.server === 'string' ? values.server : DEFAULT_SERVER;
  if (!QUEUE_NAME.test(queue))
    return { ok: false, error: `--queue must be a CUPS queue name (letters, digits, dash, underscore), got ${queue}` };
  if (!SERVER.test(server)) return { ok: false, error: `--server must be host[:port], got ${server}` };
  return { ok: true, help: values.help === true, target: { queue, server }, json: values.json === true, values };
}
