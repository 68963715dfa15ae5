/**
 * The `proxy_phone` cookie: the phone secret the claim got. HttpOnly (no
 * script reads it), Secure, SameSite=Strict, only for `/phone` (the API and
 * its socket), and a session cookie (gone when the browser closes).
 */
import { parseCookies } from '../../http/request';

export const PHONE_COOKIE = 'proxy_phone';

/** Secrets are URL-safe base64 from the registry; anything else is not one. */
const SECRET = /^[A-Za-z0-9_-]{16,128}$/;

export function phoneCookie(secret: string): string {
  return `${PHONE_COOKIE}=${secret}; HttpOnly; Secure; SameSite=Strict; Path=/phone`;
}

/** Clears it (the principal left). */
export function clearedPhoneCookie(): string {
  return `${PHONE_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/phone; Max-Age=0`;
}

/** The phone secret a request carries, when it looks like one. */
export function phoneSecretOf(cookieHeader: string | undefined): string | null {
  const value = parseCookies(cookieHeader).get(PHONE_COOKIE);
  return value !== undefined && SECRET.test(value) ? value : null;
}
