/** Where main tells the host to read its config from. */
import path from 'node:path';

export interface ConfigPathInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists(filePath: string): boolean;
}

/** The installer's config location per platform. */
export function systemConfigPath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'OneDoor', 'config.json');
  return '/etc/onedoor/config.json';
}

/**
 * `--config=FILE` on the command line, else `ONEDOOR_CONFIG`, else the
 * system location if a file is there, else undefined (the host's embedded
 * defaults: everything simulated, sandbox back-end).
 */
export function resolveConfigPath({ argv, env, platform, exists }: ConfigPathInputs): string | undefined {
  const flag = argv.find((arg) => arg.startsWith('--config='));
  if (flag && flag.length > '--config='.length) return flag.slice('--config='.length);
  if (env.ONEDOOR_CONFIG) return env.ONEDOOR_CONFIG;
  const system = systemConfigPath(platform, env);
  return exists(system) ? system : undefined;
}
