/** The link to the host as the UI needs it: current state, and whether it was ever up. */
import { useSyncExternalStore } from 'react';
import type { ConnectionState, KioskClient } from '../api/types';

/** A snapshot of the link. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  /** True until the first connection attempt has succeeded or failed; after that, no link means the host is restarting. */
  firstAttempt: boolean;
}

interface Store {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): ConnectionSnapshot;
}

const stores = new WeakMap<KioskClient, Store>();

function storeFor(api: KioskClient): Store {
  const existing = stores.get(api);
  if (existing) return existing;
  const initial = api.connectionState();
  let snapshot: ConnectionSnapshot = { state: initial, firstAttempt: initial === 'connecting' };
  const subscribers = new Set<() => void>();
  api.onConnectionChange((state) => {
    snapshot = { state, firstAttempt: snapshot.firstAttempt && state === 'connecting' };
    for (const notify of [...subscribers]) notify();
  });
  const store: Store = {
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => {
        subscribers.delete(onChange);
      };
    },
    getSnapshot: () => snapshot,
  };
  stores.set(api, store);
  return store;
}

/** Subscribes a component to the link state of `api`. */
export function useConnection(api: KioskClient): ConnectionSnapshot {
  const store = storeFor(api);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** What the full-screen notice should say, if anything. */
export type HostNotice = 'starting' | 'restarting' | null;

/** Decides the notice from the link and the host's own status. */
export function hostNotice(connection: ConnectionSnapshot, hostRestarting: boolean): HostNotice {
  if (hostRestarting) return 'restarting';
  if (connection.state === 'connected') return null;
  return connection.firstAttempt ? 'starting' : 'restarting';
}
