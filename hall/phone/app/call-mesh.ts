/**
 * The call mesh the page uses. WIRING POINT for the lead: P4's
 * `createProxyCallMesh` (renderer/proxy-call/mesh.ts) is being written in
 * parallel; once merged, this file becomes
 *   export { createProxyCallMesh as createCallMesh } from '../../../renderer/proxy-call/mesh';
 * Until then the page builds with a mesh that connects to nobody: every
 * peer stays `waiting`, and the tiles say so.
 */
import type { ProxyRole } from '../../../electron/contract/proxy';
import type { MeshOptions, ProxyCallMesh } from '../../../renderer/proxy-call/mesh-types';

export function createCallMesh(options: MeshOptions): ProxyCallMesh {
  const states = new Map<ProxyRole, 'waiting' | 'closed'>(options.peers.map((peer) => [peer, 'waiting']));
  return {
    remoteStream: () => null,
    peerState: (peer) => states.get(peer) ?? 'closed',
    onChange: () => () => undefined,
    stats: async () => Object.fromEntries([...states].map(([peer, state]) => [peer, { state, framesDecoded: 0, audioPacketsReceived: 0, relayed: false }])),
    updateIceServers: () => undefined,
    close: () => {
      for (const peer of states.keys()) states.set(peer, 'closed');
    },
  };
}
