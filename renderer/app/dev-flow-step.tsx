/**
 * Dev route for the step library (simulation only): `?step=flow&kind=<kind>`
 * draws one step kind with the fixture service's view
 * (renderer/api/fixture-service.ts; DevSteps added its wording to i18n), and
 * records what the citizen sent instead of sending it. Without a known kind
 * it lists the kinds.
 */
import type { ReactElement } from 'react';
import { StepKind, type FlowEvent } from '../../electron/contract';
import { fixtureViews } from '../api/fixture-service';
import type { KioskClient } from '../api/types';
import { renderStep, steps } from '../steps';
import '../flows/FlowRunner.css';

/** Props of {@link DevFlowStep}. */
export interface DevFlowStepProps {
  api: KioskClient;
  sessionId: string;
  /** The `kind` query parameter. */
  kind: string | null;
  /** What the step did: an event it sent, `finish`, or an error key. */
  onOutcome: (outcome: string) => void;
}

/** `data-testid="dev-flow-step"` (`data-kind`), or `dev-flow-kinds` with a link per kind. */
export function DevFlowStep({ api, sessionId, kind, onOutcome }: DevFlowStepProps): ReactElement {
  const parsed = StepKind.safeParse(kind);
  if (!parsed.success) {
    return (
      <ul data-testid="dev-flow-kinds">
        {StepKind.options.map((k) => (
          <li key={k}>
            <a href={`?step=flow&kind=${k}`}>{k}</a>
          </li>
        ))}
      </ul>
    );
  }
  const view = fixtureViews[parsed.data]();
  const send = async (event: FlowEvent): Promise<void> => onOutcome(JSON.stringify(event));
  return (
    <div className="flow" data-testid="dev-flow-step" data-kind={parsed.data}>
      {renderStep(steps, {
        view,
        api,
        sessionId,
        elderMode: false,
        send,
        accepts: (type) => view.accepts.includes(type),
        refresh: async () => {},
        onError: onOutcome,
        onFinish: () => onOutcome('finish'),
      })}
    </div>
  );
}
