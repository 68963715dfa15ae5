/**
 * One HTTP exchange with the back-end, as a value: an answer (status and
 * body), a timeout, an unreachable back-end, or a refusal of the link itself.
 * Redirects are never followed (a 3xx is refused: following one would resend
 * ID numbers and faces wherever it points) and an answer is read only up to
 * `maxResponseBytes`, then cut off.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';

/** Why the kiosk refused the link (names the failure, never the data). */
export type LinkRefusal =
  /** The server's certificate does not chain to the configured CA (or is expired, or not for this use). */
  | 'serverUntrusted'
  /** The certificate is trusted but names another host. */
  | 'serverNameMismatch'
  /** The certificate is trusted but its key is none of the configured pins. */
  | 'pinMismatch'
  /** The server said (with a TLS alert) that it does not accept the kiosk's certificate. */
  | 'clientCertRejected'
  /**
   * Any other TLS failure, or the server closing the connection during or right after the
   * handshake, which is how most servers refuse a client certificate they do not trust.
   */
  | 'handshakeFailed'
  | 'redirect'
  | 'responseTooLarge';

export type LinkOutcome =
  | { kind: 'answer'; status: number; text: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable' }
  | { kind: 'refused'; reason: LinkRefusal; status?: number };

export interface LinkRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one POST and settles with its outcome; never throws. */
export type Link = (request: LinkRequest) => Promise<LinkOutcome>;

/** Starts the request (node:http or node:https with the link's agent). */
export type StartRequest = (url: URL, options: { method: 'POST'; headers: Record<string, string> }, onResponse: (response: IncomingMessage) => void) => ClientRequest;

/** What a transport error means, given whether the request had a fresh connection that got as far as TCP. */
export type ClassifyError = (error: NodeJS.ErrnoException, context: { freshConnection: boolean; tcpConnected: boolean }) => LinkOutcome;

/** One exchange over `start`, with the timeout, the no-redirect rule and the size limit. */
export function exchange(start: StartRequest, classify: ClassifyError, maxResponseBytes: number, request: LinkRequest): Promise<LinkOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let tcpConnected = false;
    let req: ClientRequest | undefined;
    const settle = (outcome: LinkOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      // Whatever is still flowing (a cut-off body, a refused redirect) is dropped with its connection.
      if (outcome.kind !== 'answer') req?.destroy();
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), request.timeoutMs);
    const onResponse = (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) return settle({ kind: 'refused', reason: 'redirect', status });
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxResponseBytes) return settle({ kind: 'refused', reason: 'responseTooLarge', status });
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) return settle({ kind: 'refused', reason: 'responseTooLarge', status });
        chunks.push(chunk);
      });
      response.on('end', () => settle({ kind: 'answer', status, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => settle({ kind: 'unreachable' }));
      response.on('close', () => {
        if (!response.complete) settle({ kind: 'unreachable' });
      });
    };
    try {
      req = start(request.url, { method: 'POST', headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) } }, onResponse);
    } catch {
      return settle({ kind: 'unreachable' });
    }
    req.on('socket', (socket) => {
      if (!socket.connecting) tcpConnected = true;
      else socket.once('connect', () => (tcpConnected = true));
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle(classify(error, { freshConnection: !req?.reusedSocket, tcpConnected })));
    req.end(request.body);
  });
}
