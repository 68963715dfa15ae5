/**
 * TURN REST credentials as coturn's `use-auth-secret` checks them: the
 * username `expiry:caseId:role` (expiry in Unix seconds) and the credential
 * base64(HMAC-SHA1(secret, username)). The hall server makes the real ones;
 * this is the tests' and the bench's own copy of the scheme.
 */
import { createHmac } from 'node:crypto';

export function turnRestCredentials(secret: string, who: { caseId: string; role: string }, options: { ttlSeconds?: number; now?: number } = {}): { username: string; credential: string } {
  const expiry = Math.floor((options.now ?? Date.now()) / 1000) + (options.ttlSeconds ?? 600);
  const username = `${expiry}:${who.caseId}:${who.role}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}
