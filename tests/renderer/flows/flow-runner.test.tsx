import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { FlowEvent, FlowView } from '../../../electron/contract';
import {
  createMockKioskApi,
  fail,
  fixtureServiceHandlers,
  ok,
  type MockHandlers,
  type MockKioskApi,
} from '../../../renderer/api/mock';
import { FlowRunner } from '../../../renderer/flows';
import type { Language } from '../../../renderer/i18n';
import { renderWithKiosk } from './support';
import { FIXTURE_SERVICE_ID, fixtureWording, views } from './views';

interface Script {
  start: FlowView;
  /** The view the host answers to each event, in order. */
  answers?: Array<{ event: FlowEvent; view: FlowView } | { event: FlowEvent; error: string }>;
}

function runFlow(script: Script, options: { language?: Language; elderMode?: boolean; handlers?: MockHandlers } = {}) {
  const answers = [...(script.answers ?? [])];
  let finished = 0;
  let left = 0;
  const api: MockKioskApi = createMockKioskApi({
    ...fixtureServiceHandlers(),
    'flow.start': () => ok<'flow.start'>(script.start),
    'flow.send': ({ event }) => {
      const next = answers.shift();
      if (!next) throw new Error(`unscripted event ${JSON.stringify(event)}`);
      expect(event).toEqual(next.event);
      return 'view' in next ? ok<'flow.send'>(next.view) : fail('invalidParams', next.error);
    },
    'help.request': () => ok<'help.request'>({ callId: 'call-1', queuedAt: '2026-05-01T08:02:00.000Z' }),
    ...options.handlers,
  });
  // The runner loads the service's wording itself: nothing is registered beforehand.
  const rendered = renderWithKiosk(
    <FlowRunner
      api={api}
      sessionId="s-1"
      serviceId={FIXTURE_SERVICE_ID}
      elderMode={options.elderMode ?? false}
      onFinish={() => void (finished += 1)}
      onLeave={() => void (left += 1)}
    />,
    { language: options.language, elderMode: options.elderMode, wording: false },
  );
  return { api, ...rendered, finished: () => finished, left: () => left, answersLeft: () => answers.length };
}

const runner = () => screen.getByTestId('flow-runner');

describe('FlowRunner', () => {
  it('loads the service’s wording first, then starts the flow and draws its first step with the progress', async () => {
    const { api } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    expect(api.callsTo('service.wording')).toEqual([{ serviceId: FIXTURE_SERVICE_ID }]);
    expect(api.calls.map((c) => c.method).slice(0, 2)).toEqual(['service.wording', 'flow.start']);
    expect(api.callsTo('flow.start')).toEqual([{ sessionId: 's-1', serviceId: FIXTURE_SERVICE_ID }]);
    const progress = screen.getByTestId('flow-progress');
    expect(progress).toHaveAttribute('data-step-index', '0');
    expect(progress).toHaveTextContent('第1步，共8步');
    expect(progress.querySelector('[aria-current="step"]')).toHaveTextContent('核验身份');
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('while the wording loads: a calm wait, and no flow started yet', async () => {
    let answer: () => void = () => {};
    const { api } = runFlow(
      { start: views.choice() },
      {
        handlers: {
          'service.wording': () =>
            new Promise((resolve) => {
              answer = () => resolve(ok<'service.wording'>(fixtureWording));
            }),
        },
      },
    );
    expect(await screen.findByTestId('waiting')).toHaveTextContent('正在准备，请稍候…');
    expect(runner()).toHaveAttribute('data-step', 'wording');
    expect(api.callsTo('flow.start')).toEqual([]);
    await act(async () => answer());
    // The step speaks the service's words, never its keys.
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('请选择文件的用途');
    expect(screen.getByTestId('flow-progress').querySelector('[aria-current="step"]')).toHaveTextContent('选择用途');
  });

  it('wording that cannot be had says why, and offers to try again or go back', async () => {
    const { api, left } = runFlow(
      { start: views.identifyCard() },
      { handlers: { 'service.wording': () => fail('internal') } },
    );
    expect(await screen.findByTestId('flow-start-failed')).toHaveTextContent('系统内部错误，请稍后再试');
    expect(api.callsTo('flow.start')).toEqual([]);
    fireEvent.click(screen.getByTestId('flow-leave'));
    expect(left()).toBe(1);
    api.setHandler('service.wording', () => ok<'service.wording'>(fixtureWording));
    fireEvent.click(screen.getByTestId('flow-start-retry'));
    await screen.findByTestId('identify-step');
    expect(api.callsTo('service.wording')).toHaveLength(2);
  });

  it('asks for a service’s wording once for the app’s life, however often its flow starts', async () => {
    const api = createMockKioskApi({ ...fixtureServiceHandlers() });
    function Again(): ReactElement {
      const [round, setRound] = useState(0);
      return (
        <>
          <button type="button" data-testid="again" onClick={() => setRound(round + 1)} />
          <FlowRunner
            key={round}
            api={api}
            sessionId="s-1"
            serviceId={FIXTURE_SERVICE_ID}
            elderMode={false}
            onFinish={() => {}}
            onLeave={() => {}}
          />
        </>
      );
    }
    renderWithKiosk(<Again />, { wording: false });
    await screen.findByTestId('identify-step');
    fireEvent.click(screen.getByTestId('again'));
    await waitFor(() => expect(api.callsTo('flow.start')).toHaveLength(2));
    await screen.findByTestId('identify-step');
    expect(api.callsTo('service.wording')).toHaveLength(1);
  });

  it('a language switch mid-flow shows the service’s words in the new language', async () => {
    const { i18n } = runFlow({ start: views.choice() });
    await screen.findByTestId('choice-step');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByTestId('choice-employer')).toHaveTextContent('For an employer');
  });

  it('drives a scripted run from identify to done, following flow.changed for host-side moves', async () => {
    const { api, finished, answersLeft } = runFlow({
      start: views.identifyCard(),
      answers: [
        { event: { type: 'CONFIRM' }, view: views.consent() },
        { event: { type: 'CONSENT', granted: true }, view: views.faceCheck({ lastOutcome: 'passed', attempt: 1 }) },
        { event: { type: 'CHOOSE', value: 'employer' }, view: views.queryRunning() },
        { event: { type: 'CONFIRM' }, view: views.printing() },
        { event: { type: 'CONFIRM' }, view: views.done() },
      ],
    });
    fireEvent.click(await screen.findByTestId('identify-confirm'));
    fireEvent.click(await screen.findByTestId('consent-step-agree'));
    await screen.findByTestId('waiting');
    // The face check passed and the host moved on: it says so with flow.changed.
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.choice() }));
    expect(screen.getByTestId('flow-progress')).toHaveAttribute('data-step-index', '3');
    fireEvent.click(screen.getByTestId('choice-employer'));
    await screen.findByTestId('query-step');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.review() }));
    fireEvent.click(screen.getByTestId('review-confirm'));
    await screen.findByTestId('a4-print-step');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.printed() }));
    fireEvent.click(screen.getByTestId('print-collected'));
    expect(await screen.findByTestId('done-outcome')).toHaveTextContent('文件已打印，请带好您的文件和凭条。');
    fireEvent.click(screen.getByTestId('done-finish'));
    expect(finished()).toBe(1);
    expect(answersLeft()).toBe(0);
    expect(api.unexpectedCalls).toEqual([]);
  });


  it('ignores flow.changed for another session', async () => {
    const { api } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    act(() => api.emit('flow.changed', { sessionId: 's-other', view: views.choice() }));
    expect(runner()).toHaveAttribute('data-step', 'identify');
  });

  it('shows back only when the host allows it, and sends BACK', async () => {
    runFlow({
      start: views.identifyCard(),
      answers: [
        { event: { type: 'CONFIRM' }, view: views.consent() },
        { event: { type: 'BACK' }, view: views.identifyCard() },
      ],
    });
    await screen.findByTestId('identify-step');
    expect(screen.queryByTestId('flow-back')).toBeNull();
    fireEvent.click(screen.getByTestId('identify-confirm'));
    fireEvent.click(await screen.findByTestId('flow-back'));
    await waitFor(() => expect(runner()).toHaveAttribute('data-step', 'identify'));
    expect(screen.queryByTestId('flow-back')).toBeNull();
  });

  it('a double tap sends one event', async () => {
    let release: () => void = () => {};
    const { api } = runFlow(
      { start: views.review() },
      {
        handlers: {
          'flow.send': () =>
            new Promise((resolve) => {
              release = () => resolve(ok<'flow.send'>(views.printing()));
            }),
        },
      },
    );
    const confirm = await screen.findByTestId('review-confirm');
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(screen.getByTestId('flow-back'));
    expect(api.callsTo('flow.send')).toHaveLength(1);
    await act(async () => release());
    await screen.findByTestId('a4-print-step');
  });

  it('the reprint button is offered once: after the reprint, it is gone', async () => {
    const { api } = runFlow({
      start: views.printed(true),
      answers: [{ event: { type: 'REPRINT' }, view: views.printing() }],
    });
    fireEvent.click(await screen.findByTestId('print-reprint'));
    await screen.findByTestId('waiting');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.printed(false) }));
    expect(screen.queryByTestId('print-reprint')).toBeNull();
    expect(api.callsTo('flow.send')).toEqual([{ sessionId: 's-1', event: { type: 'REPRINT' } }]);
  });

  it('shows the host’s message in words, in Chinese and in English', async () => {
    runFlow({ start: views.identifyExpired() });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('该证件已过有效期');
  });

  it('shows the host’s message in English', async () => {
    runFlow({ start: views.notPrinted() }, { language: 'en' });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent(
      'Paper is jammed in the printer. Please ask staff for help.',
    );
  });

  it('side steps explain themselves in a neutral note, not as an error', async () => {
    runFlow({ start: views.referral('exitEntry') });
    expect(await screen.findByTestId('flow-note')).toHaveTextContent('外国人办理此事项，请到出入境管理部门。');
    expect(screen.queryByTestId('flow-problem')).toBeNull();
  });

  it('an unknown message key still shows words', async () => {
    runFlow({ start: { ...views.identifyExpired(), messageKey: 'flow.somethingNew' } });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('暂时无法办理，请稍后再试或咨询工作人员');
  });

  it('a refused event is an error in words and voice', async () => {
    const { voice } = runFlow({
      start: views.review(),
      answers: [{ event: { type: 'CONFIRM' }, error: 'flow.eventNotAccepted' }],
    });
    fireEvent.click(await screen.findByTestId('review-confirm'));
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('这一步暂时不能这样操作');
    expect(voice.keys()).toContain('voice.error');
  });

  it('a retry that runs again takes the last problem off the screen', async () => {
    const { api } = runFlow({
      start: views.queryFailed(2),
      answers: [{ event: { type: 'RETRY' }, view: views.queryRunning() }],
    });
    expect(await screen.findByTestId('flow-problem')).toHaveTextContent('系统响应超时');
    fireEvent.click(screen.getByTestId('query-retry'));
    await waitFor(() => expect(screen.queryByTestId('flow-problem')).toBeNull());
    expect(api.unexpectedCalls).toEqual([]);
  });

  it('in elder mode, two errors in one step bring the shell’s offer of staff help', async () => {
    const { api } = runFlow(
      {
        start: views.queryFailed(2),
        answers: [{ event: { type: 'RETRY' }, view: views.queryRunning() }],
      },
      { elderMode: true },
    );
    await screen.findByTestId('flow-problem');
    expect(screen.queryByTestId('help-offer')).toBeNull();
    fireEvent.click(screen.getByTestId('query-retry'));
    await screen.findByTestId('waiting');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: views.queryFailed(1) }));
    await screen.findByTestId('help-offer');
    fireEvent.click(screen.getByTestId('help-offer-accept'));
    await screen.findByTestId('help-dialog');
    expect(api.callsTo('help.request')).toEqual([{ sessionId: 's-1', reason: 'repeatedErrors', step: 'flow.query' }]);
  });

  it('a touch on the step the host showed before it answered the last event is sent after that answer, not lost', async () => {
    const { api } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    let answerConfirm: () => void = () => {};
    const sent: string[] = [];
    api.setHandler('flow.send', ({ event }) => {
      sent.push(event.type);
      if (event.type === 'CONFIRM') {
        // The host moves on and says so at once, but its answer to CONFIRM comes later (a loaded kiosk PC).
        api.emit('flow.changed', { sessionId: 's-1', view: views.consent() });
        return new Promise((resolve) => {
          answerConfirm = () => resolve(ok<'flow.send'>(views.consent()));
        });
      }
      return ok<'flow.send'>(views.faceCheck());
    });
    fireEvent.click(screen.getByTestId('identify-confirm'));
    fireEvent.click(await screen.findByTestId('consent-step-agree'));
    expect(sent).toEqual(['CONFIRM']);
    await act(async () => answerConfirm());
    await screen.findByTestId('face-step');
    expect(sent).toEqual(['CONFIRM', 'CONSENT']);
  });

  it('a second button pressed on a step the first one already left is not sent', async () => {
    const { api } = runFlow({ start: views.consent() });
    await screen.findByTestId('consent-step');
    let answerConsent: () => void = () => {};
    const sent: unknown[] = [];
    api.setHandler('flow.send', ({ event }) => {
      sent.push(event);
      return new Promise((resolve) => {
        answerConsent = () => resolve(ok<'flow.send'>(views.faceCheck()));
      });
    });
    fireEvent.click(screen.getByTestId('consent-step-agree'));
    fireEvent.click(screen.getByTestId('consent-step-refuse'));
    await act(async () => answerConsent());
    await screen.findByTestId('face-step');
    expect(sent).toEqual([{ type: 'CONSENT', granted: true }]);
  });

  it('the same problem view arriving twice (event, then answer) counts once', async () => {
    const { api } = runFlow(
      { start: views.identifyCard(), answers: [{ event: { type: 'CONFIRM' }, view: views.identifyExpired() }] },
      { elderMode: true, handlers: {} },
    );
    await screen.findByTestId('identify-step');
    // The host pushes flow.changed before answering the send.
    api.setHandler('flow.send', () => {
      api.emit('flow.changed', { sessionId: 's-1', view: views.identifyExpired() });
      return ok<'flow.send'>(views.identifyExpired());
    });
    fireEvent.click(screen.getByTestId('identify-confirm'));
    await screen.findByTestId('flow-problem');
    expect(screen.queryByTestId('help-offer')).toBeNull();
  });

  it('a flow that cannot start says why, and offers to try again or go back', async () => {
    const { left, api } = runFlow(
      { start: views.identifyCard() },
      { handlers: { 'flow.start': () => fail('deviceUnavailable', 'service.deviceDown.camera') } },
    );
    expect(await screen.findByTestId('flow-start-failed')).toHaveTextContent('人像摄像头暂不可用');
    fireEvent.click(screen.getByTestId('flow-leave'));
    expect(left()).toBe(1);
    api.setHandler('flow.start', () => ok<'flow.start'>(views.identifyCard()));
    fireEvent.click(screen.getByTestId('flow-start-retry'));
    await screen.findByTestId('identify-step');
  });

  it('unsubscribes from flow.changed when it goes away', async () => {
    const { api, unmount } = runFlow({ start: views.identifyCard() });
    await screen.findByTestId('identify-step');
    expect(api.listenerCount('flow.changed')).toBe(1);
    unmount();
    expect(api.listenerCount('flow.changed')).toBe(0);
  });

  it('zero latency: the answer to an event, older than the view the host already pushed, does not roll the step back', async () => {
    const { api } = runFlow({ start: { ...views.choice(), seq: 3 } });
    await screen.findByTestId('choice-step');
    // The query finished at once: the host pushes review (seq 5) before its answer to CHOOSE (query, seq 4) arrives.
    api.setHandler('flow.send', () => {
      api.emit('flow.changed', { sessionId: 's-1', view: { ...views.review(), seq: 5 } });
      return ok<'flow.send'>({ ...views.queryRunning(), seq: 4 });
    });
    fireEvent.click(screen.getByTestId('choice-employer'));
    await waitFor(() => expect(api.callsTo('flow.send')).toHaveLength(1));
    await act(async () => undefined);
    expect(runner()).toHaveAttribute('data-step', 'review');
    expect(screen.getByTestId('review-confirm')).toBeVisible();
    // Nor does a stale refresh answer.
    api.setHandler('flow.current', () => ok<'flow.current'>({ view: { ...views.queryRunning(), seq: 4 } }));
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.queryRunning(), seq: 4 } }));
    expect(runner()).toHaveAttribute('data-step', 'review');
  });

  it('the start answer does not roll back a newer view of the same run that came first; views of another run are ignored', async () => {
    const host: { api?: MockKioskApi } = {};
    const { api } = runFlow(
      { start: views.identifyCard() },
      {
        handlers: {
          'flow.start': async () => {
            // The run moved on at once: its event goes out before the answer to flow.start.
            await Promise.resolve();
            host.api?.emit('flow.changed', { sessionId: 's-1', view: { ...views.consent(), flowId: 'flow-2', seq: 1 } });
            return ok<'flow.start'>({ ...views.identifyCard(), flowId: 'flow-2', seq: 0 });
          },
        },
      },
    );
    host.api = api;
    await waitFor(() => expect(api.callsTo('flow.start')).toHaveLength(1));
    await act(async () => undefined);
    expect(runner()).toHaveAttribute('data-step', 'consent');
    // A late view of a run that is gone (flow-1) changes nothing, whatever its number.
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.choice(), flowId: 'flow-1', seq: 9 } }));
    expect(runner()).toHaveAttribute('data-step', 'consent');
    act(() => api.emit('flow.changed', { sessionId: 's-1', view: { ...views.faceCheck(), flowId: 'flow-2', seq: 2 } }));
    expect(runner()).toHaveAttribute('data-step', 'faceCheck');
  });
});
