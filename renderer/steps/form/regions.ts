/**
 * The region table for the address picker, loaded on first use: a separate
 * chunk (resources/regions/regions.json, the same file the host checks
 * codes against), so the first screen stays small.
 */
import { useEffect, useState } from 'react';
import type { RegionTable } from '../../../domain/region';

let pending: Promise<RegionTable> | undefined;
/** The table once loaded, so a list shown again has it at once. */
let loaded: RegionTable | undefined;

/** The shared table; the first call starts the dynamic import, later calls reuse it. */
export function loadRegions(): Promise<RegionTable> {
  pending ??= import('../../../resources/regions/regions.json').then(
    (module) => (loaded = module.default as RegionTable),
    (error: unknown) => {
      pending = undefined; // let a later picker try again
      throw error;
    },
  );
  return pending;
}

/** Where the table is. */
export type RegionsState = { status: 'loading' } | { status: 'ready'; table: RegionTable } | { status: 'failed' };

/** Starts loading once on mount. */
export function useRegions(): RegionsState {
  const [state, setState] = useState<RegionsState>(loaded ? { status: 'ready', table: loaded } : { status: 'loading' });
  useEffect(() => {
    if (loaded) return;
    let current = true;
    loadRegions().then(
      (table) => {
        if (current) setState({ status: 'ready', table });
      },
      () => {
        if (current) setState({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
