/** Hooks that load host data while the host is available, retrying after failures. */
import { useEffect, useState } from 'react';
import type { DeviceStatus, KioskInfo } from '../../electron/contract';
import type { KioskClient } from '../api/types';

/** Delay before asking again after a failed call. */
export const RETRY_MS = 5_000;

/** The kiosk's identity (`kiosk.info`); null until it has loaded. Reloaded whenever the host comes back. */
export function useKioskInfo(api: KioskClient, available: boolean): KioskInfo | null {
  const [info, setInfo] = useState<KioskInfo | null>(null);
  useEffect(() => {
    if (!available) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      void api.call('kiosk.info', {}).then((outcome) => {
        if (cancelled) return;
        if (outcome.ok) setInfo(outcome.value);
        else retry = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [api, available]);
  return info;
}

/**
 * Live device statuses: `devices.list` once the host is available, then every
 * `devices.changed` event. A list that arrives after an event is older and is dropped.
 */
export function useDevices(api: KioskClient, available: boolean): DeviceStatus[] | null {
  const [devices, setDevices] = useState<DeviceStatus[] | null>(null);
  useEffect(() => {
    if (!available) return;
    let cancelled = false;
    let eventSeen = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('devices.changed', (payload) => {
      eventSeen = true;
      setDevices(payload.devices);
    });
    const load = (): void => {
      void api.call('devices.list', {}).then((outcome) => {
        if (cancelled || eventSeen) return;
        if (outcome.ok) setDevices(outcome.value);
        else retry = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
      off();
    };
  }, [api, available]);
  return devices;
}

/** True while the host says it is restarting; cleared by `host.status` ready or a fresh connection. */
export function useHostRestarting(api: KioskClient): boolean {
  const [restarting, setRestarting] = useState(false);
  useEffect(() => {
    const offStatus = api.on('host.status', (payload) => setRestarting(payload.state === 'restarting'));
    const offLink = api.onConnectionChange((state) => {
      if (state === 'connected') setRestarting(false);
    });
    return () => {
      offStatus();
      offLink();
    };
  }, [api]);
  return restarting;
}

/** The current time, updated every second. */
export function useNow(intervalMs = 1_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
