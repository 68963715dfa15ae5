/**
 * The station journal's command line: `npm run journal -- export --from
 * YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--kind transactions|counters]
 * [--config FILE] [--data-dir DIR]`. Writes CSV for the station's
 * statistics (to stdout without --out). Opens the journal read-only, so it
 * is safe while the kiosk runs.
 *
 * `npm run journal -- reconcile --date YYYY-MM-DD [--config FILE] [--data-dir
 * DIR]`: the day-end reconciliation of the kiosk's payment ledger with the
 * configured payment service's statement (electron/host/payment/reconcile-cli.ts;
 * exit 0 all match, 1 mismatches, 2 the service could not be reached).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfigFile } from '../electron/host/config/load';
import { resolveDataDir } from '../electron/host/data-dir';
import { exportJournalCsv, type ExportKind } from '../electron/host/journal/export-csv';
import { createPaymentFromConfig } from '../electron/host/payment/from-config';
import { runReconcileCommand } from '../electron/host/payment/reconcile-cli';

const USAGE = `Usage: npm run journal -- export --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--kind transactions|counters] [--config FILE] [--data-dir DIR]
       npm run journal -- reconcile --date YYYY-MM-DD [--config FILE] [--data-dir DIR]`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        date: { type: 'string' },
        out: { type: 'string' },
        kind: { type: 'string', default: 'transactions' },
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 64;
  }
  const { values, positionals } = parsed;
  if (!values.help && positionals[0] === 'reconcile' && positionals.length === 1) return reconcileCommand(values);
  if (values.help || positionals[0] !== 'export' || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  if (!values.from || !values.to) {
    process.stderr.write(`--from and --to are required.\n${USAGE}\n`);
    return 64;
  }
  if (values.kind !== 'transactions' && values.kind !== 'counters') {
    process.stderr.write(`--kind must be transactions or counters, got "${values.kind}"\n`);
    return 64;
  }
  const kind: ExportKind = values.kind;

  // The config gives the data folder (unless --data-dir) and the zone whose days --from and --to name.
  const loaded = await loadConfigFile(values.config ?? process.env.ONEDOOR_CONFIG);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error.message}\n`);
    return 78;
  }
  const dataDir = values['data-dir'] ?? resolveDataDir(loaded.value);
  const path = join(dataDir, 'journal.sqlite');
  if (!existsSync(path)) {
    process.stderr.write(`No journal at ${path}\n`);
    return 66;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'transactions'").get();
    if (!hasTable) {
      process.stderr.write(`The journal at ${path} has no transactions yet (start the kiosk once to update it).\n`);
      return 65;
    }
    const exported = exportJournalCsv(db, kind, { from: values.from, to: values.to, timeZone: loaded.value.timeZone });
    if (!exported.ok) {
      const error = exported.error;
      process.stderr.write(error.kind === 'badDate' ? `--${error.field}: not a date YYYY-MM-DD: "${error.value}"\n` : '--to is before --from\n');
      return 64;
    }
    if (values.out) {
      writeFileSync(values.out, exported.value.csv, { mode: 0o600 });
      process.stderr.write(`${exported.value.rows} ${kind} rows written to ${values.out}\n`);
    } else {
      process.stdout.write(exported.value.csv);
    }
    return 0;
  } finally {
    db.close();
  }
}

async function reconcileCommand(values: { date?: string; config?: string; 'data-dir'?: string }): Promise<number> {
  if (!values.date) {
    process.stderr.write(`--date is required.\n${USAGE}\n`);
    return 64;
  }
  const loaded = await loadConfigFile(values.config ?? process.env.ONEDOOR_CONFIG);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error.message}\n`);
    return 78;
  }
  const path = join(values['data-dir'] ?? resolveDataDir(loaded.value), 'journal.sqlite');
  if (!existsSync(path)) {
    process.stderr.write(`No journal at ${path}\n`);
    return 66;
  }
  // Writable: each mismatch is recorded as a staff alert. WAL and a busy timeout keep it safe beside a running kiosk.
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payment_orders'").get()) {
      process.stderr.write(`The journal at ${path} has no payment ledger yet (start the kiosk once to update it).\n`);
      return 65;
    }
    const configured = createPaymentFromConfig(loaded.value);
    if (configured.sandbox)
      process.stderr.write('Note: the config names the embedded sandbox, which lives inside the running kiosk; this command sees a fresh one. Serve it with `npm run sandbox-payment` to reconcile against it.\n');
    return await runReconcileCommand({
      db,
      port: configured.port,
      date: values.date,
      timeZone: loaded.value.timeZone,
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`journal: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(70);
  },
);
