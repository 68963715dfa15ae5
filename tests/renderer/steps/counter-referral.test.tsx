import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowStepData } from '../../../electron/contract';
import { createI18n } from '../../../renderer/i18n';
import { FlowRunner } from '../../../renderer/flows';
import { createMockKioskApi, ok } from '../../../renderer/api/mock';
import { renderFlowStep, renderWithKiosk } from '../flows/support';
import { views } from '../flows/views';

type CounterReason = Extract<FlowStepData, { step: 'counter' }>['reason'];
const REASONS: CounterReason[] = [
  'resultAtCounter',
  'counterOnly',
  'faceCheckFailed',
  'printFailed',
  'notFound',
  'queryFailed',
];
/** Words that would tell the hall a record exists (or was even looked at). */
const REVEALING = [/犯罪/, /记录/, /案底/, /违法/, /criminal/i, /record/i, /conviction/i, /offen[cs]e/i];

describe('counter step', () => {
  it('shows the window and ticket number and ends with the host', () => {
    const { send, view } = renderFlowStep(views.counter('resultAtCounter', { state: 'printed', number: 'A017' }));
    expect(screen.getByTestId('counter-window')).toHaveTextContent('2号窗口');
    expect(screen.getByTestId('counter-ticket')).toHaveTextContent('A017');
    fireEvent.click(screen.getByTestId('counter-done'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.counter');
  });

  it('a ticket that did not print sends the citizen straight to the window', () => {
    renderFlowStep(views.counter('printFailed', { state: 'notPrinted', number: null }));
    expect(screen.getByText('排队凭条未能打印，请直接到2号窗口。')).toBeInTheDocument();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`never reveals a record, for any reason, in ${language} (screen, host message and voice)`, async () => {
      const i18n = createI18n(language);
      for (const reason of REASONS) {
        const flowView = views.counter(reason);
        const api = createMockKioskApi({ 'flow.start': () => ok<'flow.start'>(flowView) });
        const { container, voice, unmount } = renderWithKiosk(
          <FlowRunner
            api={api}
            sessionId="s-1"
            serviceId="no-criminal-record"
            elderMode={false}
            onFinish={() => {}}
            onLeave={() => {}}
          />,
          { language },
        );
        await screen.findByTestId('counter-step');
        const text = container.textContent ?? '';
        expect(text).toContain(i18n.t(`flow.counter.${reason}`));
        for (const word of REVEALING) expect(text, `${reason}: ${text}`).not.toMatch(word);
        for (const key of voice.keys()) for (const word of REVEALING) expect(i18n.t(key)).not.toMatch(word);
        unmount();
      }
    });
  }

  it('the result-at-counter wording is the same as for reasons that say nothing about a record', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      expect(i18n.t('flow.counter.resultAtCounter')).toBe(i18n.t('flow.counter.counterOnly'));
      expect(i18n.t('flow.counter.resultAtCounter')).toBe(i18n.t('flow.counter.notFound'));
    }
  });
});

describe('referral step', () => {
  it('residents from elsewhere: the 户籍地 station, or the 居住地 station with a 居住证', () => {
    const { send, view } = renderFlowStep(views.referral('registeredResidence'));
    const places = screen.getByTestId('referral-places');
    expect(places).toHaveTextContent('您的户籍所在地（广东省深圳市）派出所');
    expect(places).toHaveTextContent('或持居住证，到您居住地的派出所');
    fireEvent.click(screen.getByTestId('referral-done'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.referralResidence');
  });

  it('foreigners: the 出入境 window', () => {
    renderFlowStep(views.referral('exitEntry'), {}, { language: 'en' });
    expect(screen.getByTestId('referral-window')).toHaveTextContent('window 5');
    expect(screen.getByText(/exit-entry counter/)).toBeInTheDocument();
  });
});
