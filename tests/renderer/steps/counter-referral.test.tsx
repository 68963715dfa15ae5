import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockKioskApi, fixtureServiceHandlers, ok } from '../../../renderer/api/mock';
import { FlowRunner } from '../../../renderer/flows';
import { catalogues, createI18n, flattenKeys } from '../../../renderer/i18n';
import { renderFlowStep, renderWithKiosk } from '../flows/support';
import { FIXTURE_SERVICE_ID, fixtureKey, views } from '../flows/views';

/** The library's counter reasons a host may point at, and the fixture service's own. */
const REASONS = [
  ...flattenKeys(catalogues['zh-CN'].flow.counter.reason, 'flow.counter.reason.'),
  fixtureKey('counter.atCounter'),
];
/** Words that would tell the hall a record exists (or was even looked at). */
const REVEALING = [/犯罪/, /记录/, /案底/, /违法/, /criminal/i, /record/i, /conviction/i, /offen[cs]e/i];

describe('counter step', () => {
  it('shows the reason, the window and ticket number, and ends with the host', () => {
    const { send, view } = renderFlowStep(views.counter(fixtureKey('counter.atCounter'), { state: 'printed', number: 'A017' }));
    expect(screen.getByTestId('counter-reason')).toHaveTextContent('您的申请需要由窗口工作人员继续办理。');
    expect(screen.getByTestId('counter-window')).toHaveTextContent('2号窗口');
    expect(screen.getByTestId('counter-ticket')).toHaveTextContent('A017');
    fireEvent.click(screen.getByTestId('counter-done'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.counter');
  });

  it('a ticket that did not print sends the citizen straight to the window', () => {
    renderFlowStep(views.counter('flow.counter.reason.printFailed', { state: 'notPrinted', number: null }));
    expect(screen.getByText('排队凭条未能打印，请直接到2号窗口。')).toBeInTheDocument();
  });

  it('a reason with values (e.g. the date a card may be renewed from) shows them in its words', () => {
    const view = views.counter('flow.counter.noTicket', { state: 'printed', number: 'A018' });
    renderFlowStep({ ...view, data: { ...view.data, reasonParams: { window: '2034-12-01' } } } as typeof view);
    expect(screen.getByTestId('counter-reason')).toHaveTextContent('排队凭条未能打印，请直接到2034-12-01。');
  });

  it('while the ticket prints: a calm wait and nothing to press', () => {
    renderFlowStep(views.counter(undefined, { state: 'printing', number: null }));
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在打印排队凭条…');
    expect(screen.queryByTestId('counter-done')).toBeNull();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`never reveals a record, for any reason, in ${language} (screen, host message and voice)`, async () => {
      expect(REASONS.length).toBeGreaterThan(3);
      const i18n = createI18n(language);
      for (const reasonKey of REASONS) {
        // The host may also send the reason as the view's message: it shows once.
        const flowView = { ...views.counter(reasonKey), messageKey: reasonKey };
        const api = createMockKioskApi({ ...fixtureServiceHandlers(), 'flow.start': () => ok<'flow.start'>(flowView) });
        const { container, voice, unmount } = renderWithKiosk(
          <FlowRunner
            api={api}
            sessionId="s-1"
            serviceId={FIXTURE_SERVICE_ID}
            elderMode={false}
            onFinish={() => {}}
            onLeave={() => {}}
          />,
          { language, wording: false },
        );
        await screen.findByTestId('counter-step');
        const text = container.textContent ?? '';
        expect(screen.getByTestId('counter-reason').textContent).not.toBe(reasonKey);
        expect(screen.queryByTestId('flow-note')).toBeNull();
        if (reasonKey.startsWith('flow.')) expect(text).toContain(i18n.t(reasonKey));
        for (const word of REVEALING) expect(text, `${reasonKey}: ${text}`).not.toMatch(word);
        for (const key of voice.keys()) for (const word of REVEALING) expect(i18n.t(key)).not.toMatch(word);
        unmount();
      }
    });
  }
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
