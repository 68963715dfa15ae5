/**
 * A service's flow as the renderer follows it: `flow.start` once, then the
 * host's views from `flow.send` answers and `flow.changed` events. Answers
 * and events may arrive in either order (a step that finishes at once is
 * pushed before the answer that started it), so the newest view wins, by the
 * run's sequence number, never the last to arrive; once the start answered,
 * views of any other run are ignored. An adopted flow (one the host started
 * itself: a run by proxy after its approval) is followed from `flow.current`,
 * never started again. One event at a time: a second tap
 * while an event is on its way is ignored, as is an event the current step
 * does not accept.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlowEvent, FlowView, KioskApi } from '../../electron/contract';
import { flowMessageOf } from './flow-messages';

/** Where the flow is. */
export type FlowState =
  { kind: 'starting' } | { kind: 'running'; view: FlowView } | { kind: 'startFailed'; messageKey: string };

/** A problem the host reported with a view; `count` grows with each new occurrence. */
export interface FlowProblem {
  messageKey: string;
  count: number;
}

/** What {@link useFlow} gives the runner. */
export interface FlowControl {
  state: FlowState;
  /** The latest problem; a new occurrence has a higher count (each one counts toward the help offer). */
  problem: FlowProblem | null;
  send: (event: FlowEvent) => Promise<void>;
  refresh: () => Promise<void>;
  /** Starts the flow again after a failed start. */
  restart: () => Promise<void>;
}

type Source = 'start' | 'event' | 'send';

/** Follows one flow of one session; `onError` hears failed calls (an i18n key). */
export function useFlow(
  api: KioskApi,
  sessionId: string,
  serviceId: string,
  onError: (messageKey: string) => void,
  adopt = false,
): FlowControl {
  const [state, setState] = useState<FlowState>({ kind: 'starting' });
  const [problem, setProblem] = useState<FlowProblem | null>(null);
  const mounted = useRef(false);
  const started = useRef(false);
  /** The events being sent (null when none): they go to the host one at a time. */
  const sending = useRef<Promise<void> | null>(null);
  const current = useRef<string | null>(null);
  // The run the start answered with, and the newest view's place in its run.
  const run = useRef<string | null>(null);
  const newest = useRef<{ flowId: string; seq: number } | null>(null);
  // A problem view counts once, however it arrives (flow.changed and then the same view as the answer)…
  const lastProblem = useRef<string | null>(null);
  // …except that every answer to the citizen's own event that is a problem counts.
  const sends = useRef(0);
  const countedSend = useRef(0);
  const errorRef = useRef(onError);
  useEffect(() => {
    errorRef.current = onError;
  }, [onError]);

  const apply = useCallback(
    (view: FlowView, source: Source) => {
      if (!mounted.current || view.serviceId !== serviceId) return;
      if (source === 'start') run.current = view.flowId;
      else if (run.current !== null && view.flowId !== run.current) return;
      const latest = newest.current;
      // Older than what is shown: a reply overtaken by the run's own events. Equal is the same view again.
      if (latest && latest.flowId === view.flowId && view.seq < latest.seq) return;
      newest.current = { flowId: view.flowId, seq: view.seq };
      const key = JSON.stringify(view);
      const message = flowMessageOf(view);
      if (
        message.kind === 'problem' &&
        (key !== lastProblem.current || (source === 'send' && countedSend.current !== sends.current))
      ) {
        lastProblem.current = key;
        countedSend.current = sends.current;
        setProblem((previous) => ({ messageKey: message.messageKey, count: (previous?.count ?? 0) + 1 }));
      }
      if (key === current.current) return;
      current.current = key;
      setState({ kind: 'running', view });
    },
    [serviceId],
  );

  const start = useCallback(async () => {
    setState({ kind: 'starting' });
    current.current = null;
    run.current = null;
    newest.current = null;
    if (adopt) {
      // The host's own run: starting the service again would replace it with one for the session's card.
      const running = await api.call('flow.current', { sessionId });
      if (!mounted.current) return;
      if (running.ok && running.value.view?.serviceId === serviceId) apply(running.value.view, 'start');
      else setState({ kind: 'startFailed', messageKey: running.ok ? 'flow.notStarted' : running.error.messageKey });
      return;
    }
    const outcome = await api.call('flow.start', { sessionId, serviceId });
    if (!mounted.current) return;
    if (outcome.ok) apply(outcome.value, 'start');
    else setState({ kind: 'startFailed', messageKey: outcome.error.messageKey });
  }, [api, sessionId, serviceId, apply, adopt]);

  useEffect(() => {
    mounted.current = true;
    const off = api.on('flow.changed', (payload) => {
      if (payload.sessionId === sessionId) apply(payload.view, 'event');
    });
    // Refs survive StrictMode's remount, so the flow starts once per mount.
    if (!started.current) {
      started.current = true;
      void start();
    }
    return () => {
      mounted.current = false;
      off();
    };
  }, [api, sessionId, apply, start]);

  const send = useCallback(
    async (event: FlowEvent) => {
      const touched = current.current ? (JSON.parse(current.current) as FlowView) : null;
      if (!touched || !touched.accepts.includes(event.type)) return;
      // One event at a time, in the order touched. The host often shows the next step (flow.changed)
      // before it answers the event that led there; a touch on that step must wait for the answer,
      // not be dropped (a lost tap leaves the citizen pressing a button that does nothing).
      const before = sending.current;
      let release = (): void => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      sending.current = before ? before.then(() => mine) : mine;
      const queued = sending.current;
      try {
        if (before) {
          await before;
          // The touch was for a step the run has since left (two buttons pressed at once): it is void.
          const view = current.current ? (JSON.parse(current.current) as FlowView) : null;
          if (!mounted.current || !view || view.flowId !== touched.flowId || view.stepId !== touched.stepId || !view.accepts.includes(event.type)) return;
        }
        sends.current += 1;
        const outcome = await api.call('flow.send', { sessionId, event });
        if (outcome.ok) apply(outcome.value, 'send');
        else if (mounted.current) errorRef.current(outcome.error.messageKey);
      } finally {
        release();
        if (sending.current === queued) sending.current = null;
      }
    },
    [api, sessionId, apply],
  );

  const refresh = useCallback(async () => {
    const outcome = await api.call('flow.current', { sessionId });
    if (outcome.ok && outcome.value.view) apply(outcome.value.view, 'event');
  }, [api, sessionId, apply]);

  return { state, problem, send, refresh, restart: start };
}
