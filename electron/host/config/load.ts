/**
 * Reads and validates the config file. A bad config is a value naming the
 * field and the reason, so start-up can stop with a message an installer can act on.
 */
import { readFile } from 'node:fs/promises';
import { KioskConfig, type KioskConfigInput } from './schema';
import type { z } from 'zod';

export type ConfigResult = { ok: true; config: KioskConfig } | { ok: false; message: string; problems: string[] };

/** Validates an already-parsed config object. */
export function parseConfig(input: unknown, source = 'config'): ConfigResult {
  const parsed = KioskConfig.safeParse(input ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${fieldName(issue.path)}: ${describeIssue(issue)}`);
  return { ok: false, problems, message: `Invalid ${source}:\n  - ${problems.join('\n  - ')}` };
}

/** Reads a JSON config file; a missing path means the embedded defaults. */
export async function loadConfigFile(path: string | undefined): Promise<ConfigResult> {
  if (!path) return parseConfig({}, 'embedded defaults');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const problem = code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code})`;
    return { ok: false, problems: [problem], message: `Invalid config: ${problem}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = `not valid JSON: ${(error as Error).message}`;
    return { ok: false, problems: [problem], message: `Invalid config file ${path}: ${problem}` };
  }
  return parseConfig(json, `config file ${path}`);
}

/** The defaults, for code that wants them typed without reading a file. */
export function defaultConfig(overrides: KioskConfigInput = {}): KioskConfig {
  return KioskConfig.parse(overrides);
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
