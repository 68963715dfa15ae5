/**
 * `window.onedoorCallStats()` for the end-to-end tests and the bench: the
 * mesh's counts (frames decoded, audio packets, relayed or not), never
 * media, while a call is up; gone when it ends.
 */
import type { ProxyCallMesh } from '../../proxy-call/mesh-types';

type StatsWindow = { onedoorCallStats?: ProxyCallMesh['stats'] };

/** Publishes `mesh`'s stats; returns the function that takes them down again (only if still this mesh's). */
export function exposeCallStats(mesh: ProxyCallMesh): () => void {
  if (typeof window === 'undefined') return () => {};
  const target = window as unknown as StatsWindow;
  const stats: ProxyCallMesh['stats'] = () => mesh.stats();
  target.onedoorCallStats = stats;
  return () => {
    if (target.onedoorCallStats === stats) delete target.onedoorCallStats;
  };
}
