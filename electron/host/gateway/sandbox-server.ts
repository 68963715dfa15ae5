/**
 * Serves a PoliceGateway (normally the sandbox) over the HTTP contract of
 * docs/gateway-openapi.yaml, so the HTTP client is tested against a real
 * server: plain HTTP, or HTTPS with mutual TLS when given a certificate and
 * the CA of the kiosks' client certificates (as a real gateway must serve).
 * Faults can be injected per path (5xx, garbage, slow answers) and
 * `/sandbox/stats` reports deliveries per idempotency key. The services'
 * own operations are served at `POST /v1/ops/<name>`; certificates are issued
 * at `POST /v1/certificates` and checked at `GET /verify/<code>` (the page a
 * certificate's QR code opens) with the seal's key at `GET /v1/seal-key`.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import type { GatewayFailure, GatewayResult, PoliceGateway, SubmissionReceipt } from './police-gateway';
import type { CertificateCheck } from './sandbox-certificates';
import { OPERATION_NAME, operationPath, type BackendOperation } from './operation';
import type { SandboxGateway, SandboxStats } from './sandbox-gateway';
import { verifyHtml, verifyJson } from './verify-page';
import {
  certificateToWire,
  GATEWAY_PATHS,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  IssueCertificateRequest,
  IssueDocumentNumberRequest,
  LookupPersonRequest,
  QueryCriminalRecordRequest,
  SubmitApplicationRequest,
  VERIFY_PAGE_PREFIX,
  VerifyFaceRequest,
} from './wire-schemas';

/** One injected fault; `times` answers are affected, then the path heals. */
export type InjectedFault =
  | { mode: 'status'; status: number; times: number }
  | { mode: 'garbage'; times: number }
  /** Answer only after `ms` (before doing the work): exercises client timeouts. */
  | { mode: 'slow'; ms: number; times: number }
  /** Do the work, then hold the answer `ms`: a crash now leaves the back-end ahead of the kiosk. */
  | { mode: 'holdAnswer'; ms: number; times: number };

export interface SandboxServer {
  readonly url: string;
  readonly port: number;
  /** Injects a fault on a path (e.g. GATEWAY_PATHS.submitApplication). */
  inject(path: string, fault: InjectedFault): void;
  clearFaults(): void;
  /** Requests received per path (faulted ones included). */
  requests(path: string): number;
  close(): Promise<void>;
}

export { SANDBOX_SERVER_DEFAULT_PORT } from './sandbox-gateway';

export interface SandboxServerOptions {
  /** What is served; the sandbox's extras (stats, raw operation answers) when it has them. */
  gateway: PoliceGateway & { stats?: () => SandboxStats; answerOperation?: SandboxGateway['answerOperation']; certificates?: SandboxGateway['certificates'] };
  /** The services' operations served at `POST /v1/ops/<name>` (names unique, kebab-case). */
  operations?: readonly BackendOperation<unknown, unknown>[];
  port?: number;
  host?: string;
  /** Largest request body (bytes). */
  maxBodyBytes?: number;
  /**
   * Serve HTTPS with this certificate and key (PEM). With `clientCa`, only clients showing a
   * certificate signed by it get past the handshake (mutual TLS).
   */
  tls?: { cert: string | Buffer; key: string | Buffer; clientCa?: string | Buffer };
}

function listener(options: SandboxServerOptions, handle: RequestListener): Server {
  const { tls } = options;
  if (!tls) return createServer(handle);
  const mutual = tls.clientCa ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true } : {};
  return createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2', ...mutual }, handle);
}

const STATUS_OF: Record<GatewayFailure['kind'], number> = { notFound: 404, timeout: 504, unavailable: 503, badResponse: 502 };

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The verification page (or its JSON): 200 for a known code, 404 otherwise; never cached, never framed. */
function sendVerification(req: IncomingMessage, res: ServerResponse, check: CertificateCheck | undefined): void {
  const accept = req.headers.accept ?? '';
  const json = accept.includes('application/json') && !accept.includes('text/html');
  const text = json ? JSON.stringify(verifyJson(check)) : verifyHtml(check);
  res.writeHead(check ? 200 : 404, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const OPS_PREFIX = operationPath('');

/**
 * The operations by name; two different operations under one name, or a name
 * that is no path segment, stop the server at start. The same operation
 * listed by several services (the 车驾管 services share the driver record) is
 * served once.
 */
function operationsByName(operations: readonly BackendOperation<unknown, unknown>[]): Map<string, BackendOperation<unknown, unknown>> {
  const byName = new Map<string, BackendOperation<unknown, unknown>>();
  for (const operation of operations) {
    if (!OPERATION_NAME.test(operation.name)) throw new Error(`back-end operation "${operation.name}": the name must be kebab-case`);
    if (byName.get(operation.name) === operation) continue;
    if (byName.has(operation.name)) throw new Error(`back-end operation "${operation.name}" is declared twice`);
    byName.set(operation.name, operation);
  }
  return byName;
}

/** Starts the server; port 0 picks a free port. */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { gateway } = options;
  // An application with its attachments (photo, prints, papers) may be up to ~27 MiB of JSON.
  const maxBody = options.maxBodyBytes ?? 28 * 1024 * 1024;
  const faults = new Map<string, InjectedFault>();
  const counts = new Map<string, number>();
  const operations = operationsByName(options.operations ?? []);

  const takeFault = (path: string): InjectedFault | undefined => {
    const fault = faults.get(path);
    if (!fault) return undefined;
    if (fault.times <= 1) faults.delete(path);
    else faults.set(path, { ...fault, times: fault.times - 1 });
    return fault;
  };

  async function route(path: string, body: unknown, key: string | undefined): Promise<{ status: number; body: unknown }> {
    const parse = <S extends z.ZodType>(schema: S): z.infer<S> | undefined => {
      const parsed = schema.safeParse(body);
      return parsed.success ? parsed.data : undefined;
    };
    const answer = <T>(result: GatewayResult<T>, okStatus = 200) =>
      result.ok ? { status: okStatus, body: result.value } : { status: STATUS_OF[result.error.kind], body: { error: result.error.kind === 'badResponse' ? 'unavailable' : result.error.kind } };
    const invalid = { status: 400, body: { error: 'invalidRequest' } };
    const needsKey = { status: 400, body: { error: 'missingIdempotencyKey' } };
    switch (path) {
      case GATEWAY_PATHS.lookupPerson: {
        const request = parse(LookupPersonRequest);
        return request ? answer(await gateway.lookupPerson(request.idNumber)) : invalid;
      }
      case GATEWAY_PATHS.verifyFace: {
        const request = parse(VerifyFaceRequest);
        return request ? answer(await gateway.verifyFace({ idNumber: request.idNumber, probe: Buffer.from(request.probeJpegBase64, 'base64') })) : invalid;
      }
      case GATEWAY_PATHS.queryCriminalRecord: {
        const request = parse(QueryCriminalRecordRequest);
        if (!request) return invalid;
        if (!key) return needsKey;
        return answer(await gateway.queryCriminalRecord({ ...request, requestKey: key }));
      }
      case GATEWAY_PATHS.issueDocumentNumber: {
        const request = parse(IssueDocumentNumberRequest);
        if (!request) return invalid;
        if (!key) return needsKey;
        return answer(await gateway.issueDocumentNumber({ ...request, idempotencyKey: key }));
      }
      case GATEWAY_PATHS.issueCertificate: {
        const request = parse(IssueCertificateRequest);
        if (!request) return invalid;
        if (!key) return needsKey;
        const result = await gateway.issueCertificate({ ...request, idempotencyKey: key });
        return answer(result.ok ? { ok: true, value: certificateToWire(result.value) } : result);
      }
      case GATEWAY_PATHS.submitApplication: {
        const request = parse(SubmitApplicationRequest);
        if (!request) return invalid;
        if (!key) return needsKey;
        const result = await gateway.submitApplication({ ...request, idempotencyKey: key });
        if (!result.ok && result.error.kind === 'rejected') return { status: 422, body: { error: 'rejected', reason: result.error.reason, ...(result.error.detail ? { detail: result.error.detail } : {}) } };
        return answer(result as GatewayResult<SubmissionReceipt>, result.ok && !result.value.duplicate ? 201 : 200);
      }
      default: {
        const operation = path.startsWith(OPS_PREFIX) ? operations.get(path.slice(OPS_PREFIX.length)) : undefined;
        if (!operation) return { status: 404, body: { error: 'notFound' } };
        const request = operation.request.safeParse(body);
        if (!request.success) return invalid;
        // The sandbox's answer as it is (a broken one reaches the client as from a real back-end).
        return answer(gateway.answerOperation ? await gateway.answerOperation(operation, request.data) : await gateway.call(operation, request.data));
      }
    }
  }

  const server: Server = listener(options, (req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
      counts.set(path, (counts.get(path) ?? 0) + 1);
      if (req.method === 'GET' && path === GATEWAY_PATHS.health) return send(res, 200, { ok: true });
      if (req.method === 'GET' && path === '/sandbox/stats') return send(res, 200, gateway.stats?.() ?? { accepted: {}, attempts: {} });
      if (req.method === 'GET' && path === GATEWAY_PATHS.sealKey) return gateway.certificates ? send(res, 200, gateway.certificates.sealKey()) : send(res, 404, { error: 'notFound' });
      if (req.method === 'GET' && path.startsWith(VERIFY_PAGE_PREFIX)) {
        const code = path.slice(VERIFY_PAGE_PREFIX.length);
        return sendVerification(req, res, /^[A-Za-z0-9]{4,32}$/.test(code) ? gateway.certificates?.check(code) : undefined);
      }
      if (req.method !== 'POST') return send(res, 405, { error: 'invalidRequest' });
      const text = await readBody(req, maxBody);
      if (text === undefined) return send(res, 413, { error: 'invalidRequest' });
      const fault = takeFault(path);
      if (fault?.mode === 'status') return send(res, fault.status, { error: 'unavailable' });
      if (fault?.mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"result": "maybe", <html>502 Bad Gateway');
      }
      if (fault?.mode === 'slow') await sleep(fault.ms);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return send(res, 400, { error: 'invalidRequest' });
      }
      const rawKey = req.headers[IDEMPOTENCY_HEADER];
      const keyParse = IdempotencyKey.safeParse(Array.isArray(rawKey) ? rawKey[0] : rawKey);
      if (rawKey !== undefined && !keyParse.success) return send(res, 400, { error: 'invalidRequest' });
      const result = await route(path, body, keyParse.success ? keyParse.data : undefined);
      if (fault?.mode === 'holdAnswer') await sleep(fault.ms);
      if (!res.destroyed) send(res, result.status, result.body);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'unavailable' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    inject: (path, fault) => faults.set(path, fault),
    clearFaults: () => faults.clear(),
    requests: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
