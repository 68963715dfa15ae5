/** Fan-out of validated host events to the renderer's subscribers. */
import type { EventName, EventPayload } from '../../electron/contract';
import type { KnownEvent } from './envelope';

/** Subscribers per event; one faulty handler never stops the others. */
export interface EventHub {
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  emit(known: KnownEvent): void;
}

/** Creates an empty hub. */
export function createEventHub(): EventHub {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      const h = handler as (payload: unknown) => void;
      set.add(h);
      return () => {
        set.delete(h);
      };
    },
    emit({ event, payload }) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          // Surface the bug without breaking the other subscribers.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
