/**
 * The KioskApi as the renderer sees it, whatever carries it (IPC or WebSocket).
 * Expected failures are values, not exceptions.
 */
import type { Result } from '../../domain/result';
import type { KioskError } from './protocol';
import type { CallName, CallParams, CallResult } from './calls';
import type { EventName, EventPayload } from './events';

export type CallOutcome<M extends CallName> = Result<CallResult<M>, KioskError>;

export interface KioskApi {
  call<M extends CallName>(method: M, params: CallParams<M>): Promise<CallOutcome<M>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/**
 * What the Electron preload exposes as `window.onedoor`: raw, untyped
 * message passing only. The renderer's IPC client validates everything.
 */
export interface OneDoorBridge {
  /** Sends one request envelope and resolves with the host's reply envelope. */
  invoke(request: unknown): Promise<unknown>;
  /** Subscribes to host event envelopes; returns the unsubscribe function. */
  subscribe(listener: (event: unknown) => void): () => void;
}
