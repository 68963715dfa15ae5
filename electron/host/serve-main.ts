/**
 * Entry point of the browser host: `tsx electron/host/serve-main.ts [--config FILE] [--port N]`.
 * Loads and validates the config (a bad one stops start-up naming the field),
 * starts the host and serves the renderer on 127.0.0.1. The browser host runs
 * from a checkout (development, tests, demonstrations): without a config file
 * it runs the embedded simulation defaults and says so on stderr.
 *
 * The launch token: a launcher that opens the kiosk's browser itself (and may
 * restart this host under the page it opened) passes its own in the
 * environment, `ONEDOOR_TOKEN` (never on a command line, which every local
 * user can read), and is told the URL without it. Started alone, the host
 * makes one and prints the launch URL with the token in its fragment, for
 * whoever started it to open.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfigFile } from './config/load';
import { createHost } from './create-host';
import { onCrashLogAndExit } from './log/crash';
import { redactText } from './log/redact';
import { startBrowserHost } from './serve';

/** A launcher's token: long enough not to be guessed, and safe in a URL fragment. */
const LAUNCH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      'print-url': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const configPath = values.config ?? process.env.ONEDOOR_CONFIG;
  const loaded = await loadConfigFile(configPath);
  if (!loaded.ok) {
    process.stderr.write(`OneDoor cannot start. ${loaded.error.message}\n`);
    return 78; // EX_CONFIG
  }
  const config = loaded.value;
  if (!configPath) process.stderr.write('OneDoor: no config file, so the embedded development defaults run: full simulation, sandbox back-end.\n');
  const port = values.port !== undefined ? Number(values.port) : config.server.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`OneDoor cannot start. --port: must be an integer 0–65535, got "${values.port}"\n`);
    return 64;
  }
  const givenToken = process.env.ONEDOOR_TOKEN;
  if (givenToken !== undefined && !LAUNCH_TOKEN_PATTERN.test(givenToken)) {
    process.stderr.write('OneDoor cannot start. ONEDOOR_TOKEN: must be 32 to 256 characters of A-Z, a-z, 0-9, "-" or "_"\n');
    return 64;
  }
  const host = createHost(config);
  // From here a crash is logged through the host's redacting logger (its citizen-name terms included), never raw.
  onCrashLogAndExit(process, host.logger, (code) => process.exit(code));
  await host.start();
  const started = await startBrowserHost({
    host,
    rendererDir: resolve(values.renderer ?? resolve(import.meta.dirname, '../../dist/renderer')),
    port,
    maxMessageBytes: config.server.maxMessageBytes,
    ...(givenToken === undefined ? {} : { token: givenToken }),
  });
  if (!started.ok) {
    process.stderr.write(`OneDoor cannot start. ${started.error.message}\n`);
    await host.stop();
    return 69;
  }
  // A machine-readable line for launchers and tests: with the token only when this process made it.
  process.stdout.write(`ONEDOOR_URL=${givenToken === undefined ? started.value.launchUrl : started.value.url}\n`);
  const shutdown = async (signal: string) => {
    host.logger.info({ signal }, 'shutting down');
    await started.value.close();
    await host.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // Redacted like a log line: a message or path may carry an ID number.
    process.stderr.write(`OneDoor stopped on an unexpected error: ${redactText((error as Error).stack ?? String(error))}\n`);
    process.exit(70);
  },
);
