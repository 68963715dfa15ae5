/** A tiny typed fan-out of contract events to every connected renderer. */
import { PROTOCOL_VERSION, type EventEnvelope, type EventName, type EventPayload } from '../contract';

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: (envelope: EventEnvelope) => void): () => void;
}

/** Creates the bus; a listener that throws is isolated from the others. */
export function createEventBus(onListenerError: (error: unknown) => void): EventBus {
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  return {
    emit(event, payload) {
      const envelope: EventEnvelope = { v: PROTOCOL_VERSION, type: 'event', event, payload };
      for (const listener of [...listeners]) {
        try {
          listener(envelope);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
