/**
 * 可视化代办 at the kiosk: the agent's screens of a proxy case, one thing
 * per screen, by the host's `phase` — asking the hall, the invitation's QR
 * code, the principal's face check on their phone, the video call with the
 * principal and the officer (recorded while the statement is read), the
 * agent's signature, the officer's decision, and the end in plain words.
 * The host follows the hall and moves the phase; the screen only sends the
 * agent's SIGN, RETRY and BACK. The call screen (and the WebRTC mesh it
 * brings) is loaded on demand, so it costs the kiosk's first load nothing.
 */
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdleHold } from '../../app/idle/IdleContext';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { Waiting } from '../../flows/Waiting';
import { TouchButton } from '../../ui/TouchButton';
import { AgentSignScreen } from './AgentSignScreen';
import { CaseLine } from './CaseLine';
import { EndedScreen } from './EndedScreen';
import { InviteScreen } from './InviteScreen';
import { IDLE_HOLD_PHASES } from './proxy-phases';
import { proxyVoiceKey, REFUSED_KEYS } from './proxy-words';
import './ProxyCallStep.css';

const loadCallScreen = () => import('./CallScreen');
const CallScreen = lazy(() => loadCallScreen().then((module) => ({ default: module.CallScreen })));

/** `data-testid="proxy-call-step"` (`data-phase`), with `proxy-retry`, `proxy-back` and `proxy-cancel` where they apply. */
export function ProxyCallStep({
  view,
  data,
  api,
  sessionId,
  send,
  accepts,
  elderMode,
  onFinish,
}: StepProps<'proxyCall'>): ReactElement {
  const { t } = useTranslation();
  const { phase } = data;
  useIdleHold(IDLE_HOLD_PHASES.has(phase));
  useStepVoice(view, proxyVoiceKey(phase), phase === 'waitingForPrincipal');
  // The principal is on the way: fetch the call screen now, so the call shows at once.
  useEffect(() => {
    if (phase === 'principalChecking') void loadCallScreen();
  }, [phase]);

  const cancel = accepts('BACK') ? (
    <TouchButton variant="secondary" data-testid="proxy-cancel" onPress={() => send({ type: 'BACK' })}>
      {t('flow.proxyCall.cancel')}
    </TouchButton>
  ) : null;

  let title: string;
  let body: ReactElement;
  let actions: ReactElement | null = cancel;
  switch (phase) {
    case 'opening':
      title = t('flow.proxyCall.title');
      body = <Waiting text={t('flow.proxyCall.opening')} />;
      actions = null;
      break;
    case 'openRefused':
      title = t('flow.proxyCall.refused.title');
      body = (
        <p className="flow-step__problem" role="alert" data-testid="proxy-refused">
          {t(REFUSED_KEYS[data.openRefusedReason ?? 'unavailable'])}
        </p>
      );
      actions = (
        <>
          {accepts('RETRY') ? (
            <TouchButton data-testid="proxy-retry" onPress={() => send({ type: 'RETRY' })}>
              {t('flow.proxyCall.retry')}
            </TouchButton>
          ) : null}
          {accepts('BACK') ? (
            <TouchButton variant="secondary" data-testid="proxy-back" onPress={() => send({ type: 'BACK' })}>
              {t('flow.proxyCall.back')}
            </TouchButton>
          ) : null}
        </>
      );
      break;
    case 'waitingForPrincipal':
      title = t('flow.proxyCall.invite.title');
      body = data.invite ? (
        <InviteScreen invite={data.invite} elderMode={elderMode} />
      ) : (
        <Waiting text={t('flow.proxyCall.opening')} />
      );
      break;
    case 'principalChecking':
      title = t('flow.proxyCall.checking.title');
      body = <Waiting text={t('flow.proxyCall.checking.note')} />;
      break;
    case 'waitingForOfficer':
    case 'inCall':
    case 'recording':
      title = t('flow.proxyCall.title');
      body = data.case ? (
        <Suspense fallback={<Waiting text={t('flow.proxyCall.call.connecting')} />}>
          <CallScreen
            api={api}
            sessionId={sessionId}
            caseId={data.case.caseId}
            iceServers={data.iceServers}
            phase={phase}
          />
        </Suspense>
      ) : (
        <Waiting text={t('flow.proxyCall.call.connecting')} />
      );
      break;
    case 'signing':
      title = t('flow.proxyCall.sign.title');
      body = (
        <AgentSignScreen
          problem={data.signatureProblem}
          seq={view.seq}
          elderMode={elderMode}
          canSign={accepts('SIGN')}
          send={send}
        />
      );
      actions = null;
      break;
    case 'awaitingDecision':
      title = t('flow.proxyCall.deciding.title');
      body = <Waiting text={t('flow.proxyCall.deciding.note')} />;
      actions = null;
      break;
    case 'approved':
      title = t('flow.proxyCall.title');
      body = <Waiting text={t('flow.proxyCall.approved')} />;
      actions = null;
      break;
    case 'ended':
      title = t('flow.proxyCall.ended.title');
      body = <EndedScreen reason={data.endReason} officerReason={data.case?.decision?.reason ?? null} />;
      actions = accepts('CONFIRM') ? (
        <TouchButton data-testid="proxy-finish" onPress={() => send({ type: 'CONFIRM' })}>
          {t('flow.proxyCall.finish')}
        </TouchButton>
      ) : (
        <TouchButton data-testid="proxy-finish" onPress={onFinish}>
          {t('flow.proxyCall.finish')}
        </TouchButton>
      );
      break;
    default: {
      const never: never = phase;
      throw new Error(`No screen for proxy phase ${String(never)}`);
    }
  }

  return (
    <section
      className={`step flow-step proxy-call-step${elderMode ? ' proxy-call-step--elder' : ''}`}
      data-testid="proxy-call-step"
      data-phase={phase}
      aria-labelledby="step-title"
    >
      <h1 id="step-title" className="step__title">
        {title}
      </h1>
      {data.case && phase !== 'ended' ? <CaseLine view={data.case} /> : null}
      {body}
      {actions ? <div className="flow-actions">{actions}</div> : null}
    </section>
  );
}
