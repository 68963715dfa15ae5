/**
 * Option parsing for the CLI on top of node:util parseArgs: strict, and
 * failures as values (`Result` with an {@link OptionError}), never throws.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { err, ok, type Result } from '../../domain/result';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Why the command line is bad usage. */
export type OptionError =
  /** parseArgs refused it (an unknown option, a missing value, a stray positional); its message names which. */
  | { kind: 'unparsable'; message: string }
  | { kind: 'required'; name: string }
  | { kind: 'notPositiveInteger'; name: string; got: string }
  | { kind: 'notOneOf'; name: string; allowed: readonly string[]; got: string }
  /** A value of the wrong shape, with what the shape is (`a CUPS queue name`). */
  | { kind: 'badValue'; name: string; expected: string; got: string };

/** The usage error in words, printed above the command's help. */
export function describeOptionError(error: OptionError): string {
  switch (error.kind) {
    case 'unparsable':
      return error.message;
    case 'required':
      return `--${error.name} is required`;
    case 'notPositiveInteger':
      return `--${error.name} must be a positive integer, got ${error.got}`;
    case 'notOneOf':
      return `--${error.name} must be ${oneOf(error.allowed)}, got ${error.got}`;
    case 'badValue':
      return `--${error.name} must be ${error.expected}, got ${error.got}`;
  }
}

/** `a`, `a or b`, `a, b or c`. */
function oneOf(allowed: readonly string[]): string {
  return allowed.length <= 1 ? (allowed[0] ?? '') : `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
}

/** Parsed options and positionals. */
export interface ParsedValues<V> {
  values: V;
  positionals: string[];
}

/** Parsed options, or why they could not be parsed. */
export type ParsedOptions<V> = Result<ParsedValues<V>, OptionError>;

/** The value of an option, or the usage error. */
export type OptionResult<T> = Result<T, OptionError>;

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
    return ok({ values: values as Record<string, string | boolean | undefined>, positionals });
  } catch (error) {
    return err({ kind: 'unparsable', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Reads a positive integer option; `undefined` gives `fallback`. */
export function positiveInt(name: string, raw: string | boolean | undefined, fallback: number): OptionResult<number> {
  if (raw === undefined) return ok(fallback);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    return err({ kind: 'notPositiveInteger', name, got: String(raw) });
  }
  return ok(Number(raw));
}

/** Reads a baud option: any positive integer, defaulting to 115200. */
export function baudRate(name: string, raw: string | boolean | undefined): OptionResult<number> {
  return positiveInt(name, raw, 115_200);
}

/** A required string option. */
export function requiredString(name: string, raw: string | boolean | undefined): OptionResult<string> {
  if (typeof raw !== 'string' || raw.length === 0) return err({ kind: 'required', name });
  return ok(raw);
}

/** One of `allowed`; `undefined` gives `fallback`. */
export function oneOfOption<T extends string>(
  name: string,
  raw: string | boolean | undefined,
  allowed: readonly T[],
  fallback: T,
): OptionResult<T> {
  if (raw === undefined) return ok(fallback);
  const found = allowed.find((value) => value === raw);
  return found === undefined ? err({ kind: 'notOneOf', name, allowed, got: String(raw) }) : ok(found);
}

/** The first usage error among option results, if any. */
export function firstOptionError(results: ReadonlyArray<OptionResult<unknown> | undefined>): OptionError | undefined {
  for (const result of results) if (result && !result.ok) return result.error;
  return undefined;
}
