/**
 * The 可视化代办 step for the renderer tests: views valid against the
 * contract (built on the fixture's invite view), and a harness that draws the
 * step as the FlowRunner does — inside i18n, voice, the session's idle control
 * (a spy) and the call's injected pieces — and can show it the host's next view.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { FlowEvent, FlowEventType, FlowView, KioskApi } from '../../../electron/contract';
import type { ProxyCallStepData, ProxyCaseView } from '../../../electron/contract/proxy';
import { FIXTURE_SERVICE_ID, fixtureViews, fixtureWording } from '../../../renderer/api/fixture-service';
import { IdleProvider } from '../../../renderer/app/idle/IdleContext';
import type { StepContext } from '../../../renderer/flows/step-props';
import { addServiceWording } from '../../../renderer/flows/use-service-wording';
import { createI18n, type Language } from '../../../renderer/i18n';
import { renderStep, steps } from '../../../renderer/steps';
import {
  ProxyCallDepsContext,
  defaultProxyCallDeps,
  type ProxyCallDeps,
} from '../../../renderer/steps/proxy-call/call-deps';
import { VoiceProvider } from '../../../renderer/voice/VoiceContext';
import { recordingVoice } from '../support/render-app';
import { viewOf } from '../flows/views';

export const INVITE_URL = 'https://hall.example.test:8751/p/#t=fixture-invite-token-0001';

/** The fixture's proxy step data (the invite, SMS sent, ten minutes left). */
export function baseProxyData(): ProxyCallStepData {
  return fixtureViews.proxyCall().data as ProxyCallStepData;
}

/** A proxy view in `phase`, with `over` applied to the data and the case. */
export function proxyView(
  phase: ProxyCallStepData['phase'],
  over: Partial<Omit<ProxyCallStepData, 'case'>> & { case?: Partial<ProxyCaseView> | null } = {},
  accepts: FlowEventType[] = ['BACK'],
  extra: Partial<FlowView> = {},
): FlowView {
  const base = baseProxyData();
  const { case: caseOver, ...rest } = over;
  const view = caseOver === null ? null : { ...base.case!, ...caseOver };
  return viewOf({ ...base, phase, ...rest, case: view }, accepts, extra);
}

export interface ProxyHarnessOptions {
  api: KioskApi;
  deps?: ProxyCallDeps;
  language?: Language;
  elderMode?: boolean;
}

/** Draws the step for `first`; `show(next)` gives it the host's next view, `unmount()` ends it. */
export function renderProxyStep(first: FlowView, options: ProxyHarnessOptions) {
  const language = options.language ?? 'zh-CN';
  const i18n = createI18n(language);
  addServiceWording(i18n, FIXTURE_SERVICE_ID, fixtureWording);
  const voice = recordingVoice();
  const release = vi.fn();
  const hold = vi.fn(() => release);
  const send = vi.fn<(event: FlowEvent) => Promise<void>>(() => Promise.resolve());
  const onFinish = vi.fn();
  const ui = (view: FlowView): ReactElement => {
    const context: StepContext = {
      view,
      api: options.api,
      sessionId: 's-1',
      elderMode: options.elderMode ?? false,
      send,
      accepts: (type) => view.accepts.includes(type),
      refresh: () => Promise.resolve(),
      onError: () => {},
      onFinish,
    };
    return (
      <I18nextProvider i18n={i18n}>
        <VoiceProvider voice={voice} language={language} elderMode={options.elderMode ?? false} volume={1}>
          <IdleProvider control={{ hold, presence: () => {} }}>
            <ProxyCallDepsContext.Provider value={options.deps ?? defaultProxyCallDeps}>
              {/* The runner keys the step by step id and kind: a new phase is the same mounted step. */}
              <div key={`${view.stepId} ${view.step}`}>{renderStep(steps, context)}</div>
            </ProxyCallDepsContext.Provider>
          </IdleProvider>
        </VoiceProvider>
      </I18nextProvider>
    );
  };
  const rendered = render(ui(first));
  return { ...rendered, voice, hold, release, send, onFinish, show: (next: FlowView) => rendered.rerender(ui(next)) };
}
