/**
 * The hall as the console sees it: kiosks, open alerts and help calls, and
 * the sessions under way, fetched once, kept current by `/api/live`, and
 * fetched again after every reconnect (messages sent while the socket was
 * down are lost). `onNewHelpCall` fires for a call first seen waiting.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertView, HelpCallView, KioskView, LiveMessage, SupervisedSession } from '../../contract/console-api';
import type { ApiResult, ConsoleApi, ConsoleFailure, LiveFeed, LiveState } from '../api/console-api';

export interface HallData {
  kiosks: KioskView[];
  alerts: AlertView[];
  helpCalls: HelpCallView[];
  sessions: SupervisedSession[];
  liveState: LiveState;
  loadError: ConsoleFailure | null;
  refresh: () => Promise<void>;
  /** Puts a changed item from an answer into the lists (the live message may come later or never). */
  upsertAlert: (alert: AlertView) => void;
  upsertHelpCall: (call: HelpCallView) => void;
}

function upsert<T>(list: T[], item: T, same: (a: T, b: T) => boolean): T[] {
  const index = list.findIndex((entry) => same(entry, item));
  if (index === -1) return [...list, item];
  const next = [...list];
  next[index] = item;
  return next;
}

type Lists = [ApiResult<KioskView[]>, ApiResult<AlertView[]>, ApiResult<HelpCallView[]>, ApiResult<SupervisedSession[]>];

/** Everything the shell shows, fetched at once (at start and after each reconnect). */
function fetchLists(api: ConsoleApi): Promise<Lists> {
  return Promise.all([api.kiosks(), api.alerts('open'), api.helpCalls('open'), api.supervision()]);
}

const sameKiosk = (a: KioskView, b: KioskView): boolean => a.kioskId === b.kioskId;
const sameAlert = (a: AlertView, b: AlertView): boolean => a.id === b.id;
const sameCall = (a: HelpCallView, b: HelpCallView): boolean => a.callId === b.callId;

export function useHallData(api: ConsoleApi, live: LiveFeed, onNewHelpCall: (call: HelpCallView) => void): HallData {
  const [kiosks, setKiosks] = useState<KioskView[]>([]);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [helpCalls, setHelpCalls] = useState<HelpCallView[]>([]);
  const [sessions, setSessions] = useState<SupervisedSession[]>([]);
  const [liveState, setLiveState] = useState<LiveState>('connecting');
  const [loadError, setLoadError] = useState<ConsoleFailure | null>(null);
  const knownCalls = useRef(new Set<string>());
  const newCall = useRef(onNewHelpCall);
  useEffect(() => {
    newCall.current = onNewHelpCall;
  }, [onNewHelpCall]);

  const apply = useCallback(([k, a, h, s]: Lists) => {
    const failed = [k, a, h, s].find((result) => !result.ok);
    setLoadError(failed && !failed.ok ? failed.error : null);
    if (k.ok) setKiosks(k.value);
    if (a.ok) setAlerts(a.value);
    if (h.ok) {
      for (const call of h.value) knownCalls.current.add(call.callId);
      setHelpCalls(h.value);
    }
    if (s.ok) setSessions(s.value);
  }, []);
  const refresh = useCallback(() => fetchLists(api).then(apply), [api, apply]);

  useEffect(() => {
    let first = true;
    const onMessage = (message: LiveMessage): void => {
      switch (message.type) {
        case 'kiosk':
          setKiosks((list) => upsert(list, message.kiosk, sameKiosk));
          return;
        case 'alert':
          setAlerts((list) => upsert(list, message.alert, sameAlert));
          return;
        case 'helpCall': {
          const { call } = message;
          if (call.state === 'waiting' && !knownCalls.current.has(call.callId)) newCall.current(call);
          knownCalls.current.add(call.callId);
          setHelpCalls((list) => upsert(list, call, sameCall));
          return;
        }
        case 'supervision': {
          const { kioskId, session } = message;
          setSessions((list) => (session ? upsert(list, session, (a, b) => a.kioskId === b.kioskId) : list.filter((entry) => entry.kioskId !== kioskId)));
          return;
        }
        case 'proxyCase':
          // The proxy desk keeps its own list (ProxyDesk.tsx).
          return;
      }
    };
    const stop = live.connect({
      onMessage,
      onState: (state) => {
        setLiveState(state);
        // The first connection follows the initial fetch below; every later one must catch up.
        if (state === 'connected' && !first) void fetchLists(api).then(apply);
        if (state === 'connected') first = false;
      },
    });
    void fetchLists(api).then(apply);
    return stop;
  }, [api, live, apply]);

  return {
    kiosks,
    alerts,
    helpCalls,
    sessions,
    liveState,
    loadError,
    refresh,
    upsertAlert: useCallback((alert: AlertView) => setAlerts((list) => upsert(list, alert, sameAlert)), []),
    upsertHelpCall: useCallback((call: HelpCallView) => setHelpCalls((list) => upsert(list, call, sameCall)), []),
  };
}
