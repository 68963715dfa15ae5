/**
 * A tiny typed listener registry shared by the transports and the device
 * manager. A listener that throws never breaks the emitter: the exception is
 * handed to `onListenerError` (default: ignored) and the other listeners still run.
 */

/** A typed event emitter with an `on` that returns its own unsubscribe function. */
export interface Emitter<Events extends { [K in keyof Events]: (...args: never[]) => void }> {
  on<E extends keyof Events>(event: E, listener: Events[E]): () => void;
  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void;
  listenerCount(event: keyof Events): number;
  clear(): void;
}

/** Creates an {@link Emitter}; `onListenerError` sees exceptions thrown by listeners. */
export function createEmitter<Events extends { [K in keyof Events]: (...args: never[]) => void }>(
  onListenerError: (error: unknown) => void = () => undefined,
): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(...args: unknown[]) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const fn = listener as unknown as (...args: unknown[]) => void;
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    emit(event, ...args) {
      const set = listeners.get(event);
      if (!set) return;
      for (const fn of [...set]) {
        try {
          fn(...(args as unknown[]));
        } catch (error) {
          try {
            onListenerError(error);
          } catch {
            // An error reporter that throws is ignored on purpose.
          }
        }
      }
    },
    listenerCount(event) {
      return listeners.get(event)?.size ?? 0;
    },
    clear() {
      listeners.clear();
    },
  };
}
