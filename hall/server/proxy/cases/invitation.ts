/**
 * One-time invitation links and phone secrets: 32 random bytes, base64url.
 * The registry keeps only their SHA-256, so neither a database dump nor a
 * memory listing of cases gives a usable link or phone cookie.
 */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** `https://hall:8751/p/#t=<token>`: the token rides in the fragment, never sent to a server log. */
export function inviteUrl(phonePublicUrl: string, token: string): string {
  return `${phonePublicUrl.replace(/\/+$/, '')}/p/#t=${token}`;
}
