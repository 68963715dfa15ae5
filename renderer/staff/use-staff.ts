/**
 * The staff sign-in as the host says it is (`staff.state`, then every
 * `staff.changed`) and the kiosk's service state (`kiosk.serviceState`, call
 * and event). The screen never decides who is signed in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload, StaffView } from '../../electron/contract';
import type { KioskClient } from '../api/types';

export type OutOfService = EventPayload<'kiosk.serviceState'>['outOfService'];

/** At most one `staff.touch` per this long: any staff call also counts as a touch on the host. */
const TOUCH_EVERY_MS = 15_000;

export function useStaffView(
  api: KioskClient,
  available: boolean,
): { view: StaffView; refresh: () => void; touched: () => void } {
  const [view, setView] = useState<StaffView>({ phase: 'signedOut' });
  const lastTouch = useRef(0);
  const refresh = useCallback(() => {
    void api.call('staff.state', {}).then((outcome) => {
      if (outcome.ok) setView(outcome.value);
    });
  }, [api]);
  useEffect(() => {
    if (!available) return;
    const off = api.on('staff.changed', setView);
    refresh();
    return off;
  }, [api, available, refresh]);
  const touched = useCallback(() => {
    const now = Date.now();
    if (now - lastTouch.current < TOUCH_EVERY_MS) return;
    lastTouch.current = now;
    void api.call('staff.touch', {}).then((outcome) => {
      if (outcome.ok) setView(outcome.value);
    });
  }, [api]);
  return { view, refresh, touched };
}

export function useServiceState(api: KioskClient, available: boolean): OutOfService {
  const [state, setState] = useState<OutOfService>(null);
  useEffect(() => {
    if (!available) return;
    let eventSeen = false;
    const off = api.on('kiosk.serviceState', (payload) => {
      eventSeen = true;
      setState(payload.outOfService);
    });
    void api.call('kiosk.serviceState', {}).then((outcome) => {
      if (outcome.ok && !eventSeen) setState(outcome.value.outOfService);
    });
    return off;
  }, [api, available]);
  return state;
}

/** A time of day in the kiosk's zone, e.g. for "locked until 10:15". */
export function kioskTime(iso: string, language: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
