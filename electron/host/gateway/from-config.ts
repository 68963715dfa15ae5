/**
 * Picks the gateway the config names: the embedded sandbox (default), the
 * sandbox served over HTTP on this machine (simulation), or the police back-end
 * through the HTTP client over mutual TLS. Returns `{error}` rather than throwing,
 * e.g. when the sandbox data file is broken or a certificate file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { KioskConfig } from '../config/schema';
import { createHttpGateway, type LinkWatcher } from './http-gateway';
import type { PoliceGateway } from './police-gateway';
import {
  createSandboxGateway,
  type SandboxFaceMatcher,
  type SandboxGateway,
  type SequenceSource,
} from './sandbox-gateway';
import { loadSandboxData } from './sandbox-data';
import { createPlainSandboxLink, createTlsLink } from './tls-link';

export interface GatewayFromConfigOptions {
  /** Sandbox latency (default 200–600 ms). */
  sandboxLatency?: { minMs: number; maxMs: number };
  sandboxDataPath?: string;
  faceMatcher?: SandboxFaceMatcher;
  /** Similarity at or above which the sandbox calls two faces the same person. */
  faceThreshold?: number;
  /** Persistent document-number sequences for the sandbox (the journal's). */
  sequences?: SequenceSource;
  now?: () => Date;
  /** Told when the HTTP back-end's link is refused and when it answers again (the staff alerts). */
  linkWatcher?: LinkWatcher;
  /** The configured zone, for the sandbox's calendar. */
  timeZone?: string;
}

type TlsSettings = Extract<KioskConfig['backend'], { kind: 'http' }>['tls'];

/** The PEM files of `backend.tls`, or which one cannot be read or used. */
function readTlsFiles(tls: TlsSettings): { ca: Buffer; cert: Buffer; key: Buffer } | { error: string } {
  const read = (field: 'caFile' | 'clientCertFile' | 'clientKeyFile'): Buffer | string => {
    try {
      return readFileSync(tls[field]);
    } catch (error) {
      return `backend.tls.${field}: cannot read ${tls[field]} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  };
  const ca = read('caFile');
  const cert = read('clientCertFile');
  const key = read('clientKeyFile');
  if (typeof ca === 'string') return { error: ca };
  if (typeof cert === 'string') return { error: cert };
  if (typeof key === 'string') return { error: key };
  try {
    // Fails now, not at the first citizen's call, on bad PEM or a key that is not the certificate's.
    createSecureContext({ ca, cert, key });
  } catch (error) {
    return { error: `backend.tls: the CA, the client certificate or its key is unusable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  return { ca, cert, key };
}

/** The configured gateway, or why it cannot be built. */
export function createGatewayFromConfig(
  backend: KioskConfig['backend'],
  options: GatewayFromConfigOptions = {},
): { gateway: PoliceGateway; sandbox?: SandboxGateway } | { error: string } {
  switch (backend.kind) {
    case 'sandbox': {
      // The sandbox in its own process: still the sandbox, through the real client.
      // Plain HTTP only to a loopback sandbox (the schema refuses any other host): synthetic people, simulation only.
      if (backend.baseUrl) return { gateway: createHttpGateway({ baseUrl: backend.baseUrl, timeoutMs: backend.timeoutMs, link: createPlainSandboxLink() }) };
      const loaded = loadSandboxData(options.sandboxDataPath);
      if ('error' in loaded) return { error: `backend.sandbox: ${loaded.error}` };
      const sandbox = createSandboxGateway({
        data: loaded.data,
        latency: options.sandboxLatency,
        faceMatcher: options.faceMatcher,
        ...(options.faceThreshold !== undefined ? { faceThreshold: options.faceThreshold } : {}),
        sequences: options.sequences,
        ...(backend.verifyBaseUrl ? { verifyBaseUrl: backend.verifyBaseUrl } : {}),
        now: options.now,
        timeZone: options.timeZone,
      });
      return { gateway: sandbox, sandbox };
    }
    case 'http': {
      const pem = readTlsFiles(backend.tls);
      if ('error' in pem) return pem;
      const link = createTlsLink({ ...pem, ...(backend.tls.pins ? { pins: backend.tls.pins } : {}), maxResponseBytes: backend.maxResponseBytes });
      return { gateway: createHttpGateway({ baseUrl: backend.baseUrl, timeoutMs: backend.timeoutMs, link, ...(options.linkWatcher ? { linkWatcher: options.linkWatcher } : {}) }) };
    }
    default: {
      const unknown: never = backend;
      return { error: `backend: unknown kind ${String(unknown)}` };
    }
  }
}
