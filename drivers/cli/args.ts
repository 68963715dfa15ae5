/**
 * Option parsing for the CLI on top of node:util parseArgs: strict, and
 * failures as values (`{ error }`), never throws.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed options, or why they could not be parsed. */
export type ParsedOptions<V> = { ok: true; values: V; positionals: string[] } | { ok: false; error: string };

/** Parses `args` against `options` (no positionals unless `allowPositionals`). `--help`/`-h` is always accepted. */
export function parseOptions<O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = false,
): ParsedOptions<Record<string, string | boolean | undefined>> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
    return { ok: true, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads a positive integer option; `undefined` gives `fallback`. */
export function positiveInt(
  name: string,
  raw: string | boolean | undefined,
  fallback: number,
): { ok: true; value: number } | { ok: false; error: string } {
  if (raw === undefined) return { ok: true, value: fallback };
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    return { ok: false, error: `--${name} must be a positive integer, got ${String(raw)}` };
  }
  return { ok: true, value: Number(raw) };
}

/** Reads a baud option: any positive integer, defaulting to 115200. */
export function baudRate(
  name: string,
  raw: string | boolean | undefined,
): { ok: true; value: number } | { ok: false; error: string } {
  return positiveInt(name, raw, 115_200);
}

/** A required string option. */
export function requiredString(
  name: string,
  raw: string | boolean | undefined,
): { ok: true; value: string } | { ok: false; error: string } {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, error: `--${name} is required` };
  return { ok: true, value: raw };
}
