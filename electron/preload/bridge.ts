/**
 * The `window.onedoor` object and the port plumbing behind it, free of
 * Electron imports. `invoke` correlates replies by request id; `subscribe`
 * delivers event envelopes from the host and from main. It validates only
 * what it needs to route; the renderer's IPC client validates everything.
 */
import type { OneDoorBridge } from '../contract/api';
import type { PROTOCOL_VERSION } from '../contract/protocol';

/** A port to the host, adapted from the DOM MessagePort the preload receives. */
export interface BridgePort {
  postMessage(message: unknown): void;
  /** Starts delivery of incoming messages to `onMessage`. */
  listen(onMessage: (data: unknown) => void): void;
  /** Stops listening and closes the port. */
  close(): void;
}

/** The bridge plus the controls the preload's IPC listeners drive. */
export interface BridgeRuntime {
  /** Exactly what is exposed to the page. */
  bridge: OneDoorBridge;
  /** A new port to the host (window load or host restart): replaces the old one. */
  attachPort(port: BridgePort): void;
  /** The host is gone: pending calls fail with `hostUnavailable`, new ones wait for the next port. */
  detachPort(): void;
  /** Delivers an event envelope from main (`host.status`). */
  deliverMainEvent(envelope: unknown): void;
}

const V: typeof PROTOCOL_VERSION = 1;
const MAX_PENDING = 256;

type Pending = { resolve: (reply: unknown) => void; envelope: unknown; sent: boolean };

function errorReply(id: string | null, code: 'invalidMessage' | 'internal', messageKey: string): unknown {
  return { v: V, type: 'reply', id, ok: false, error: { code, messageKey } };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Creates the bridge. Calls made before the first port arrives are queued and sent when it does. */
export function createBridgeRuntime(): BridgeRuntime {
  let port: BridgePort | undefined;
  const pending = new Map<string, Pending>();
  const listeners = new Set<(event: unknown) => void>();

  const emit = (envelope: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener(envelope);
      } catch {
        // a throwing page listener must not break delivery to the others
      }
    }
  };

  /** Fails the calls already sent; ones not yet sent wait for the next port. */
  const failSent = () => {
    for (const [id, call] of [...pending]) {
      if (!call.sent) continue;
      pending.delete(id);
      call.resolve(errorReply(id, 'internal', 'errors.hostUnavailable'));
    }
  };

  const closePort = () => {
    port?.close();
    port = undefined;
  };

  const onPortMessage = (data: unknown) => {
    const message = record(data);
    if (!message) return;
    if (message.type === 'reply' && typeof message.id === 'string') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      call.resolve(message);
    } else if (message.type === 'event') {
      emit(message);
    }
  };

  const detachPort = () => {
    closePort();
    failSent();
  };

  const bridge: OneDoorBridge = {
    invoke(request: unknown): Promise<unknown> {
      const envelope = record(request);
      const id = envelope?.id;
      if (!envelope || typeof id !== 'string' || id.length === 0 || id.length > 64) {
        return Promise.resolve(errorReply(null, 'invalidMessage', 'errors.invalidMessage'));
      }
      if (pending.has(id)) return Promise.resolve(errorReply(id, 'invalidMessage', 'errors.duplicateRequestId'));
      if (pending.size >= MAX_PENDING) return Promise.resolve(errorReply(id, 'internal', 'errors.tooManyRequests'));
      return new Promise((resolve) => {
        const call: Pending = { resolve, envelope, sent: false };
        pending.set(id, call);
        if (port) {
          port.postMessage(envelope);
          call.sent = true;
        }
      });
    },
    subscribe(listener: (event: unknown) => void): () => void {
      if (typeof listener !== 'function') return () => {};
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  return {
    bridge,
    attachPort(next) {
      // Calls in flight on the old port will never be answered.
      detachPort();
      port = next;
      next.listen(onPortMessage);
      for (const call of pending.values()) {
        next.postMessage(call.envelope);
        call.sent = true;
      }
    },
    detachPort,
    deliverMainEvent(envelope) {
      const message = record(envelope);
      if (!message || message.type !== 'event') return;
      const payload = record(message.payload);
      if (message.event === 'host.status' && payload?.state === 'restarting') detachPort();
      emit(message);
    },
  };
}
