/**
 * A service with a kiosk flow, its dependencies already bound: the host
 * starts one instance per session. Each service folder exports a factory
 * returning one of these (e.g. services/no-criminal-record).
 */
import type { Identity, SessionInfo } from '../../contract';
import type { ProxyMandate } from '../../contract/proxy';
import type { FlowInstance } from './flow-instance';

export interface FlowStartInput {
  sessionId: string;
  /** Unique per run; the root of the run's idempotency keys. */
  flowId: string;
  identity: Identity | null;
  language: SessionInfo['language'];
  /** 可视化代办: the run is done for `identity` (the principal) by the session's agent; the host refuses it for a service that does not allow proxy. */
  mandate?: ProxyMandate;
}

export interface FlowService {
  /** The catalogue id (electron/host/services/catalogue.ts). */
  readonly id: string;
  /** Whether a relative may do it for someone by 可视化代办 (its catalogue's `proxy`); default false. */
  readonly proxy?: boolean;
  start(input: FlowStartInput): FlowInstance;
}
