/** The dock's view of the simulated devices (`dock.state`), refreshed after each action and device change. */
import { useCallback, useEffect, useState } from 'react';
import type { CallResult } from '../../electron/contract';
import type { KioskClient } from '../api/types';

/** What `dock.state` returned; null until it answered (or when it failed). */
export type DockState = CallResult<'dock.state'>;

/** Loads the state now, on `devices.changed`, and on `refresh()`. */
export function useDockState(api: KioskClient): { state: DockState | null; refresh: () => Promise<void> } {
  const [state, setState] = useState<DockState | null>(null);
  const refresh = useCallback(async () => {
    const outcome = await api.call('dock.state', {});
    setState(outcome.ok ? outcome.value : null);
  }, [api]);
  useEffect(() => {
    let cancelled = false;
    void api.call('dock.state', {}).then((outcome) => {
      if (!cancelled) setState(outcome.ok ? outcome.value : null);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);
  // Follow device changes only while the dock is enabled (a production kiosk never subscribes).
  const enabled = state?.enabled === true;
  useEffect(() => (enabled ? api.on('devices.changed', () => void refresh()) : undefined), [api, enabled, refresh]);
  return { state, refresh };
}
