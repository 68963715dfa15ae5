/**
 * One service's flow once its wording is loaded: starts it with the host,
 * draws the host's current step with the service's screens (the step
 * library's, or its folder's own), sends the citizen's events, follows
 * `flow.changed`, and shows the step progress, the host's messages in words,
 * back (only when the host allows it) and, after repeated errors in one step,
 * the shell's offer of staff help.
 */
import { useCallback, useEffect, useMemo, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowEventType } from '../../electron/contract';
import type { KioskClient } from '../api/types';
import { HelpDialog } from '../app/help/HelpDialog';
import { HelpOfferDialog } from '../app/help/HelpOfferDialog';
import { useHelp } from '../app/help/useHelp';
import { useStepErrors } from '../app/session/useStepErrors';
import { renderStep } from '../steps';
import { TouchButton } from '../ui/TouchButton';
import { useSay } from '../voice/VoiceContext';
import { FlowProgress } from './FlowProgress';
import { flowMessageOf, type FlowMessage } from './flow-messages';
import { stepsFor } from './registry';
import { StartProblem } from './StartProblem';
import { useFlow } from './use-flow';
import { Waiting } from './Waiting';
import './FlowRunner.css';

/** Props of {@link RunningFlow}. */
export interface RunningFlowProps {
  api: KioskClient;
  sessionId: string;
  serviceId: string;
  elderMode: boolean;
  /** Ends the session as finished (the last step's button). */
  onFinish: () => unknown;
  /** Leaves the service when its flow could not start (back to the services). */
  onLeave: () => void;
  /** The host started this run itself (a run by proxy): follow it, never start it. */
  adopted?: boolean;
}

/** `data-testid="flow-runner"` with `data-step` (the kind); `flow-back`, `flow-problem`, `flow-note`. */
export function RunningFlow({ api, sessionId, serviceId, elderMode, onFinish, onLeave, adopted = false }: RunningFlowProps): ReactElement {
  const { t, i18n } = useTranslation();
  const say = useSay();
  const registry = useMemo(() => stepsFor(serviceId), [serviceId]);

  // useFlow reports failed calls through a ref, so the error counter below can key on the step it returns.
  const errorSink = useRef<(messageKey: string) => void>(() => {});
  const sinkError = useCallback((messageKey: string) => errorSink.current(messageKey), []);
  const control = useFlow(api, sessionId, serviceId, sinkError, adopted);
  const current = control.state.kind === 'running' ? control.state.view : null;
  const step = current?.step ?? control.state.kind;
  // Errors count per step of the service (two steps of one kind are two steps); staff hear the kind.
  const errors = useStepErrors(current?.stepId ?? control.state.kind, elderMode);
  const help = useHelp(api, sessionId, `flow.${step}`);

  const { report } = errors;
  const reportError = useCallback(
    (messageKey: string) => {
      report(messageKey);
      say('voice.error');
    },
    [report, say],
  );
  useEffect(() => {
    errorSink.current = reportError;
  }, [reportError]);

  // Each new problem the host reports with a view counts toward the help offer (after the step it belongs to rendered).
  const message = useMemo<FlowMessage>(() => (current ? flowMessageOf(current) : { kind: 'none' }), [current]);
  const problem = control.problem;
  const reported = useRef(0);
  useEffect(() => {
    if (!problem || reported.current === problem.count) return;
    reported.current = problem.count;
    reportError(problem.messageKey);
  }, [problem, reportError]);
  // A view without a problem (e.g. a retry running) takes the last problem off the screen.
  const { clear } = errors;
  useEffect(() => {
    if (current && message.kind !== 'problem') clear();
  }, [current, message, clear]);

  const words = (key: string): string => (i18n.exists(key) ? t(key) : t('errors.generic'));
  const accepts = useCallback((type: FlowEventType) => current?.accepts.includes(type) === true, [current]);

  return (
    <div
      className="flow"
      data-testid="flow-runner"
      data-service={serviceId}
      data-step={current?.step ?? control.state.kind}
    >
      {current ? (
        <FlowProgress stepIndex={current.stepIndex} stepCount={current.stepCount} path={current.path} />
      ) : null}
      {errors.messageKey ? (
        <p className="flow__problem" role="alert" data-testid="flow-problem">
          {words(errors.messageKey)}
        </p>
      ) : null}
      {message.kind === 'note' ? (
        <p className="flow__note" data-testid="flow-note">
          {words(message.messageKey)}
        </p>
      ) : null}
      {control.state.kind === 'starting' ? <Waiting text={t('flow.starting')} /> : null}
      {control.state.kind === 'startFailed' ? (
        <StartProblem messageKey={control.state.messageKey} onRetry={control.restart} onLeave={onLeave} />
      ) : null}
      {current ? (
        <div className="flow__step" key={`${current.stepId} ${current.step}`}>
          {renderStep(registry, {
            view: current,
            api,
            sessionId,
            elderMode,
            send: control.send,
            accepts,
            refresh: control.refresh,
            onError: reportError,
            onFinish,
          })}
        </div>
      ) : null}
      {current?.canGoBack ? (
        <div className="flow__footer">
          <TouchButton
            variant="secondary"
            className="flow__back"
            data-testid="flow-back"
            onPress={() => control.send({ type: 'BACK' })}
          >
            <span aria-hidden="true">‹ </span>
            {t('flow.back')}
          </TouchButton>
        </div>
      ) : null}
      {help.state.kind !== 'none' ? (
        <HelpDialog state={help.state} onClose={help.dismiss} />
      ) : errors.offerHelp ? (
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
