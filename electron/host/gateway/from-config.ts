/**
 * Picks the gateway the config names: the embedded sandbox (default), the
 * sandbox served over HTTP, or the police back-end, both through the HTTP client. Returns `{error}` rather than throwing, e.g. when the sandbox
 * data file is broken.
 */
import type { KioskConfig } from '../config/schema';
import { createHttpGateway } from './http-gateway';
import type { PoliceGateway } from './police-gateway';
import {
  createSandboxGateway,
  type SandboxFaceMatcher,
  type SandboxGateway,
  type SequenceSource,
} from './sandbox-gateway';
import { loadSandboxData } from './sandbox-data';

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
  /** The configured zone, for the sandbox's calendar. */
  timeZone?: string;
}

/** The configured gateway, or why it cannot be built. */
export function createGatewayFromConfig(
  backend: KioskConfig['backend'],
  options: GatewayFromConfigOptions = {},
): { gateway: PoliceGateway; sandbox?: SandboxGateway } | { error: string } {
  switch (backend.kind) {
    case 'sandbox': {
      // The sandbox in its own process: still the sandbox, through the real client.
      if (backend.baseUrl) return { gateway: createHttpGateway({ baseUrl: backend.baseUrl, timeoutMs: backend.timeoutMs }) };
      const loaded = loadSandboxData(options.sandboxDataPath);
      if ('error' in loaded) return { error: `backend.sandbox: ${loaded.error}` };
      const sandbox = createSandboxGateway({
        data: loaded.data,
        latency: options.sandboxLatency,
        faceMatcher: options.faceMatcher,
        ...(options.faceThreshold !== undefined ? { faceThreshold: options.faceThreshold } : {}),
        sequences: options.sequences,
        now: options.now,
        timeZone: options.timeZone,
      });
      return { gateway: sandbox, sandbox };
    }
    case 'http':
      return { gateway: createHttpGateway({ baseUrl: backend.baseUrl, timeoutMs: backend.timeoutMs }) };
    default: {
      const unknown: never = backend;
      return { error: `backend: unknown kind ${String(unknown)}` };
    }
  }
}
