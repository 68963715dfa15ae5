/**
 * A run the host starts itself: after a 可视化代办 case is approved, the
 * proxy run ends (`done`) and the host starts the chosen service for the
 * principal in the same session. The screen follows that run (adopted, not
 * started again) only when it comes right after the shown run's end, so a
 * late view of a service the citizen left never pulls them back into it.
 */
import { useEffect, useRef } from 'react';
import type { ServiceEntry } from '../../../electron/contract';
import type { KioskClient } from '../../api/types';
import type { SessionRoute } from './route';

export function useHandedOverRun(
  api: KioskClient,
  sessionId: string,
  shownServiceId: string | null,
  services: readonly ServiceEntry[],
  go: (route: SessionRoute) => void,
): void {
  const shown = useRef(shownServiceId);
  const lastStep = useRef<string | null>(null);
  const latest = useRef({ services, go });
  useEffect(() => {
    latest.current = { services, go };
  }, [services, go]);
  useEffect(() => {
    shown.current = shownServiceId;
    lastStep.current = null;
  }, [shownServiceId]);
  useEffect(
    () =>
      api.on('flow.changed', ({ sessionId: of, view }) => {
        if (of !== sessionId || shown.current === null) return;
        if (view.serviceId === shown.current) {
          lastStep.current = view.step;
          return;
        }
        const next = latest.current.services.find((service) => service.id === view.serviceId && service.handling === 'kiosk');
        if (lastStep.current !== 'done' || !next) return;
        shown.current = next.id;
        lastStep.current = null;
        latest.current.go({ step: 'service', serviceId: next.id, category: next.category, page: 0, adopted: true });
      }),
    [api, sessionId],
  );
}
