/**
 * The police gateway's 1:1 face comparison (`POST /v1/faces/verify`,
 * docs/gateway-openapi.yaml) as the hall calls it for a principal: the
 * same request and answer as the kiosk's HTTP gateway client, a small
 * client of the hall's own (the hall does not import the kiosk host).
 * Mutual TLS for a real back-end (only the configured CA is trusted, the
 * hall's client certificate is shown); plain HTTP only to a loopback
 * sandbox server. The answer is validated; `404 {error}` is "no reference
 * photo" (`notFound`); anything else that is not a valid answer — timeout,
 * network, 5xx, a broken or oversized body, a redirect — is `unavailable`
 * (timeouts, network errors and 5xx are tried again first). Nothing is
 * thrown, and nothing of the request (number, face) is logged.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { err, ok } from '../../../../domain/result';
import type { FaceComparison } from '../ports';

const VERIFY_FACE_PATH = '/v1/faces/verify';
/** The gateway's answer (its `VerifyFaceResponse`). */
const VerifyFaceAnswer = z.object({ match: z.boolean(), score: z.number().min(0).max(1) });
const ErrorAnswer = z.object({ error: z.enum(['notFound', 'invalidRequest', 'missingIdempotencyKey', 'timeout', 'unavailable']) });
const MAX_ANSWER_BYTES = 64 * 1024;

/** One exchange's outcome. */
export type GatewayExchange = { kind: 'answer'; status: number; text: string } | { kind: 'timeout' } | { kind: 'unreachable' };

/** Sends one POST and reads its answer (the default speaks HTTP(S); tests may pass another). */
export type GatewayPost = (url: URL, body: string, timeoutMs: number) => Promise<GatewayExchange>;

export interface GatewayComparisonOptions {
  /** e.g. `https://gateway.example:8443` (http only on loopback, for the sandbox server). */
  baseUrl: string;
  /** PEM: the CA the gateway's certificate must chain to, and the hall's client certificate and key. Required for https. */
  tls?: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer };
  /** Per attempt, ms (default 8000). */
  timeoutMs?: number;
  /** Extra attempts after timeouts, network errors and 5xx (default 1). */
  retries?: number;
  /** Pause before another attempt, ms (default 250). */
  retryDelayMs?: number;
  post?: GatewayPost;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The default transport: no redirects followed, bounded answers, the given trust only. */
function httpPost(tls: GatewayComparisonOptions['tls']): GatewayPost {
  return (url, body, timeoutMs) =>
    new Promise((resolve) => {
      let settled = false;
      const done = (exchange: GatewayExchange) => {
        if (settled) return;
        settled = true;
        resolve(exchange);
      };
      const onResponse = (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            response.destroy();
            done({ kind: 'answer', status: 502, text: '' });
          } else chunks.push(chunk);
        });
        response.on('end', () => done({ kind: 'answer', status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', () => done({ kind: 'unreachable' }));
      };
      const headers = { 'content-type': 'application/json', accept: 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const request =
        url.protocol === 'https:'
          ? httpsRequest(url, { method: 'POST', headers, ca: tls?.ca, cert: tls?.cert, key: tls?.key, rejectUnauthorized: true, agent: false }, onResponse)
          : httpRequest(url, { method: 'POST', headers, agent: false }, onResponse);
      request.setTimeout(timeoutMs, () => {
        request.destroy();
        done({ kind: 'timeout' });
      });
      request.on('error', () => done({ kind: 'unreachable' }));
      request.end(body);
    });
}

/** Creates the comparison; a base URL it may not use is a configuration error (thrown at start). */
export function createGatewayFaceComparison(options: GatewayComparisonOptions): FaceComparison {
  const base = new URL(options.baseUrl);
  if (base.protocol === 'http:' && !LOOPBACK.has(base.hostname)) throw new RangeError('the face gateway needs https (plain http only to a loopback sandbox)');
  if (base.protocol === 'https:' && !options.tls && !options.post) throw new RangeError('the face gateway over https needs the hall\'s TLS settings (ca, cert, key)');
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new RangeError('the face gateway URL must be http(s)');
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}${VERIFY_FACE_PATH}`, base);
  const post = options.post ?? httpPost(options.tls);
  const timeoutMs = options.timeoutMs ?? 8_000;
  const retries = options.retries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 250;

  return async ({ idNumber, probe }) => {
    const body = JSON.stringify({ idNumber, probeJpegBase64: Buffer.from(probe).toString('base64') });
    for (let attempt = 0; ; attempt += 1) {
      const exchange = await post(url, body, timeoutMs);
      const again = exchange.kind !== 'answer' || exchange.status >= 500;
      if (again && attempt < retries) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        continue;
      }
      if (exchange.kind !== 'answer') return err('unavailable');
      let json: unknown;
      try {
        json = JSON.parse(exchange.text);
      } catch {
        return err('unavailable');
      }
      if (exchange.status === 404 && ErrorAnswer.safeParse(json).success) return err('notFound');
      if (exchange.status !== 200) return err('unavailable');
      const answer = VerifyFaceAnswer.safeParse(json);
      return answer.success ? ok({ match: answer.data.match, score: answer.data.score }) : err('unavailable');
    }
  };
}
