/**
 * Dev route for the camera steps (simulation only): `?step=face-check`,
 * `?step=photo&spec=exitEntry` or `?step=consent`, with an
 * optional `&id=<ID number>` typed as the session's identity; and for the
 * step library, `?step=flow&kind=<kind>` (each kind with the fixture
 * service's data and words). Lets testers and the e2e tests reach the steps
 * without a service flow.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { PhotoSpecId, type CameraSettings } from '../../electron/contract';
import { FIXTURE_SERVICE_ID, fixtureWording } from '../api/fixture-service';
import type { KioskClient } from '../api/types';
import { addServiceWording } from '../flows/use-service-wording';
import { ConsentStep } from '../steps/face/ConsentStep';
import { FaceCheckStep } from '../steps/face/FaceCheckStep';
import { PhotoStep } from '../steps/photo/PhotoStep';
import { DevFlowStep } from './dev-flow-step';

/** The steps this route can show. */
export type DevStep = 'consent' | 'face-check' | 'photo' | 'flow';
const STEPS: readonly DevStep[] = ['consent', 'face-check', 'photo', 'flow'];

/** The requested dev step, if the query asks for one. */
export function devStepFromQuery(query: string): DevStep | null {
  const step = new URLSearchParams(query).get('step');
  return STEPS.find((s) => s === step) ?? null;
}

/** Props of {@link DevSteps}. */
export interface DevStepsProps {
  api: KioskClient;
  i18n: I18n;
  query: string;
}

type Setup = { kind: 'loading' } | { kind: 'refused'; reason: string } | { kind: 'ready'; sessionId: string; cameras: CameraSettings };

/** `data-testid="dev-step"` once the session is ready (`data-session-id`). */
export function DevSteps({ api, i18n, query }: DevStepsProps): ReactElement {
  const params = new URLSearchParams(query);
  const step = devStepFromQuery(query);
  const idNumber = params.get('id');
  const spec = PhotoSpecId.safeParse(params.get('spec') ?? 'residentId');
  const [setup, setSetup] = useState<Setup>({ kind: 'loading' });
  const [consented, setConsented] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const prepare = async (): Promise<Setup> => {
      const info = await api.call('kiosk.info', {});
      if (!info.ok) return { kind: 'refused', reason: info.error.messageKey };
      if (!info.value.simulation) return { kind: 'refused', reason: 'dev steps run only in simulation' };
      const current = await api.call('session.current', {});
      let sessionId = current.ok ? current.value.session?.sessionId : undefined;
      if (!sessionId) {
        const started = await api.call('session.start', { language: info.value.defaultLanguage, elderMode: false });
        if (!started.ok) return { kind: 'refused', reason: started.error.messageKey };
        sessionId = started.value.sessionId;
      }
      if (idNumber) {
        const typed = await api.call('identity.typed', { sessionId, idNumber });
        if (!typed.ok) return { kind: 'refused', reason: typed.error.messageKey };
      }
      const cameras = await api.call('camera.config', {});
      if (!cameras.ok) return { kind: 'refused', reason: cameras.error.messageKey };
      // The library's steps speak the fixture service's words, as the host would serve them.
      if (step === 'flow') addServiceWording(i18n, FIXTURE_SERVICE_ID, fixtureWording);
      return { kind: 'ready', sessionId, cameras: cameras.value };
    };
    const whenConnected = (): void => {
      void prepare().then((result) => {
        if (!cancelled) setSetup(result);
      });
    };
    if (api.connectionState() === 'connected') whenConnected();
    const off = api.onConnectionChange((state) => {
      if (state === 'connected') whenConnected();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [api, idNumber, i18n, step]);

  let body: ReactElement;
  if (setup.kind !== 'ready' || !step) body = <p data-testid="dev-step-status">{setup.kind === 'refused' ? setup.reason : '…'}</p>;
  else {
    const { sessionId, cameras } = setup;
    const needsConsent = step !== 'flow' && !consented;
    body = step === 'flow' ? (
      <DevFlowStep api={api} sessionId={sessionId} kind={params.get('kind')} onOutcome={setDone} />
    ) : needsConsent ? (
      <ConsentStep api={api} sessionId={sessionId} onGranted={() => setConsented(true)} onRefused={() => setDone('refused')} />
    ) : step === 'face-check' ? (
      <FaceCheckStep api={api} sessionId={sessionId} camera={cameras.face} onDone={setDone} />
    ) : step === 'photo' ? (
      <PhotoStep api={api} sessionId={sessionId} spec={spec.success ? spec.data : 'residentId'} camera={cameras.face} onDone={() => setDone('chosen')} />
    ) : (
      <p data-testid="dev-step-status">consent recorded</p>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <div className="kiosk" data-testid="dev-step" data-step={step ?? ''} data-session-id={setup.kind === 'ready' ? setup.sessionId : ''} data-done={done ?? ''}>
        {body}
      </div>
    </I18nextProvider>
  );
}
