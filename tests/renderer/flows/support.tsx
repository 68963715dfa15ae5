/** Renders flow UI with the real catalogues plus the fixture service's wording, a recording voice and the strict mock host. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { FlowEvent, FlowView } from '../../../electron/contract';
import { FIXTURE_SERVICE_ID, fixtureWording } from '../../../renderer/api/fixture-service';
import { createMockKioskApi, type MockHandlers, type MockKioskApi } from '../../../renderer/api/mock';
import type { StepContext } from '../../../renderer/flows/step-props';
import { addServiceWording } from '../../../renderer/flows/use-service-wording';
import { createI18n, type Language } from '../../../renderer/i18n';
import { renderStep, steps } from '../../../renderer/steps';
import { VoiceProvider } from '../../../renderer/voice/VoiceContext';
import { recordingVoice, type RecordingVoice } from '../support/render-app';

/** Options of {@link renderWithKiosk}. */
export interface KioskRenderOptions {
  language?: Language;
  elderMode?: boolean;
  /** Registers the fixture service's wording in i18n first, as the runner does once it loaded (default true). */
  wording?: boolean;
}

/** render() inside i18n and voice providers. */
export function renderWithKiosk(
  ui: ReactElement,
  options: KioskRenderOptions = {},
): RenderResult & { voice: RecordingVoice; i18n: ReturnType<typeof createI18n> } {
  const language = options.language ?? 'zh-CN';
  const voice = recordingVoice();
  const i18n = createI18n(language);
  if (options.wording !== false) addServiceWording(i18n, FIXTURE_SERVICE_ID, fixtureWording);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <VoiceProvider voice={voice} language={language} elderMode={options.elderMode ?? false} volume={1}>
        <div className={options.elderMode ? 'kiosk kiosk--elder' : 'kiosk'}>{ui}</div>
      </VoiceProvider>
    </I18nextProvider>,
  );
  return { ...result, voice, i18n };
}

/** What a step test gets back: the mock host and the spies the step may call. */
export interface StepHarness {
  api: MockKioskApi;
  send: ReturnType<typeof vi.fn<(event: FlowEvent) => Promise<void>>>;
  onFinish: ReturnType<typeof vi.fn<() => void>>;
  onError: ReturnType<typeof vi.fn<(key: string) => void>>;
  refresh: ReturnType<typeof vi.fn<() => Promise<void>>>;
  view: ReturnType<typeof renderWithKiosk>;
}

/** Renders one step from the registry for `flowView`, as the FlowRunner would. */
export function renderFlowStep(
  flowView: FlowView,
  handlers: MockHandlers = {},
  options: KioskRenderOptions = {},
): StepHarness {
  const api = createMockKioskApi(handlers);
  const send = vi.fn<(event: FlowEvent) => Promise<void>>(() => Promise.resolve());
  const onFinish = vi.fn<() => void>();
  const onError = vi.fn<(key: string) => void>();
  const refresh = vi.fn<() => Promise<void>>(() => Promise.resolve());
  const context: StepContext = {
    view: flowView,
    api,
    sessionId: 's-1',
    elderMode: options.elderMode ?? false,
    send,
    accepts: (type) => flowView.accepts.includes(type),
    refresh,
    onError,
    onFinish,
  };
  const view = renderWithKiosk(renderStep(steps, context), options);
  return { api, send, onFinish, onError, refresh, view };
}
