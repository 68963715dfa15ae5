/**
 * Entry point of the browser host: `tsx electron/host/serve-main.ts [--config FILE] [--port N]`.
 * Loads and validates the config (a bad one stops start-up naming the field),
 * starts the host and serves the renderer on 127.0.0.1. The browser host runs
 * from a checkout (development, tests, demonstrations): without a config file
 * it runs the embedded simulation defaults and says so on stderr.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfigFile } from './config/load';
import { createHost } from './create-host';
import { redactText } from './log/redact';
import { startBrowserHost } from './serve';

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
    process.stderr.write(`OneDoor cannot start. ${loaded.message}\n`);
    return 78; // EX_CONFIG
  }
  const config = loaded.config;
  if (!configPath) process.stderr.write('OneDoor: no config file, so the embedded development defaults run: full simulation, sandbox back-end.\n');
  const port = values.port !== undefined ? Number(values.port) : config.server.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`OneDoor cannot start. --port: must be an integer 0–65535, got "${values.port}"\n`);
    return 64;
  }
  const host = createHost(config);
  await host.start();
  const started = await startBrowserHost({
    host,
    rendererDir: resolve(values.renderer ?? resolve(import.meta.dirname, '../../dist/renderer')),
    port,
    maxMessageBytes: config.server.maxMessageBytes,
  });
  if (!started.ok) {
    process.stderr.write(`OneDoor cannot start. ${started.message}\n`);
    await host.stop();
    return 69;
  }
  // A machine-readable line for launchers and tests, then a human one.
  process.stdout.write(`ONEDOOR_URL=${started.server.url}\n`);
  const shutdown = async (signal: string) => {
    host.logger.info({ signal }, 'shutting down');
    await started.server.close();
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
