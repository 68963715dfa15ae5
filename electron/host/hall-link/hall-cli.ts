/**
 * `npm run device -- hall check`: connects with the kiosk's configured hall
 * credentials and says connected (with the round-trip time) or refused and
 * why. Exit codes as the diagnostics CLI's: 0 connected, 2 refused or no
 * hall configured, 64 bad usage.
 */
import { parseArgs } from 'node:util';
import type { Result } from '../../../domain/result';
import { EXIT, type ExitCode } from '../../../drivers/cli/exit-codes';
import type { CliIo } from '../../../drivers/cli/io';
import { loadConfigFile } from '../config/load';
import { checkHall, type HallCheckFailure } from './check';
import { describeHallSettingsProblem, resolveHallSettings, type HallLinkSettings } from './credentials';

export const HALL_KIND_LINE = '  hall                   the hall link (config `hall`): check the broker connection';

export const HALL_HELP = `Usage: hall check [--config FILE] [--json]

Connects to the hall's MQTT broker with this kiosk's credentials (config
"hall", its credentials file, or the file the hall wrote on this machine),
reports connected with the round-trip time, or refused and why.

Options:
  --config FILE          the kiosk config (default $ONEDOOR_CONFIG, then the usual places)
  --json                 print one JSON object: {ok, url, roundTripMs, refusal, detail}
  -h, --help             show this help

Exit codes: 0 connected; 2 refused, unreachable or no hall configured; 64 bad usage.`;

export interface HallCliDeps {
  settings(configPath: string | undefined): Promise<Result<{ kioskId: string; settings: HallLinkSettings }, string>>;
  check(kioskId: string, settings: HallLinkSettings): ReturnType<typeof checkHall>;
}

export function defaultHallCliDeps(): HallCliDeps {
  return {
    async settings(configPath) {
      const loaded = await loadConfigFile(configPath ?? process.env.ONEDOOR_CONFIG);
      if (!loaded.ok) return { ok: false, error: loaded.error.message };
      const resolved = resolveHallSettings(loaded.value.kioskId, loaded.value.hall);
      if (!resolved.ok) return { ok: false, error: describeHallSettingsProblem(resolved.error) };
      if (!resolved.value) return { ok: false, error: 'no hall is configured (config "hall", or the hall\'s file for this kiosk)' };
      return { ok: true, value: { kioskId: loaded.value.kioskId, settings: resolved.value } };
    },
    check: (kioskId, settings) => checkHall(kioskId, settings),
  };
}

export async function runHall(args: readonly string[], io: CliIo, deps: HallCliDeps = defaultHallCliDeps()): Promise<ExitCode> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    if (command === undefined) io.err(`missing command\n\n${HALL_HELP}`);
    else io.out(HALL_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command !== 'check') {
    io.err(`unknown command "hall ${command}"\n\n${HALL_HELP}`);
    return EXIT.usage;
  }
  let values: { config?: string; json?: boolean };
  try {
    values = parseArgs({ args: [...rest], options: { config: { type: 'string' }, json: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HALL_HELP}`);
    return EXIT.usage;
  }
  const resolved = await deps.settings(values.config);
  if (!resolved.ok) {
    if (values.json) io.out(JSON.stringify({ ok: false, url: null, roundTripMs: null, refusal: 'notConfigured', detail: resolved.error }));
    else io.err(`hall: ${resolved.error}`);
    return EXIT.deviceError;
  }
  const { kioskId, settings } = resolved.value;
  const result = await deps.check(kioskId, settings);
  if (values.json) {
    io.out(JSON.stringify({ ok: result.ok, url: settings.url, roundTripMs: result.ok ? result.value.roundTripMs : null, refusal: result.ok ? null : result.error.refusal, detail: result.ok ? null : result.error.detail }));
  } else if (result.ok) {
    io.out(hallCheckLine(settings, result));
  } else {
    io.err(hallCheckLine(settings, result));
  }
  return result.ok ? EXIT.ok : EXIT.deviceError;
}

/** `hall check`'s line (also the maintenance screen's). */
export function hallCheckLine(settings: Pick<HallLinkSettings, 'url' | 'username'>, result: Awaited<ReturnType<typeof checkHall>>): string {
  return result.ok
    ? `hall ${settings.url}: connected as ${settings.username}, round trip ${result.value.roundTripMs} ms`
    : `hall ${settings.url}: refused — ${explain(result.error)}`;
}

function explain(failure: HallCheckFailure): string {
  switch (failure.refusal) {
    case 'serverUntrusted':
      return `the broker's certificate is not signed by the hall CA this kiosk trusts (${failure.detail})`;
    case 'serverNameMismatch':
      return `the broker's certificate is for another host name (${failure.detail})`;
    case 'badCredentials':
      return 'the broker refused this kiosk\'s username or password (ask the hall for new credentials)';
    case 'notAuthorized':
      return `the broker does not allow this kiosk (${failure.detail})`;
    case 'unreachable':
      return `nothing answers at that address (${failure.detail})`;
    case 'timeout':
      return failure.detail;
    case 'other':
      return failure.detail;
  }
}
