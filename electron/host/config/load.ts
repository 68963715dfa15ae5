/**
 * Reads and validates the config file. A bad config is a value naming the
 * field and the reason, so start-up can stop with a message an installer can act on.
 */
import { readFile } from 'node:fs/promises';
import { KioskConfig, type KioskConfigInput } from './schema';
import type { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';

/** Why a config was refused: a message for the installer and the problems one per line. */
export type ConfigProblem = { message: string; problems: string[] };
export type ConfigResult = Result<KioskConfig, ConfigProblem>;

/** Validates an already-parsed config object. */
export function parseConfig(input: unknown, source = 'config'): ConfigResult {
  const parsed = KioskConfig.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => `${fieldName(issue.path)}: ${describeIssue(issue)}`);
  return err({ problems, message: `Invalid ${source}:\n  - ${problems.join('\n  - ')}` });
}

/**
 * The config a development host runs without a file: full simulation. Only
 * development gets here: a packaged app refuses to start without a config
 * file (electron/main/config-path.ts).
 */
export const DEVELOPMENT_CONFIG = { simulation: true } as const satisfies KioskConfigInput;

/** Reads a JSON config file; no path means the development defaults ({@link DEVELOPMENT_CONFIG}). */
export async function loadConfigFile(path: string | undefined): Promise<ConfigResult> {
  if (!path) return parseConfig(DEVELOPMENT_CONFIG, 'embedded development defaults');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const problem = code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code})`;
    return err({ problems: [problem], message: `Invalid config: ${problem}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = `not valid JSON: ${(error as Error).message}`;
    return err({ problems: [problem], message: `Invalid config file ${path}: ${problem}` });
  }
  return parseConfig(json, `config file ${path}`);
}

/** The development (simulation) defaults with `overrides`, typed, for tests and tools that read no file. */
export function defaultConfig(overrides: Partial<KioskConfigInput> = {}): KioskConfig {
  return KioskConfig.parse({ ...DEVELOPMENT_CONFIG, ...overrides });
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
