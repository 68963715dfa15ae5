/**
 * React binding of the call mesh for the kiosk's proxy screen, the phone page
 * and the console: starts the call while `options` is given (null = no call),
 * closes it (saying bye) on unmount or when it changes, and re-renders on
 * every peer state or stream change.
 *
 * The call restarts when `self`, `peers`, `localStream`, `signalling`, the
 * ICE policy or the window change, so keep `signalling` and `localStream`
 * stable (useMemo/useState). New `iceServers` (fresh TURN credentials) do not
 * restart it: they are handed to the running mesh for its next ICE restart.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ProxyRole } from '../../electron/contract/proxy';
import { createCallStore, type ProxyCallView } from './call-store';
import { createProxyCallMesh, type MeshDeps } from './mesh';
import type { MeshOptions } from './mesh-types';

export type { PeerView, ProxyCallView } from './call-store';

export function useProxyCall(options: MeshOptions | null, deps?: Partial<MeshDeps>): ProxyCallView {
  const [store] = useState(createCallStore);
  const self = options?.self;
  const peersKey = options ? options.peers.join(',') : '';
  const localStream = options?.localStream;
  const signalling = options?.signalling;
  const policy = options?.iceTransportPolicy;
  const windowMs = options?.reconnectWindowMs;
  const iceServersKey = JSON.stringify(options?.iceServers ?? []);
  const iceServersRef = useRef(options?.iceServers ?? []);
  const depsRef = useRef(deps);

  useEffect(() => {
    depsRef.current = deps;
  });

  useEffect(() => {
    const iceServers = JSON.parse(iceServersKey) as MeshOptions['iceServers'];
    iceServersRef.current = iceServers;
    store.getSnapshot().mesh?.updateIceServers(iceServers);
  }, [store, iceServersKey]);

  useEffect(() => {
    if (!self || !localStream || !signalling) return;
    const peers = peersKey ? (peersKey.split(',') as ProxyRole[]) : [];
    const mesh = createProxyCallMesh(
      {
        self,
        peers,
        iceServers: iceServersRef.current,
        localStream,
        signalling,
        ...(policy ? { iceTransportPolicy: policy } : {}),
        ...(windowMs !== undefined ? { reconnectWindowMs: windowMs } : {}),
      },
      depsRef.current,
    );
    store.attach(mesh, peers);
    return () => {
      store.detach();
      mesh.close();
    };
  }, [store, self, peersKey, localStream, signalling, policy, windowMs]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
