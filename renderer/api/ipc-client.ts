/**
 * KioskApi over Electron IPC (`window.onedoor`). The preload passes raw
 * messages; everything is validated here against the contract.
 */
import type { CallName, CallOutcome, CallParams, OneDoorBridge } from '../../electron/contract';
import { buildRequest, clientErrors, decodeHostMessage, describeRefusal, readEvent } from './envelope';
import { createEventHub } from './event-hub';
import { createPendingCalls, DEFAULT_CALL_TIMEOUT_MS } from './pending-calls';
import type { KioskClient, RejectionListener } from './types';

/** Options of {@link createIpcKioskApi}. */
export interface IpcClientOptions {
  timeoutMs?: number;
  /** Told about each host message that was rejected; defaults to console.warn. */
  onRejected?: RejectionListener;
}

/** True when `value` looks like the preload's bridge object. */
export function isOneDoorBridge(value: unknown): value is OneDoorBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof OneDoorBridge, unknown>>;
  return typeof candidate.invoke === 'function' && typeof candidate.subscribe === 'function';
}

/** Creates the client and subscribes to host events at once. */
export function createIpcKioskApi(bridge: OneDoorBridge, options: IpcClientOptions = {}): KioskClient {
  const onRejected: RejectionListener = options.onRejected ?? ((reason) => console.warn(`[kiosk-api] rejected host message: ${reason}`));
  const pending = createPendingCalls(options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
  const hub = createEventHub();
  let closed = false;

  const unsubscribe = bridge.subscribe((raw) => {
    const decoded = decodeHostMessage(raw);
    if (!decoded.ok) return onRejected(describeRefusal(decoded.error));
    if (decoded.value.type !== 'event') return onRejected('reply on the event channel');
    const known = readEvent(decoded.value);
    if (!known.ok) return onRejected(describeRefusal(known.error));
    hub.emit(known.value);
  });

  return {
    call<M extends CallName>(method: M, params: CallParams<M>): Promise<CallOutcome<M>> {
      if (closed) return Promise.resolve({ ok: false, error: clientErrors.closed });
      const request = buildRequest(method, params);
      const outcome = pending.add(request.id, method);
      pending.markSent(request.id);
      bridge.invoke(request).then(
        (raw) => {
          const decoded = decodeHostMessage(raw);
          if (!decoded.ok || decoded.value.type !== 'reply' || decoded.value.id !== request.id) {
            onRejected(decoded.ok ? 'reply does not answer the request' : describeRefusal(decoded.error));
            pending.fail(request.id, clientErrors.invalidReply);
            return;
          }
          pending.settle(decoded.value);
        },
        () => pending.fail(request.id, clientErrors.transport),
      );
      return outcome;
    },
    on: (event, handler) => hub.on(event, handler),
    connectionState: () => 'connected',
    onConnectionChange: () => () => {},
    close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      pending.failAll(clientErrors.closed);
    },
  };
}
