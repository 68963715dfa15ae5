/**
 * Short-lived TURN credentials, the TURN REST scheme coturn checks with its
 * `use-auth-secret` + `static-auth-secret`: username
 * `<expiry unix seconds>:<case id>:<role>`, credential
 * base64(HMAC-SHA1(secret, username)). coturn refuses the username once its
 * expiry has passed, so a leaked credential dies with the call.
 */
import { createHmac } from 'node:crypto';
import type { IceServer, ProxyRole } from '../../../electron/contract/proxy';

export interface TurnConfig {
  /** The shared secret (coturn's static-auth-secret); null: no TURN. */
  secret: string | null;
  urls: readonly string[];
  stunUrls: readonly string[];
  ttlSeconds: number;
}

export interface IssuedIceServers {
  iceServers: IceServer[];
  /** When the TURN credential lapses; null without TURN. */
  expiresAt: Date | null;
}

export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** The ICE servers for one party of one case, valid `ttlSeconds` from `now`. */
export function issueIceServers(config: TurnConfig, caseId: string, role: ProxyRole, now: Date): IssuedIceServers {
  const stun: IceServer[] = config.stunUrls.length > 0 ? [{ urls: [...config.stunUrls] }] : [];
  if (!config.secret || config.urls.length === 0) return { iceServers: stun, expiresAt: null };
  const expiry = Math.floor(now.getTime() / 1000) + config.ttlSeconds;
  const username = `${expiry}:${caseId}:${role}`;
  return {
    iceServers: [{ urls: [...config.urls], username, credential: turnCredential(config.secret, username) }, ...stun],
    expiresAt: new Date(expiry * 1000),
  };
}

/** coturn's own check, for tests and diagnostics: the credential matches and has not expired. */
export function turnCredentialValid(secret: string, username: string, credential: string, now: Date): boolean {
  const expiry = Number(username.split(':')[0]);
  if (!Number.isInteger(expiry) || expiry * 1000 <= now.getTime()) return false;
  return turnCredential(secret, username) === credential;
}
