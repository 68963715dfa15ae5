/**
 * A service's own words, asked of the host (`service.wording`) before its
 * flow starts and added to i18next under `svc.<serviceId>` in both languages,
 * so a language switch mid-flow needs no second call. Once there they stay
 * for the app's life (the app has one i18n instance; tests make one per
 * render, so they never share words), and the next start of the service
 * does not ask again. A failed load leaves nothing behind, so a retry asks
 * again.
 */
import type { i18n as I18n } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, ServiceWording } from '../../electron/contract';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n';

/** Where a service's wording is. */
export type WordingState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; messageKey: string };

type Loaded = Exclude<WordingState, { kind: 'loading' }>;

/**
 * Loads on their way, by resource store: react-i18next hands each component
 * its own wrapper of the instance, but they all share the instance's store.
 */
const pending = new WeakMap<object, Map<string, Promise<Loaded>>>();

/** Mounts a service's wording at `svc.<serviceId>` in every kiosk language. */
export function addServiceWording(i18n: I18n, serviceId: string, wording: ServiceWording): void {
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, 'translation', { svc: { [serviceId]: wording[language] } }, true, true);
  }
}

/** Whether `serviceId`'s wording is already in `i18n` (then its flow starts without a wait). */
function hasWording(i18n: I18n, serviceId: string): boolean {
  return i18n.getResource(DEFAULT_LANGUAGE, 'translation', `svc.${serviceId}`) !== undefined;
}

/** The wording of `serviceId` in `i18n`: there already, loaded now, or the load already on its way. */
function loadWording(api: KioskApi, i18n: I18n, serviceId: string): Promise<Loaded> {
  if (hasWording(i18n, serviceId)) return Promise.resolve({ kind: 'ready' });
  let loads = pending.get(i18n.store);
  if (!loads) {
    loads = new Map();
    pending.set(i18n.store, loads);
  }
  const known = loads.get(serviceId);
  if (known) return known;
  const mine = loads;
  const loading = Promise.resolve()
    .then(() => api.call('service.wording', { serviceId }))
    .then(
      (outcome): Loaded => {
        if (!outcome.ok) return { kind: 'failed', messageKey: outcome.error.messageKey };
        addServiceWording(i18n, serviceId, outcome.value);
        return { kind: 'ready' };
      },
      // A transport that throws instead of answering: the same calm problem as a refusal.
      (): Loaded => ({ kind: 'failed', messageKey: 'errors.transport' }),
    )
    .finally(() => mine.delete(serviceId));
  loads.set(serviceId, loading);
  return loading;
}

/** The wording of one service, and a way to ask again after a failure. */
export function useServiceWording(api: KioskApi, serviceId: string): { state: WordingState; retry: () => void } {
  const { i18n } = useTranslation();
  const [state, setState] = useState<WordingState>(() =>
    hasWording(i18n, serviceId) ? { kind: 'ready' } : { kind: 'loading' },
  );
  const mounted = useRef(false);

  const follow = useCallback(() => {
    void loadWording(api, i18n, serviceId).then((loaded) => {
      if (mounted.current) setState(loaded);
    });
  }, [api, i18n, serviceId]);

  useEffect(() => {
    mounted.current = true;
    follow();
    return () => {
      mounted.current = false;
    };
  }, [follow]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    follow();
  }, [follow]);

  return { state, retry };
}
