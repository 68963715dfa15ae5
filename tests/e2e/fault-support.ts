/**
 * Shared helpers of the whole-host fault tests (fault-*.test.ts): a browser
 * host on a data folder the test owns (so a second host can start on it after
 * the first was killed), collecting every log line of every run, and a
 * read-only look at the journal (`<dataDir>/journal.sqlite`) the way
 * `npm run journal -- export` and the soak read it.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { ensureFaceAssets, hostLogLines, startHostProcess, type RunningHost } from './harness';
import { linkOf, type HostReply } from './host-link';

/** One run of the host on a data folder that outlives it. */
export interface HostRun {
  host: RunningHost;
  url: string;
  port: number;
  /** The launch token: a restart with it lets the open page back in. */
  token: string;
  /** This run's log lines (stdout and stderr). */
  lines: string[];
  /** Waits for the process to be gone (after a kill or a stop). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the browser host on `dataDir` (kept after it stops) with `config`, on `port` (default: a free one),
 * with `token` (default: a new one; a launcher restarting the host passes the one its page holds).
 */
export async function startHostOn(dataDir: string, config: Record<string, unknown>, port?: number, token?: string): Promise<HostRun> {
  ensureFaceAssets();
  const host = await startHostProcess({ ...config, dataDir }, { ...(port === undefined ? {} : { port }), ...(token === undefined ? {} : { token }) });
  const lines = hostLogLines(host);
  const child = host.process;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return { host, url: host.url, port: Number(new URL(host.url).port), token: host.token, lines, exited, stop: () => host.stop() };
}

/** What the journal holds, read-only. */
export interface JournalView {
  transactions: Array<{ session_id: string; outcome: string; end_reason: string | null; ended_at: string | null; service_id: string | null; documents: string; print_outcome: string | null; id_number_masked: string | null }>;
  documents: Array<{ number: string; session_id: string; print_outcome: string }>;
  backendNumbers: string[];
  outbox: number;
}

/** Reads `<dataDir>/journal.sqlite` without writing to it. */
export function readJournal(dataDir: string): JournalView {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return {
      transactions: db.prepare('SELECT session_id, outcome, end_reason, ended_at, service_id, documents, print_outcome, id_number_masked FROM transactions ORDER BY started_at').all() as JournalView['transactions'],
      documents: db.prepare('SELECT number, session_id, print_outcome FROM documents ORDER BY created_at').all() as JournalView['documents'],
      backendNumbers: (db.prepare('SELECT backend_number FROM document_backend_numbers').all() as Array<{ backend_number: string }>).map((row) => row.backend_number),
      outbox: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** The host log lines that say a session ended, with its reason. */
export function endedLines(lines: readonly string[], sessionId: string): string[] {
  return lines.filter((line) => line.includes(`"sessionId":"${sessionId}"`) && line.includes('"msg":"session ended'));
}

/**
 * One KioskApi call on the page's own connection (see host-link.ts; the page
 * must have been linked before it opened the kiosk): what the host itself
 * says, e.g. `session.current`. Resolves with the reply envelope.
 */
export function hostCall(page: Page, method: string, params: Record<string, unknown> = {}): Promise<HostReply> {
  return linkOf(page).call(method, params);
}

/** The session the host holds now (null when none), asked of the host itself. */
export async function hostSession(page: Page): Promise<string | null> {
  const reply = await hostCall(page, 'session.current');
  if (!reply.ok) throw new Error(`session.current failed: ${JSON.stringify(reply.error)}`);
  return (reply.result as { session: { sessionId: string } | null }).session?.sessionId ?? null;
}

/** Whether the ID card reader has seen its card go (media `absent`): only then is a new card read as a new one. */
export async function readerEmpty(page: Page): Promise<boolean> {
  const reply = await hostCall(page, 'devices.list');
  const reader = (reply.result as Array<{ id: string; media?: string }> | undefined)?.find((device) => device.id === 'idcard');
  return reader?.media === 'absent';
}
