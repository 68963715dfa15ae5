/**
 * One citizen's session on screen: the route through the shell's steps, the
 * idle timer and countdown, help calls and the elder-mode help offer. Keyed by
 * session id, so all of it is dropped when the session ends.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { KioskInfo, MaskedIdentity, ServiceEntry, SessionEndReason } from '../../../electron/contract';
import type { KioskClient } from '../../api/types';
import type { Language } from '../../i18n';
import { useSay, type VolumeLevel } from '../../voice/VoiceContext';
import { HallHintBanner } from '../hall/HallHintBanner';
import { HelpDialog } from '../help/HelpDialog';
import { HelpOfferDialog } from '../help/HelpOfferDialog';
import { useHelp } from '../help/useHelp';
import { CategoryScreen } from '../home/CategoryScreen';
import { HomeScreen } from '../home/HomeScreen';
import { ServiceScreen } from '../home/ServiceScreen';
import { useCatalogue } from '../home/catalogue';
import { createActivityThrottle } from '../idle/activity';
import { CountdownDialog } from '../idle/CountdownDialog';
import { ACTIVITY_INTERVAL_MS, stepTiming } from '../idle/idle-limits';
import { IdleProvider, type IdleControl } from '../idle/IdleContext';
import { KioskTimeZoneProvider } from '../KioskTimeZone';
import { useIdleCountdown } from '../idle/useIdleCountdown';
import { SessionFrame } from '../SessionFrame';
import { FlowRunner } from '../../flows';
import { backFrom, HOME, type SessionRoute } from './route';
import { useHandedOverRun } from './use-handed-over-run';
import { useStepErrors } from './useStepErrors';
import './SessionView.css';

/** Props of {@link SessionView}. */
export interface SessionViewProps {
  api: KioskClient;
  sessionId: string;
  info: KioskInfo | null;
  identity: MaskedIdentity | null;
  language: Language;
  elderMode: boolean;
  volume: VolumeLevel;
  /** Dev override (simulation only): shortens every idle limit. */
  idleScale: number;
  ending: boolean;
  onLanguageChange: (language: Language) => void;
  /** Elder mode switched mid-session: sizes follow at once, idle limits from the next step. */
  onElderModeChange: (on: boolean) => void;
  onVolumeChange: (volume: VolumeLevel) => void;
  /** Ends the session with the host and returns to the attract screen. */
  onEnd: (reason: SessionEndReason) => Promise<void>;
}

/** The session frame with the current step inside it. */
export function SessionView(props: SessionViewProps): ReactElement {
  const { api, sessionId, elderMode, onEnd } = props;
  const say = useSay();
  const [route, setRoute] = useState<SessionRoute>(HOME);
  const catalogue = useCatalogue(api);
  const errors = useStepErrors(route.step, elderMode);
  const help = useHelp(api, sessionId, route.step);

  const timingElder = useElderModeOfStep(api, sessionId, JSON.stringify(route), elderMode);
  const timing = useMemo(
    () => stepTiming(route.step, timingElder, props.idleScale),
    [route.step, timingElder, props.idleScale],
  );
  const timeout = useCallback(() => void onEnd('timeout'), [onEnd]);
  const [holds, setHolds] = useState(0);
  const idle = useIdleCountdown(timing, JSON.stringify(route), timeout, holds > 0);
  const activity = useMemo(
    () => createActivityThrottle(() => void api.call('session.activity', { sessionId }), ACTIVITY_INTERVAL_MS),
    [api, sessionId],
  );
  const { touched } = idle;
  const idleControl = useMemo<IdleControl>(
    () => ({
      hold() {
        setHolds((n) => n + 1);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          setHolds((n) => n - 1);
        };
      },
      presence() {
        touched();
        activity.touch();
      },
    }),
    [touched, activity],
  );

  const { report } = errors;
  const reportError = useCallback(
    (messageKey: string) => {
      report(messageKey);
      say('voice.error');
    },
    [report, say],
  );

  // A card that cannot be read during the session is an error of this step.
  const latestReport = useRef(reportError);
  useEffect(() => {
    latestReport.current = reportError;
  }, [reportError]);
  useEffect(() => api.on('identity.readFailed', (payload) => latestReport.current(payload.messageKey)), [api]);

  // Hall staff gave this citizen more time: the idle warning starts over with that much more.
  const { extend } = idle;
  useEffect(() => api.on('session.extended', (payload) => (payload.sessionId === sessionId ? extend(payload.seconds * 1000) : undefined)), [api, sessionId, extend]);

  const { clear } = errors;
  const go = useCallback(
    (next: SessionRoute): void => {
      clear();
      setRoute(next);
    },
    [clear],
  );
  const back = backFrom(route);
  const services = catalogue.state.kind === 'loaded' ? catalogue.state.services : [];
  // A kiosk service runs in the FlowRunner (the step library draws it), which draws its own back (issue #7).
  const flowServiceId =
    route.step === 'service' && services.find((s) => s.id === route.serviceId)?.handling === 'kiosk'
      ? route.serviceId
      : null;
  useHandedOverRun(api, sessionId, flowServiceId, services, go);

  return (
    <div className="session-view" onPointerDownCapture={() => (idle.touched(), activity.touch())}>
      <IdleProvider control={idleControl}>
        <SessionFrame
          info={props.info}
          identity={props.identity}
          step={route.step}
          language={props.language}
          elderMode={elderMode}
          volume={props.volume}
          errorKey={errors.messageKey}
          ending={props.ending}
          onLanguageChange={props.onLanguageChange}
          onElderModeChange={props.onElderModeChange}
          onVolumeChange={props.onVolumeChange}
          onHelp={() => help.request('button')}
          onBack={back && !flowServiceId ? () => go(back) : null}
          onCancel={() => onEnd('cancelled')}
        >
          {flowServiceId ? (
            <KioskTimeZoneProvider timeZone={props.info?.timeZone}>
              <FlowRunner
                key={flowServiceId}
                adopted={route.step === 'service' && route.adopted === true}
                api={api}
                sessionId={sessionId}
                serviceId={flowServiceId}
                elderMode={elderMode}
                onFinish={() => onEnd('finished')}
                onLeave={() => go(back ?? HOME)}
              />
            </KioskTimeZoneProvider>
          ) : (
            renderStep(route, {
              catalogue: catalogue.state,
              reload: catalogue.reload,
              elderMode,
              services,
              go,
              onUnavailable: reportError,
              onFinish: () => onEnd('finished'),
            })
          )}
        </SessionFrame>
      </IdleProvider>
      <HallHintBanner api={api} sessionId={sessionId} />
      {idle.secondsLeft !== null ? (
        <CountdownDialog secondsLeft={idle.secondsLeft} onMoreTime={idle.moreTime} onEnd={() => onEnd('cancelled')} />
      ) : null}
      {help.state.kind !== 'none' ? (
        <HelpDialog state={help.state} onClose={help.dismiss} />
      ) : errors.offerHelp && idle.secondsLeft === null ? (
        <HelpOfferDialog
          onAccept={async () => {
            errors.dismissOffer();
            await help.request('repeatedErrors');
          }}
          onDecline={errors.dismissOffer}
        />
      ) : null}
    </div>
  );
}

/**
 * Elder mode as it was when the current step began: a switch mid-step changes
 * sizes at once but the idle limit only from the next step (a shell route, or
 * the flow moving on), so a running limit is never cut short under the citizen.
 */
function useElderModeOfStep(api: KioskClient, sessionId: string, routeKey: string, elderMode: boolean): boolean {
  const [flowStep, setFlowStep] = useState('');
  useEffect(
    () =>
      api.on('flow.changed', (payload) => {
        if (payload.sessionId === sessionId) setFlowStep(payload.view.step);
      }),
    [api, sessionId],
  );
  const key = `${routeKey} ${flowStep}`;
  const [held, setHeld] = useState({ key, elderMode });
  // A new step: take the current mode (adjusting state during render, as useStepErrors does).
  const current = held.key === key ? held : { key, elderMode };
  if (current !== held) setHeld(current);
  return current.elderMode;
}

interface StepContext {
  catalogue: ReturnType<typeof useCatalogue>['state'];
  reload: () => Promise<void>;
  elderMode: boolean;
  services: readonly ServiceEntry[];
  go: (route: SessionRoute) => void;
  onUnavailable: (reasonKey: string) => void;
  onFinish: () => Promise<void>;
}

function renderStep(route: SessionRoute, c: StepContext): ReactElement {
  switch (route.step) {
    case 'home':
      return (
        <HomeScreen
          catalogue={c.catalogue}
          onReload={c.reload}
          onChoose={(category) => c.go({ step: 'category', category, page: 0 })}
        />
      );
    case 'category':
      return (
        <CategoryScreen
          catalogue={c.catalogue}
          category={route.category}
          page={route.page}
          elderMode={c.elderMode}
          onReload={c.reload}
          onPage={(page) => c.go({ ...route, page })}
          onChoose={(service) =>
            c.go({ step: 'service', serviceId: service.id, category: route.category, page: route.page })
          }
          onUnavailable={c.onUnavailable}
        />
      );
    case 'service':
      return <ServiceScreen service={c.services.find((s) => s.id === route.serviceId)} onFinish={c.onFinish} />;
  }
}
