/**
 * The back-end link over mutual TLS: an agent of its own that trusts only
 * the configured CA (never the system's roots), shows the kiosk's client
 * certificate, checks the server's name and, when pins are configured, that
 * some certificate of the chain has a pinned public key. Anything less fails
 * closed, as a refusal naming the failure.
 */
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { createHash, X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { exchange, type ClassifyError, type Link, type LinkOutcome } from './link';

export interface TlsLinkSettings {
  /** PEM of the CA (or CAs) the back-end's certificate must chain to. */
  ca: string | Buffer;
  /** PEM of the kiosk's client certificate and its key. */
  cert: string | Buffer;
  key: string | Buffer;
  /** base64 SHA-256 of SubjectPublicKeyInfo DER; when given, one certificate of the chain must match. */
  pins?: readonly string[];
  maxResponseBytes: number;
}

const PIN_MISMATCH = 'ERR_ONEDOOR_PIN_MISMATCH';

/** base64(sha256(SPKI DER)) of a certificate, as `backend.tls.pins` holds it. */
export function spkiPin(certDer: Buffer): string {
  const spki = new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function chainOf(cert: PeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  let current: PeerCertificate | undefined = cert;
  // The root's issuerCertificate is itself.
  while (current && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    current = (current as { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return chain;
}

function pinCheck(pins: readonly string[] | undefined) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const nameProblem = checkServerIdentity(host, cert);
    if (nameProblem) return nameProblem;
    if (!pins || pins.length === 0) return undefined;
    if (chainOf(cert).some((c) => c.raw && pins.includes(spkiPin(c.raw)))) return undefined;
    return Object.assign(new Error('the back-end key is not pinned'), { code: PIN_MISMATCH });
  };
}

/** OpenSSL's certificate verification codes (the server's chain, validity, purpose). */
const UNTRUSTED = /^(CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_SELF_SIGNED|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|ERROR_IN_CERT|HOSTNAME_MISMATCH)/;
/** TLS alerts by which a server says it does not accept the client's certificate. */
const CLIENT_CERT_ALERT = /ALERT_(CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/;

export const classifyTlsError: ClassifyError = (error, { freshConnection, tcpConnected }): LinkOutcome => {
  const code = error.code ?? '';
  if (code === PIN_MISMATCH) return { kind: 'refused', reason: 'pinMismatch' };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { kind: 'refused', reason: 'serverNameMismatch' };
  if (UNTRUSTED.test(code)) return { kind: 'refused', reason: 'serverUntrusted' };
  if (CLIENT_CERT_ALERT.test(code)) return { kind: 'refused', reason: 'clientCertRejected' };
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') return { kind: 'refused', reason: 'handshakeFailed' };
  // A connection made for this request and dropped before any answer: the server hung up on the handshake.
  if (freshConnection && tcpConnected && (code === 'ECONNRESET' || code === 'EPIPE')) return { kind: 'refused', reason: 'handshakeFailed' };
  return { kind: 'unreachable' };
};

/** The link to a real back-end: https only. */
export function createTlsLink(settings: TlsLinkSettings): Link {
  const agent = new Agent({
    ca: settings.ca,
    cert: settings.cert,
    key: settings.key,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    checkServerIdentity: pinCheck(settings.pins),
    keepAlive: true,
  });
  return (request) => {
    if (request.url.protocol !== 'https:') return Promise.resolve({ kind: 'refused', reason: 'handshakeFailed' });
    return exchange((url, options, onResponse) => httpsRequest(url, { ...options, agent }, onResponse), classifyTlsError, settings.maxResponseBytes, request);
  };
}

/** Plain HTTP, for the sandbox server in tests only: the config cannot choose it. */
export function createPlainSandboxLink(settings: { maxResponseBytes?: number } = {}): Link {
  const max = settings.maxResponseBytes ?? 1024 * 1024;
  return (request) => exchange((url, options, onResponse) => httpRequest(url, options, onResponse), () => ({ kind: 'unreachable' }), max, request);
}
