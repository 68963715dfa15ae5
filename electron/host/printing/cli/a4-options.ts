/** Options shared by the `a4` commands: which queue on which CUPS server. */
import { parseOptions, type OptionError } from '../../../../drivers/cli/args';
import { err, ok, type Result } from '../../../../domain/result';

/** Where the A4 queue is. */
export interface QueueTarget {
  queue: string;
  server: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,127}$/;
const SERVER = /^[A-Za-z0-9.\-[\]:]{1,255}$/;

export const DEFAULT_QUEUE = 'onedoor-a4';
export const DEFAULT_SERVER = 'localhost';

/** Parsed options of an `a4` command. */
export interface A4Options {
  help: boolean;
  target: QueueTarget;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
}

/** Parses `--queue`, `--server`, `--json` and the command's own `extra` string options; a usage error when they are bad. */
export function parseA4Options(args: readonly string[], extra: readonly string[] = []): Result<A4Options, OptionError> {
  const parsed = parseOptions(args, {
    queue: { type: 'string' },
    server: { type: 'string' },
    json: { type: 'boolean' },
    ...Object.fromEntries(extra.map((name) => [name, { type: 'string' as const }])),
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed.value;
  const queue = typeof values.queue === 'string' ? values.queue : DEFAULT_QUEUE;
  const server = typeof values.server === 'string' ? values.server : DEFAULT_SERVER;
  if (!QUEUE_NAME.test(queue))
    return err({ kind: 'badValue', name: 'queue', expected: 'a CUPS queue name (letters, digits, dash, underscore)', got: queue });
  if (!SERVER.test(server)) return err({ kind: 'badValue', name: 'server', expected: 'host[:port]', got: server });
  return ok({ help: values.help === true, target: { queue, server }, json: values.json === true, values });
}
