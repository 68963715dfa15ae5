/**
 * Where the kiosk finds its hall: the config's `hall` section (inline fields,
 * or a credentials file the hall wrote for it), or, with no `hall` section,
 * the file `npm run hall` writes on the same machine:
 * `$ONEDOOR_HALL_DIR/broker/kiosks/<kioskId>.json` (default `~/.onedoor-hall`).
 * A file that cannot be read or is malformed is a value, never a throw: the
 * kiosk starts without its link and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../../domain/result';
import type { HallLinkConfig } from '../config/schema';

/** What the hall writes for a kiosk (hall/server/broker/). */
export const HallCredentialsFile = z.object({
  kioskId: z.string().min(1).max(64),
  url: z.string().regex(/^mqtts?:\/\//),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  caPem: z.string().min(1).optional(),
  staffIdKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type HallCredentialsFile = z.infer<typeof HallCredentialsFile>;

/** Everything the client needs to connect. */
export interface HallLinkSettings {
  url: string;
  username: string;
  password: string;
  /** The hall's CA (PEM), required for `mqtts://`. */
  caPem: string | null;
  statusIntervalSeconds: number;
  keepaliveSeconds: number;
  /** The file the settings came from, for the log (null when inline). */
  source: string | null;
  /** The hall's key for matching officers' cards to its staff allow-list (from the credentials file), if it gave one. */
  staffIdKey: string | null;
}

export type HallSettingsProblem =
  | { kind: 'unreadable'; file: string; message: string }
  | { kind: 'malformed'; file: string; message: string }
  | { kind: 'wrongKiosk'; file: string; kioskId: string }
  | { kind: 'incomplete'; missing: string }
  | { kind: 'noCa'; url: string };

export interface ResolveDeps {
  env?: NodeJS.ProcessEnv;
  home?: string;
  readFile?: (path: string) => string;
  exists?: (path: string) => boolean;
}

const DEFAULT_INTERVALS = { statusIntervalSeconds: 10, keepaliveSeconds: 10 } as const;

/** The hall's per-kiosk credentials file on this machine (`npm run hall`'s default). */
export function defaultCredentialsPath(kioskId: string, deps: ResolveDeps = {}): string {
  const env = deps.env ?? process.env;
  const hallDir = env.ONEDOOR_HALL_DIR ?? join(deps.home ?? homedir(), '.onedoor-hall');
  return join(hallDir, 'broker', 'kiosks', `${kioskId}.json`);
}

/** The link's settings, null when the kiosk has no hall, or why the configured hall cannot be used. */
export function resolveHallSettings(kioskId: string, hall: HallLinkConfig | undefined, deps: ResolveDeps = {}): Result<HallLinkSettings | null, HallSettingsProblem> {
  const read = deps.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const exists = deps.exists ?? existsSync;
  const file = hall?.credentialsFile ?? (hall ? undefined : defaultCredentialsPath(kioskId, deps));
  if (!hall && (!file || !exists(file))) return ok(null);
  let fromFile: HallCredentialsFile | null = null;
  if (file) {
    const loaded = loadCredentials(file, read);
    if (!loaded.ok) return loaded;
    if (loaded.value.kioskId !== kioskId) return err({ kind: 'wrongKiosk', file, kioskId: loaded.value.kioskId });
    fromFile = loaded.value;
  }
  let caPem = fromFile?.caPem ?? null;
  if (hall?.caFile) {
    try {
      caPem = read(hall.caFile);
    } catch (error) {
      return err({ kind: 'unreadable', file: hall.caFile, message: messageOf(error) });
    }
  }
  const url = hall?.url ?? fromFile?.url;
  const username = hall?.username ?? fromFile?.username;
  const password = hall?.password ?? fromFile?.password;
  if (!url) return err({ kind: 'incomplete', missing: 'url' });
  if (!username) return err({ kind: 'incomplete', missing: 'username' });
  if (!password) return err({ kind: 'incomplete', missing: 'password' });
  if (url.startsWith('mqtts://') && !caPem) return err({ kind: 'noCa', url });
  return ok({
    url,
    username,
    password,
    caPem,
    statusIntervalSeconds: hall?.statusIntervalSeconds ?? DEFAULT_INTERVALS.statusIntervalSeconds,
    keepaliveSeconds: hall?.keepaliveSeconds ?? DEFAULT_INTERVALS.keepaliveSeconds,
    source: file ?? null,
    staffIdKey: fromFile?.staffIdKey ?? null,
  });
}

function loadCredentials(file: string, read: (path: string) => string): Result<HallCredentialsFile, HallSettingsProblem> {
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    return err({ kind: 'unreadable', file, message: messageOf(error) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err({ kind: 'malformed', file, message: `not JSON: ${messageOf(error)}` });
  }
  const parsed = HallCredentialsFile.safeParse(json);
  if (!parsed.success) return err({ kind: 'malformed', file, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ') });
  return ok(parsed.data);
}

/** One line for the log and the CLI (no secrets: the password is never part of a problem). */
export function describeHallSettingsProblem(problem: HallSettingsProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `hall credentials ${problem.file} cannot be read: ${problem.message}`;
    case 'malformed':
      return `hall credentials ${problem.file} are malformed: ${problem.message}`;
    case 'wrongKiosk':
      return `hall credentials ${problem.file} belong to kiosk ${problem.kioskId}, not this one`;
    case 'incomplete':
      return `hall link configured without ${problem.missing} (config "hall" or its credentials file)`;
    case 'noCa':
      return `hall link ${problem.url} uses TLS but no CA is given ("caFile" or the credentials file's "caPem")`;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
