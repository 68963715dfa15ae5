/** Types the renderer's KioskApi clients share. */
import type { KioskApi } from '../../electron/contract';

/** Whether the transport to the host is up. IPC is always `connected`; host restarts arrive as `host.status`. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** A KioskApi plus what the UI needs to know about the link to the host. */
export interface KioskClient extends KioskApi {
  /** The current state of the transport. */
  connectionState(): ConnectionState;
  /** Subscribes to transport state changes; returns the unsubscribe function. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Closes the transport for good and fails every call still waiting. */
  close(): void;
}

/** Called with a short reason whenever a host message is rejected (malformed, unknown, unexpected). */
export type RejectionListener = (reason: string) => void;
