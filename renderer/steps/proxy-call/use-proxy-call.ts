/**
 * The agent's side of the three-party call for one case: opens the face
 * camera and the microphone, starts the mesh (the kiosk calls the phone and
 * the console) over the host's signalling relay, and follows its peers. The
 * call lives exactly as long as the component using this hook: unmounting
 * (the step left the call phases, the session ended) closes the mesh and
 * stops every track, also when that happens while the call is still starting.
 */
import { useContext, useEffect, useReducer, useState } from 'react';
import type { KioskApi } from '../../../electron/contract';
import type { IceServer, ProxyCaseId } from '../../../electron/contract/proxy';
import type { CameraProblem } from '../../camera/camera-problem';
import type { PeerState, ProxyCallMesh } from '../../proxy-call/mesh-types';
import { stopMedia } from './call-media';
import { ProxyCallDepsContext } from './call-deps';
import { exposeCallStats } from './call-stats';
import { kioskSignalling, signalRelayOf } from './kiosk-signalling';

/** The two parties the kiosk calls. */
export const KIOSK_PEERS = ['phone', 'console'] as const;
export type KioskPeer = (typeof KIOSK_PEERS)[number];

export type CallStatus =
  | { kind: 'starting' }
  | { kind: 'live'; local: MediaStream; mesh: ProxyCallMesh }
  | { kind: 'mediaProblem'; problem: CameraProblem }
  | { kind: 'unavailable' };

export interface ProxyCallOptions {
  api: KioskApi;
  sessionId: string;
  caseId: ProxyCaseId;
  iceServers: readonly IceServer[];
}

export interface ProxyCallState {
  status: CallStatus;
  remote(peer: KioskPeer): MediaStream | null;
  peerState(peer: KioskPeer): PeerState;
}

export function useProxyCall({ api, sessionId, caseId, iceServers }: ProxyCallOptions): ProxyCallState {
  const deps = useContext(ProxyCallDepsContext);
  const [status, setStatus] = useState<CallStatus>({ kind: 'starting' });
  // The mesh's own state changes (streams, peer states) re-render the tiles.
  const [, meshChanged] = useReducer((n: number) => n + 1, 0);
  const [initialIceServers] = useState(iceServers);

  useEffect(() => {
    let cancelled = false;
    let local: MediaStream | null = null;
    let mesh: ProxyCallMesh | null = null;
    const undo: Array<() => void> = [];

    const start = async (): Promise<void> => {
      const config = await api.call('camera.config', {});
      // Without the kiosk's camera settings any camera will do: the call matters more than which lens.
      const selector = config.ok ? config.value.face : null;
      const opened = await deps.openMedia(selector);
      if (cancelled) {
        if (opened.ok) stopMedia(opened.value);
        return;
      }
      if (!opened.ok) {
        setStatus({ kind: 'mediaProblem', problem: opened.error });
        return;
      }
      local = opened.value;
      const factory = await deps.loadMesh();
      if (cancelled) return;
      if (!factory) {
        stopMedia(local);
        local = null;
        setStatus({ kind: 'unavailable' });
        return;
      }
      mesh = factory({
        self: 'kiosk',
        peers: KIOSK_PEERS,
        iceServers: initialIceServers,
        localStream: local,
        signalling: kioskSignalling(signalRelayOf(api), sessionId, caseId),
      });
      undo.push(mesh.onChange(meshChanged), exposeCallStats(mesh));
      setStatus({ kind: 'live', local, mesh });
    };
    void start();

    return () => {
      cancelled = true;
      for (const step of undo) step();
      mesh?.close();
      stopMedia(local);
    };
  }, [api, sessionId, caseId, deps, initialIceServers]);

  // Fresh TURN credentials from the hall: used at the mesh's next ICE restart.
  const live = status.kind === 'live' ? status.mesh : null;
  const iceKey = JSON.stringify(iceServers);
  useEffect(() => {
    if (live && iceKey !== JSON.stringify(initialIceServers)) live.updateIceServers(iceServers);
    // Keyed on the servers' content: a new view with the same servers is no update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, iceKey]);

  return {
    status,
    remote: (peer) => live?.remoteStream(peer) ?? null,
    peerState: (peer) => live?.peerState(peer) ?? 'waiting',
  };
}
