/**
 * A service with a kiosk flow, its dependencies already bound: the host
 * starts one instance per session. Each service folder exports a factory
 * returning one of these (e.g. services/no-criminal-record).
 */
import type { Identity, SessionInfo } from '../../contract';
import type { FlowInstance } from './flow-instance';

export interface FlowStartInput {
  sessionId: string;
  /** Unique per run; the root of the run's idempotency keys. */
  flowId: string;
  identity: Identity | null;
  language: SessionInfo['language'];
}

export interface FlowService {
  /** The catalogue id (electron/host/services/catalogue.ts). */
  readonly id: string;
  start(input: FlowStartInput): FlowInstance;
}
