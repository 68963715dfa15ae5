/**
 * Who owns the broker's files. Debian's mosquitto, started as root, drops to
 * the `mosquitto` user before it reads the password and ACL files and writes
 * its persistence (an unreadable file makes it exit with "Unable to open
 * pwfile"). So when we are root the broker's folder and the files it reads
 * belong to `mosquitto`; the CA's private key and the kiosks' clear
 * credentials stay root's alone. When the folder cannot be reached by that
 * user (a parent folder closed to others), the broker keeps running as root
 * (`user root`) and says so in the log. As a non-root user nothing changes.
 */
import { spawnSync } from 'node:child_process';
import { chownSync } from 'node:fs';

export type BrokerUser = { kind: 'self' } | { kind: 'mosquitto'; uid: number; gid: number } | { kind: 'root'; why: string };

function idOf(flag: '-u' | '-g', user: string): number | null {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  const value = Number(result.stdout.trim());
  return result.status === 0 && Number.isInteger(value) ? value : null;
}

/** Decides how the broker runs; call after the folder exists and its files are written. */
export function brokerUser(dir: string): BrokerUser {
  if (process.getuid?.() !== 0) return { kind: 'self' };
  const uid = idOf('-u', 'mosquitto');
  const gid = idOf('-g', 'mosquitto');
  if (uid === null || gid === null) return { kind: 'root', why: 'no "mosquitto" system user' };
  chownSync(dir, uid, gid);
  const reachable = spawnSync('runuser', ['-u', 'mosquitto', '--', 'test', '-w', dir], { encoding: 'utf8' });
  if (reachable.status !== 0) return { kind: 'root', why: `user "mosquitto" cannot reach ${dir}` };
  return { kind: 'mosquitto', uid, gid };
}

/** Hands a file the broker reads (or writes) to the broker's user; nothing to do when it runs as us. */
export function giveToBroker(user: BrokerUser, path: string): void {
  if (user.kind === 'mosquitto') chownSync(path, user.uid, user.gid);
}

/** The `user` line of mosquitto.conf (only meaningful when started as root). */
export function userDirective(user: BrokerUser): string[] {
  switch (user.kind) {
    case 'self':
      return [];
    case 'mosquitto':
      return ['user mosquitto'];
    case 'root':
      return ['user root'];
  }
}
