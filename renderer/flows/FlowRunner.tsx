/**
 * Runs one service's kiosk flow inside the session frame: first the
 * service's own words (`service.wording`, once per service for the app's
 * life), with a calm wait, or the choice to try again or go back when they
 * cannot be had; then the flow itself ({@link RunningFlow}). No step is
 * drawn before its words are there.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { RunningFlow, type RunningFlowProps } from './RunningFlow';
import { StartProblem } from './StartProblem';
import { useServiceWording } from './use-service-wording';
import { Waiting } from './Waiting';
import './FlowRunner.css';

/** Props of {@link FlowRunner}. */
export type FlowRunnerProps = RunningFlowProps;

/** `data-testid="flow-runner"`; `data-step` is `wording` while the words load, then the running flow's. */
export function FlowRunner(props: FlowRunnerProps): ReactElement {
  const { t } = useTranslation();
  const wording = useServiceWording(props.api, props.serviceId);
  if (wording.state.kind === 'ready') return <RunningFlow {...props} />;
  return (
    <div className="flow" data-testid="flow-runner" data-service={props.serviceId} data-step="wording">
      {wording.state.kind === 'loading' ? (
        <Waiting text={t('flow.starting')} />
      ) : (
        <StartProblem messageKey={wording.state.messageKey} onRetry={wording.retry} onLeave={props.onLeave} />
      )}
    </div>
  );
}
