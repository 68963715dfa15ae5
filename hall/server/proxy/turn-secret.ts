/**
 * The TURN shared secret, kept like the hall's other keys: a file in the data
 * folder (`turn-secret.key`, owner-only), made on first start. The operator
 * copies it into coturn's `static-auth-secret`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TURN_SECRET_FILE = 'turn-secret.key';

export function ensureTurnSecret(dataDir: string): string {
  const path = join(dataDir, TURN_SECRET_FILE);
  if (existsSync(path)) {
    const secret = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(secret)) return secret;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
