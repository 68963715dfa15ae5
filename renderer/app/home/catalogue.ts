/** The hall's services as the host lists them, kept live by `catalogue.changed`. */
import { useCallback, useEffect, useState } from 'react';
import type { KioskError, ServiceCategory, ServiceEntry } from '../../../electron/contract';
import type { KioskClient } from '../../api/types';

/** Loading, loaded, or failed (with the host's reason). */
export type CatalogueState = { kind: 'loading' } | { kind: 'loaded'; services: ServiceEntry[] } | { kind: 'failed'; error: KioskError };

/** Categories in the order the home screen shows them. */
export const CATEGORY_ORDER: readonly ServiceCategory[] = ['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy'];

/** Loads `catalogue.list` and follows `catalogue.changed`; `reload` asks again after a failure. */
export function useCatalogue(api: KioskClient): { state: CatalogueState; reload: () => Promise<void> } {
  const [state, setState] = useState<CatalogueState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let eventSeen = false;
    const off = api.on('catalogue.changed', (payload) => {
      eventSeen = true;
      setState({ kind: 'loaded', services: payload.services });
    });
    void api.call('catalogue.list', {}).then((outcome) => {
      if (cancelled || eventSeen) return;
      setState(outcome.ok ? { kind: 'loaded', services: outcome.value.services } : { kind: 'failed', error: outcome.error });
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [api, attempt]);
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
    return Promise.resolve();
  }, []);
  return { state, reload };
}

/** Categories that have at least one service, in display order. */
export function categoriesOf(services: readonly ServiceEntry[]): ServiceCategory[] {
  return CATEGORY_ORDER.filter((category) => services.some((s) => s.category === category));
}

/** Services per page: fewer, bigger choices in elder mode (DOMAIN.md §6). */
export function pageSize(elderMode: boolean): number {
  return elderMode ? 4 : 6;
}

/** One page of a list, with the page clamped into range. */
export function paginate<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(clamped * size, clamped * size + size), page: clamped, pages };
}
