/**
 * Mosquitto's password file, written by us in the format `mosquitto_passwd`
 * writes (`user:$7$<iterations>$<salt b64>$<PBKDF2-SHA512 b64>`), so adding
 * a kiosk needs no child process and the file is replaced atomically.
 * The passwords are random 32-byte secrets, so the broker's default 101
 * iterations cost nothing in strength and keep 2,000 kiosks' reconnects cheap.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { chmodSync, renameSync, writeFileSync } from 'node:fs';

const ITERATIONS = 101;

export function mosquittoPasswordLine(username: string, password: string): string {
  const salt = randomBytes(12);
  const hash = pbkdf2Sync(password, salt, ITERATIONS, 64, 'sha512');
  return `${username}:$7$${ITERATIONS}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Replaces the whole file (write, then rename), mode 0600. */
export function writePasswordFile(path: string, users: ReadonlyArray<{ username: string; password: string }>): void {
  const temp = `${path}.new`;
  writeFileSync(temp, users.map((u) => `${mosquittoPasswordLine(u.username, u.password)}\n`).join(''), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** A random password, URL- and shell-safe. */
export function randomPassword(): string {
  return randomBytes(32).toString('base64url');
}
