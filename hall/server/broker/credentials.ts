/**
 * The broker's users, kept in its folder: `hall.json` (the hall server's own
 * login) and `kiosks/<kioskId>.json`, one clear credential file per kiosk
 * (mode 0600), which an installer copies to that kiosk. The password file
 * the broker reads is rebuilt from them, so the clear files are the one
 * source of truth and a restart keeps every credential.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KioskId } from '../../../electron/contract/hall-link';
import { HALL_USERNAME } from './acl';
import { giveToBroker, type BrokerUser } from './file-owner';
import { randomPassword, writePasswordFile } from './password-file';

export const KioskCredentials = z.object({
  kioskId: KioskId,
  /** `mqtts://host:port` of the hall broker. */
  url: z.string(),
  /** The kiosk's MQTT username: its kiosk id. */
  username: KioskId,
  password: z.string().min(16),
  /** The hall CA the kiosk must trust (PEM). */
  caPem: z.string().includes('BEGIN CERTIFICATE'),
  /** The hall's key (hex) for matching an officer's ID card to the staff allow-list (HMAC), shared with its kiosks. */
  staffIdKey: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type KioskCredentials = z.infer<typeof KioskCredentials>;

const HallCredentials = z.object({ username: z.literal(HALL_USERNAME), password: z.string().min(16) });
export type HallCredentials = z.infer<typeof HallCredentials>;

export const kiosksDir = (dir: string) => join(dir, 'kiosks');
export const kioskFile = (dir: string, kioskId: string) => join(kiosksDir(dir), `${kioskId}.json`);
export const passwordFile = (dir: string) => join(dir, 'passwd');

function writeSecret(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The hall server's login, made on first use. */
export function ensureHallCredentials(dir: string): HallCredentials {
  const path = join(dir, 'hall.json');
  if (existsSync(path)) {
    const stored = HallCredentials.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (stored.success) return stored.data;
  }
  const made: HallCredentials = { username: HALL_USERNAME, password: randomPassword() };
  writeSecret(path, made);
  return made;
}

export function readKioskCredentials(dir: string, kioskId: string): KioskCredentials | null {
  const path = kioskFile(dir, kioskId);
  if (!existsSync(path)) return null;
  const parsed = KioskCredentials.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success && parsed.data.kioskId === kioskId ? parsed.data : null;
}

export function listKioskCredentials(dir: string): KioskCredentials[] {
  if (!existsSync(kiosksDir(dir))) return [];
  return readdirSync(kiosksDir(dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => readKioskCredentials(dir, f.slice(0, -'.json'.length)))
    .filter((c): c is KioskCredentials => c !== null)
    .sort((a, b) => a.kioskId.localeCompare(b.kioskId));
}

export type KioskIdProblem = 'invalidKioskId' | 'reservedKioskId';

/** A kiosk id must be a valid MQTT username and topic level, and never the hall's own user. */
export function checkKioskId(kioskId: string): KioskIdProblem | null {
  if (!KioskId.safeParse(kioskId).success) return 'invalidKioskId';
  if (kioskId.toLowerCase() === HALL_USERNAME) return 'reservedKioskId';
  return null;
}

/** Writes a new kiosk's credential file (a fresh random password); an existing kiosk keeps its own. */
export function ensureKioskCredentials(dir: string, kioskId: string, url: string, caPem: string, staffIdKey?: string): KioskCredentials {
  const existing = readKioskCredentials(dir, kioskId);
  const key = staffIdKey ?? existing?.staffIdKey;
  if (existing && existing.url === url && existing.caPem === caPem && existing.staffIdKey === key) return existing;
  mkdirSync(kiosksDir(dir), { recursive: true, mode: 0o700 });
  const credentials: KioskCredentials = { kioskId, url, username: kioskId, password: existing?.password ?? randomPassword(), caPem, ...(key ? { staffIdKey: key } : {}) };
  writeSecret(kioskFile(dir, kioskId), credentials);
  return credentials;
}

export function removeKioskCredentials(dir: string, kioskId: string): boolean {
  const path = kioskFile(dir, kioskId);
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}

/** Rebuilds the broker's password file from the hall's and the kiosks' credentials. */
export function rebuildPasswordFile(dir: string, user: BrokerUser): void {
  const hall = ensureHallCredentials(dir);
  writePasswordFile(passwordFile(dir), [hall, ...listKioskCredentials(dir).map((k) => ({ username: k.username, password: k.password }))]);
  giveToBroker(user, passwordFile(dir));
}
