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

/** `--config=FILE` or `--config FILE` (as README and the browser host accept it), if given. */
export function configFlag(argv: readonly string[]): string | undefined {
  const joined = argv.find((arg) => arg.startsWith('--config='));
  if (joined && joined.length > '--config='.length) return joined.slice('--config='.length);
  const at = argv.indexOf('--config');
  const next = at >= 0 ? argv[at + 1] : undefined;
  return next && !next.startsWith('--') ? next : undefined;
}

/**
 * `--config FILE` on the command line, else `ONEDOOR_CONFIG`, else the
 * system location if a file is there, else undefined (no config file).
 */
export function resolveConfigPath({ argv, env, platform, exists }: ConfigPathInputs): string | undefined {
  const flag = configFlag(argv);
  if (flag) return flag;
  if (env.ONEDOOR_CONFIG) return env.ONEDOOR_CONFIG;
  const system = systemConfigPath(platform, env);
  return exists(system) ? system : undefined;
}

/** The config a launch uses: a file, or (development only) the host's embedded simulation defaults. */
export type LaunchConfig =
  | { kind: 'file'; path: string }
  | { kind: 'developmentDefaults' }
  | { kind: 'missing'; message: string };

/**
 * A packaged kiosk never starts without a config file: with none it would
 * run the embedded simulation defaults in a hall. The message says where it
 * looked, for the installer. An unpackaged app (development) runs simulated.
 */
export function launchConfig(inputs: ConfigPathInputs & { packaged: boolean }): LaunchConfig {
  const found = resolveConfigPath(inputs);
  if (found) return { kind: 'file', path: found };
  if (!inputs.packaged) return { kind: 'developmentDefaults' };
  const looked = ['--config FILE on the command line', 'the ONEDOOR_CONFIG environment variable', systemConfigPath(inputs.platform, inputs.env)];
  return { kind: 'missing', message: `OneDoor cannot start: no config file. Looked at ${looked.join(', ')}. Write the kiosk's config there (see README, "Configuration and real devices").` };
}
